"""The voortgangsrapportage's part on the schools' own plans: per school its vision,
goals and activities in summary; the partnership's own goals stay in their section."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import SchoolFactory

from ..report import progress_report_content
from .factories import (
    ActivityFactory,
    BudgetLineFactory,
    FundingSourceFactory,
    GoalFactory,
    MeasurementFactory,
)

pytestmark = pytest.mark.django_db


def content(partnership):
    with scopes_disabled():
        return progress_report_content(partnership, today=timezone.localdate())


def test_each_school_with_a_plan_has_its_goals_and_activities(partnership):
    linge = SchoolFactory(partnership=partnership, name="Het Lingecollege")
    SchoolFactory(partnership=partnership, name="Pantarijn")
    goal = GoalFactory(
        partnership=partnership, school=linge, title="Twee loopbaangesprekken", unit="%"
    )
    MeasurementFactory(goal=goal, value=Decimal("55.5"))
    GoalFactory(partnership=partnership, title="Doel van het samenwerkingsverband")
    ActivityFactory(partnership=partnership, school=linge, title="Meeloopdag ROC")
    ActivityFactory(
        partnership=partnership,
        school=linge,
        title="Ouderavond LOB",
        status="held",
        starts_at=timezone.now() - datetime.timedelta(days=3),
    )
    source = FundingSourceFactory(partnership=partnership)
    BudgetLineFactory(source=source, school=linge, planned=Decimal("1500"))
    doc = content(partnership)
    sections = {s.title: "\n".join(s.lines()) for s in doc.sections}
    schools = sections["De eigen LOB-plannen van de scholen"]
    assert "Het Lingecollege" in schools
    assert "1 gehouden, 1 gepland" in schools
    assert "1 gehouden, 1 gepland | €\u00a01.500,00 | €\u00a00,00" in schools
    assert "Doelen van Het Lingecollege" in schools
    assert "Twee loopbaangesprekken | 55,5 %" in schools
    assert "Activiteiten van Het Lingecollege" in schools
    assert "Meeloopdag ROC" in schools and "Ouderavond LOB" in schools
    # A school without a plan of its own is left out; the partnership's goal is not a
    # school's, and a school's goal is not listed twice.
    assert "Pantarijn" not in schools
    assert "Doel van het samenwerkingsverband" not in schools
    assert "Twee loopbaangesprekken" not in sections["Doelen"]
    assert "Ouderavond LOB" not in sections["Gehouden activiteiten"]


def test_the_schools_part_costs_the_same_for_1_or_8_schools(partnership):
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            content(partnership)
        return len(context)

    def school_with_plan(n):
        school = SchoolFactory(partnership=partnership, name=f"School {n}")
        GoalFactory(partnership=partnership, school=school)
        ActivityFactory(partnership=partnership, school=school)

    school_with_plan(0)
    few = queries()
    for n in range(1, 8):
        school_with_plan(n)
    assert queries() == few
