"""The first-run guide: a new partnership's first five steps, in the order of seed 000
("Spreek regionaal dezelfde taal", then "Maak regionaal heldere afspraken").

Whether a step is done is read from the data, never ticked by hand: someone besides the
coördinator has joined; the vision has a shared definition; a partner has written down
its needs and expectations; there is a SMART goal; the plan has an activity or a task.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from doorlopend.core.facts import ask
from doorlopend.partnerships.models import Partnership

from .card_questions import guide_questions


@dataclass(frozen=True)
class GuideStep:
    key: str
    title: str
    help: str
    action: str  # the link's text
    url_name: str  # where to do it
    perm: str  # who may do it there (others see the step, not the link)
    done: bool


# (key, title, what to do, the link, where, who may)
STEPS = (
    (
        "people",
        _("Bring people together"),
        _(
            "Invite representatives of the vo, mbo and hbo schools (and the municipality "
            "and employers) to the partnership."
        ),
        _("Invite people"),
        "partnerships:member_list",
        "members.manage",
    ),
    (
        "definition",
        _("Agree on a shared definition"),
        _("Write down together what you mean by a doorlopende leerlijn LOB."),
        _("Write the definition"),
        "planning:vision_edit",
        "planning.manage",
    ),
    (
        "needs",
        _("Name needs and expectations"),
        _("Let each partner write down what it needs and what it expects."),
        _("Go to the partners' needs"),
        "planning:vision",
        "planning.view",
    ),
    (
        "goals",
        _("Set SMART goals"),
        _("Formulate shared goals: specific, measurable, with a target and deadline."),
        _("Add a goal"),
        "planning:goal_create",
        "planning.manage",
    ),
    (
        "plan",
        _("Make the plan van aanpak"),
        _("Plan the first activities and tasks, with who does what and when."),
        _("Plan an activity"),
        "planning:activity_create",
        "planning.manage",
    ),
)


@dataclass(frozen=True)
class Guide:
    steps: list[GuideStep]

    @property
    def done_count(self) -> int:
        return sum(step.done for step in self.steps)

    @property
    def complete(self) -> bool:
        return self.done_count == len(self.steps)

    @property
    def next_step(self) -> GuideStep | None:
        return next((step for step in self.steps if not step.done), None)


def first_run_guide(*, partnership: Partnership) -> Guide:
    """The five steps and which are done, in one query (none when the overview page
    asked its cards' questions first)."""
    facts = ask(guide_questions(partnership=partnership))
    done = {
        "people": facts["partnerships.members"] > 1,
        "definition": facts["planning.has_definition"],
        "needs": facts["planning.has_needs"],
        "goals": facts["planning.has_goals"],
        "plan": facts["planning.has_activities"] or facts["planning.has_tasks"],
    }
    return Guide(
        steps=[
            GuideStep(key, title, help, action, url_name, perm, bool(done[key]))
            for key, title, help, action, url_name, perm in STEPS
        ]
    )


def guide_for(*, partnership: Partnership) -> Guide | None:
    """The guide while a step is still open; None once the partnership is under way."""
    guide = first_run_guide(partnership=partnership)
    return None if guide.complete else guide
