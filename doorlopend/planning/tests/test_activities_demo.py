"""The demo activities and budget: loading twice adds nothing, an overspent line, the large set."""

from decimal import Decimal

import pytest
from django_scopes import scopes_disabled

from doorlopend.core.demo import DemoContext
from doorlopend.core.testing.rows import added_rows, row_counts
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.tests.factories import PartnershipFactory, SchoolFactory
from doorlopend.planning.demo import activities as demo_activities
from doorlopend.planning.models import Activity, ActivityPerson, BudgetLine
from doorlopend.planning.selectors.budget import budget_totals

from .factories import GoalFactory

pytestmark = pytest.mark.django_db


def test_demo_is_made_once_with_people_goals_and_an_overspent_line(
    partnership, member_of
):
    SchoolFactory.create_batch(2, partnership=partnership)
    goal = GoalFactory(partnership=partnership)
    people = {
        role: member_of(partnership, role)
        for role in (Role.COORDINATOR, Role.DOCENT, Role.WERKGROEPLID)
    }
    context = DemoContext(partnership=partnership, people=people)
    with scopes_disabled():
        demo_activities.load_demo(context)
        before = row_counts()
        demo_activities.load_demo(context)
        assert added_rows(before, row_counts()) == {}
        activities = Activity.objects.filter(partnership=partnership)
        assert {a.status for a in activities} == {"planned", "held", "cancelled"}
        assert all(a.elements for a in activities)
        assert activities.filter(goals=goal).exists()
        assert ActivityPerson.objects.filter(membership__isnull=False).exists()
        assert ActivityPerson.objects.filter(name="P. Proefmans").exists()
        overview = budget_totals(partnership=partnership)
    names = [s.source.name for s in overview.sources]
    assert len(names) > 1 and names == sorted(names)  # several sources, by name
    assert overview.overspent_lines >= 1
    assert overview.total.planned > Decimal(0)


def test_large_adds_its_activities_with_a_goal_each_to_bench_0(db):
    bench = PartnershipFactory(slug="bench-0")
    SchoolFactory(partnership=bench)
    GoalFactory.create_batch(2, partnership=bench)
    with scopes_disabled():
        demo_activities.load_large(DemoContext())
        before = row_counts()
        demo_activities.load_large(DemoContext())
        assert added_rows(before, row_counts()) == {}
        # The size is the benchmark's input (bench/ reads it), not demo content.
        activities = Activity.objects.filter(partnership=bench)
        assert activities.count() == demo_activities.LARGE_ACTIVITIES
        assert activities.filter(goals__isnull=True).count() == 0
        lines = BudgetLine.objects.filter(source__partnership=bench)
        assert lines.count() == demo_activities.LARGE_LINES
