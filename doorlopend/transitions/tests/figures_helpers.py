"""Hand-made transitions for the figures tests: milestone dates set directly."""

import datetime

from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import SchoolFactory
from doorlopend.transitions.tests.factories import PupilFactory, TransitionFactory

TODAY = datetime.date(2026, 11, 23)
RECOGNISABLE = "Xandertje Zwartewaterkamp"


def school(partnership, name: str, kind: str = "vo"):
    return SchoolFactory(partnership=partnership, name=name, kind=kind)


def make(partnership, count: int, *, cohort: int = 2025, name: str = "", **fields):
    """`count` transitions with the same facts; the first pupil named `name` if given."""
    made = []
    with scopes_disabled():
        for i in range(count):
            pupil = PupilFactory(partnership=partnership)
            if name and i == 0:
                pupil.name = name
                pupil.save()
            made.append(
                TransitionFactory(
                    partnership=partnership, pupil=pupil, cohort=cohort, **fields
                )
            )
    return made


def started(on: datetime.date = datetime.date(2025, 9, 1), **more) -> dict:
    """The milestone dates of a pupil who registered on time, was placed and started."""
    return {
        "status": "gestart",
        "registered_on": datetime.date(2025, 2, 1),
        "placed_on": datetime.date(2025, 6, 1),
        "started_on": on,
        **more,
    }
