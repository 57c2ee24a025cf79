"""The demo plans on school days, whatever day it is loaded on.

Counted from Friday 4 December 2026, "in three weeks" was Christmas Day: the demo planned
its parents' evening then. Now every activity, milestone and goal deadline it makes is
moved to a school day of the partnership's region (a held one backwards, into the past).
"""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.tests.factories import SchoolFactory
from doorlopend.planning import demo as planning_demo
from doorlopend.planning.models import Activity, Goal, Milestone
from doorlopend.planning.school_calendar import date_warnings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "today",
    [
        datetime.date(2026, 12, 4),  # a Friday: +21 days is Christmas Day
        datetime.date(2025, 12, 5),  # +21 days is Boxing Day, in the kerstvakantie
        datetime.date(2026, 4, 6),  # Easter Monday, in regio zuid's run-up to May
    ],
)
def test_demo_dates_are_school_days(partnership, member_of, monkeypatch, today):
    partnership.school_region = "zuid"
    partnership.save()
    SchoolFactory.create_batch(3, partnership=partnership)
    roles = (Role.COORDINATOR, Role.DOCENT, Role.DECAAN, Role.MENTOR)
    people = {role: member_of(partnership, role) for role in roles}
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: today)
    with scopes_disabled():
        planning_demo.load_demo(DemoContext(partnership=partnership, people=people))
        days = [
            *(
                (a.title, timezone.localtime(a.starts_at).date())
                for a in Activity.objects.filter(partnership=partnership)
            ),
            *(
                (m.title, m.date)
                for m in Milestone.objects.filter(assignment__partnership=partnership)
            ),
            *(
                (g.title, g.deadline)
                for g in Goal.objects.filter(partnership=partnership)
            ),
        ]
    assert len(days) > 10
    on_days_off = {
        (title, day): warnings
        for title, day in days
        if (warnings := date_warnings(day, region="zuid"))
    }
    assert on_days_off == {}
