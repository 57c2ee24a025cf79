"""The demo activities and budget: made once, an overspent line, and the large set."""

from decimal import Decimal

import pytest
from django_scopes import scopes_disabled

from doorlopend.core.demo import DemoContext
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
        demo_activities.load_demo(context)
        activities = Activity.objects.filter(partnership=partnership)
        assert activities.count() == 8
        assert {a.status for a in activities} == {"planned", "held", "cancelled"}
        assert all(a.elements for a in activities)
        assert activities.filter(goals=goal).exists()
        assert ActivityPerson.objects.filter(membership__isnull=False).exists()
        assert ActivityPerson.objects.filter(name="P. Proefmans").exists()
        overview = budget_totals(partnership=partnership)
    assert [s.source.name for s in overview.sources] == [
        "Eigen budget ROC",
        "Regionale middelen",
        "Subsidie Doorlopend Techniek",
    ]
    assert overview.overspent_lines == 1
    assert overview.total.planned == Decimal("20600.00")


def test_large_adds_200_activities_with_a_goal_each_to_bench_0(db):
    bench = PartnershipFactory(slug="bench-0")
    SchoolFactory(partnership=bench)
    GoalFactory.create_batch(2, partnership=bench)
    with scopes_disabled():
        demo_activities.load_large(DemoContext())
        demo_activities.load_large(DemoContext())
        activities = Activity.objects.filter(partnership=bench)
        assert activities.count() == 200
        assert activities.filter(goals__isnull=True).count() == 0
        assert BudgetLine.objects.filter(source__partnership=bench).count() == 60
