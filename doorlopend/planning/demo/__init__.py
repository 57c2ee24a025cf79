"""The demo's plan van aanpak; each area keeps its data in its own `demo/<area>.py`.

In this order: goals and vision first (activities link to goals), then activities and the
budget, then tasks, communication and the change assignments, one school's own plan, then
the inbox.
"""

from doorlopend.core.demo import DemoContext

from . import activities, goals, inbox, school_plan, work

PARTS = (goals, activities, work, school_plan, inbox)


def load_demo(context: DemoContext) -> None:
    for part in PARTS:
        part.load_demo(context)


def load_large(context: DemoContext) -> None:
    for part in PARTS:
        if hasattr(part, "load_large"):
            part.load_large(context)
