"""A school's plan page with its goals, activities and budget; the partnership plan's
summary of every school's plan; the school's scan action points handled on its page."""

import datetime
from decimal import Decimal
from html import escape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.models import Membership
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.tests.factories import SchoolFactory
from doorlopend.reflection.services.scans import scan_action_point
from doorlopend.reflection.tests.scan_helpers import scan_of

from ..demo import activities as demo_activities
from ..demo import school_plan as demo_school_plan
from ..models import Activity, BudgetLine, Goal, Triage
from ..selectors.budget import budget_totals
from ..selectors.school_plans import school_plan_rows
from .factories import (
    ActivityFactory,
    BudgetLineFactory,
    FundingSourceFactory,
    GoalFactory,
)
from .test_tasks import logged_in

pytestmark = pytest.mark.django_db


def url(partnership, name, *args):
    return reverse(f"planning:{name}", args=[partnership.slug, *args])


@pytest.fixture
def schools(partnership):
    return [
        SchoolFactory(partnership=partnership, name="Het Lingecollege"),
        SchoolFactory(partnership=partnership, name="Pantarijn", kind="mbo"),
    ]


def keeper(partnership, member_of, school, role="decaan"):
    user = member_of(partnership, role, organisation=school)
    with scopes_disabled():
        return user, Membership.objects.get(partnership=partnership, user=user)


def school_work(partnership, school, n=1):
    """`n` goals, `n` planned and `n` held activities and `n` budget lines of `school`."""
    source = FundingSourceFactory(partnership=partnership)
    for i in range(n):
        GoalFactory(partnership=partnership, school=school, title=f"Doel {i}")
        ActivityFactory(partnership=partnership, school=school, title=f"Gepland {i}")
        ActivityFactory(
            partnership=partnership,
            school=school,
            title=f"Gehouden {i}",
            status="held",
            starts_at=timezone.now() - datetime.timedelta(days=20),
        )
        BudgetLineFactory(
            source=source,
            school=school,
            description=f"Regel {i}",
            planned=Decimal("500"),
            spent=Decimal("125.50"),
        )


def test_the_school_plan_page_shows_its_goals_activities_and_budget(
    partnership, member_of, schools
):
    school, other = schools
    school_work(partnership, school, n=2)
    GoalFactory(partnership=partnership, title="Doel van het samenwerkingsverband")
    user, _m = keeper(partnership, member_of, school, "portefeuillehouder")
    page = logged_in(user).get(url(partnership, "school_plan", school.pk))
    body = page.content.decode()
    for title in ("Doel 0", "Doel 1", "Gepland 1", "Gehouden 0", "Regel 1"):
        assert title in body
    assert "Doel van het samenwerkingsverband" not in body
    assert "2 van 4 activiteiten gehouden." in body
    assert "€ 1.000,00" in body and "€ 251,00" in body  # planned and spent
    for name in ("goal_create", "activity_create"):
        assert f"{url(partnership, name)}?school={school.pk}" in body
    assert f"{url(partnership, 'budget')}?van={school.pk}" in body
    # The other school's empty plan says what to do, and its keeper's links are not
    # offered to a reader of another school.
    other_page = logged_in(user).get(url(partnership, "school_plan", other.pk))
    text = other_page.content.decode()
    assert _(
        "No goals of this school yet. Its portefeuillehouder or decaan adds them."
    ) in (text.replace("&#x27;", "'"))
    assert f"?school={other.pk}" not in text


def test_an_empty_school_plan_tells_its_keeper_what_to_do(
    partnership, member_of, schools
):
    user, _m = keeper(partnership, member_of, schools[0])
    body = logged_in(user).get(url(partnership, "school_plan", schools[0].pk))
    text = body.content.decode()
    assert "Deze school heeft nog geen doelen. Voeg een SMART-doel toe" in text
    assert "Deze school heeft nog geen activiteiten. Plan er een" in text
    assert (
        "Deze school heeft nog geen begrotingsregels. Voeg op de begrotingspagina"
        in (text)
    )


def test_school_plan_page_queries_with_its_work(
    partnership, member_of, schools, django_assert_max_num_queries
):
    school = schools[0]
    school_work(partnership, school, n=12)
    user, _m = keeper(partnership, member_of, school)
    client = logged_in(user)
    with django_assert_max_num_queries(18):
        response = client.get(url(partnership, "school_plan", school.pk))
    assert response.content.decode().count("Gehouden ") == 12


def test_the_plan_page_summarises_each_schools_plan(partnership, client_for, schools):
    school, other = schools
    school_work(partnership, school, n=2)
    ActivityFactory(partnership=partnership, school=school, status="cancelled")
    with scopes_disabled():
        rows = {r.school: r for r in school_plan_rows(partnership=partnership)}
    row = rows[school]
    assert (row.goals, row.activities_held, row.activities_planned) == (2, 2, 2)
    assert row.budget_planned == Decimal("1000") and row.budget_spent == Decimal("251")
    assert not rows[other].has_work
    body = client_for("stuurgroep").get(url(partnership, "plan")).content.decode()
    assert "2 gehouden, 2 gepland" in body
    assert "€ 1.000,00 / € 251,00" in body
    assert "nog niets" in body  # the school without a plan of its own


def test_the_plan_summary_costs_the_same_for_2_or_12_schools(
    partnership, client_for, schools
):
    client = client_for("stuurgroep")
    school_work(partnership, schools[0], n=2)

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url(partnership, "plan")).status_code == 200
        return len(context)

    queries()  # the first request sets up the session
    few = queries()
    for n in range(10):
        school = SchoolFactory(partnership=partnership, name=f"School {n:02}")
        school_work(partnership, school, n=2)
    assert queries() == few


def test_a_scan_point_becomes_an_activity_of_that_school_from_its_page(
    partnership, member_of, client_for, schools
):
    school, other = schools
    user, membership = keeper(partnership, member_of, school)
    scan = scan_of(school)
    with scopes_disabled():
        point = scan_action_point(session=scan, element_key="ouders", by=membership)
    client = logged_in(user)
    page = client.get(url(partnership, "school_plan", school.pk)).content.decode()
    handle = f"{url(partnership, 'triage', point.pk)}?terug=school"
    assert escape(handle) in page or handle in page
    form = client.get(handle).content.decode()
    assert _("Make it a goal") in form and _("Make it an activity") in form
    assert _("Make it a task") not in form  # tasks stay the coördinator's
    response = client.post(
        handle,
        {
            "outcome": "activity",
            "title": "Ouderavond LOB",
            "kind": "ouderavond",
            "date": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == url(partnership, "school_plan", school.pk)
    with scopes_disabled():
        activity = Activity.objects.get(title="Ouderavond LOB")
        assert activity.school == school
        assert activity.elements == ["ouders"]  # the scan's element, carried along
        assert Triage.objects.get(action_point=point).activity == activity
    page = client.get(url(partnership, "school_plan", school.pk)).content.decode()
    assert "Ouderavond LOB" in page and _("not handled yet") not in page
    # The coördinator's inbox shows what it became.
    inbox = client_for("coordinator").get(url(partnership, "inbox")).content.decode()
    assert url(partnership, "activity_detail", activity.pk) in inbox


def test_a_scan_point_becomes_a_goal_of_that_school(partnership, member_of, schools):
    school = schools[0]
    user, membership = keeper(partnership, member_of, school, "portefeuillehouder")
    with scopes_disabled():
        point = scan_action_point(
            session=scan_of(school), element_key="reflectie", by=membership
        )
    client = logged_in(user)
    handle = url(partnership, "triage", point.pk)
    # The goal form starts from the point: its text and owner.
    form = client.get(handle).content.decode()
    assert escape(point.title) in form
    data = {
        "outcome": "goal",
        "title": "Reflectie na elke meeloopdag",
        "specific": point.title,
        "indicator": "Aandeel meeloopdagen met een nagesprek",
        "baseline": "20",
        "target": "90",
        "deadline": (timezone.localdate() + datetime.timedelta(days=200)).isoformat(),
        "owner": membership.pk,
        "theme_key": "visie-en-ambitie",
    }
    missing = client.post(handle, {**data, "indicator": ""})
    assert missing.status_code == 200
    assert _("Measurable: name the indicator you will count or measure.") in (
        missing.content.decode()
    )
    assert client.post(handle, data).status_code == 302
    assert client.post(handle, data).status_code == 302  # a second submit: no second
    with scopes_disabled():
        goal = Goal.objects.get()
        assert goal.school == school and goal.title == data["title"]
        assert Triage.objects.get(action_point=point).goal == goal


def test_the_decaan_of_another_school_cannot_see_or_handle_the_point(
    partnership, member_of, client_for, schools
):
    school, other = schools
    _u, membership = keeper(partnership, member_of, school)
    with scopes_disabled():
        point = scan_action_point(
            session=scan_of(school), element_key="ouders", by=membership
        )
    stranger, _m = keeper(partnership, member_of, other)
    client = logged_in(stranger)
    page = client.get(url(partnership, "school_plan", school.pk)).content.decode()
    assert point.title not in page
    handle = url(partnership, "triage", point.pk)
    assert client.get(handle).status_code == 404
    decline = {"outcome": "declined", "reason": "Niet van ons"}
    assert client.post(handle, decline).status_code == 404
    # The stuurgroep reads the plan but handles nothing.
    assert client_for("stuurgroep").post(handle, decline).status_code == 403
    with scopes_disabled():
        assert not Triage.objects.exists()
    # The coördinator still handles it in the partnership's inbox.
    coordinator = client_for("coordinator")
    assert coordinator.post(handle, decline).status_code == 302
    with scopes_disabled():
        assert Triage.objects.get(action_point=point).outcome == "declined"


def test_another_partnership_gets_404(
    partnership, other_partnership, member_of, client_for, schools
):
    _u, membership = keeper(partnership, member_of, schools[0])
    with scopes_disabled():
        point = scan_action_point(
            session=scan_of(schools[0]), element_key="ouders", by=membership
        )
    outsider = client_for("coordinator", partnership=other_partnership)
    for name, arg in (("school_plan", schools[0].pk), ("triage", point.pk)):
        assert outsider.get(url(partnership, name, arg)).status_code == 404
        ours = reverse(f"planning:{name}", args=[other_partnership.slug, arg])
        assert outsider.get(ours).status_code == 404


def test_the_demo_school_plan_has_goals_activities_and_lines_once(
    partnership, member_of, schools
):
    school = schools[0]
    user, _m = keeper(partnership, member_of, school, "portefeuillehouder")
    coordinator = member_of(partnership, "coordinator")
    context = DemoContext(
        partnership=partnership,
        people={Role.PORTEFEUILLEHOUDER: user, Role.COORDINATOR: coordinator},
    )
    with scopes_disabled():
        demo_activities.load_demo(context)
        overplanned = len(budget_totals(partnership=partnership).overplanned_sources)
        for _n in range(2):
            demo_school_plan.load_demo(context)
        assert Goal.objects.filter(school=school).count() == 2
        assert not Goal.objects.filter(school=school, measurements=None).exists()
        activities = Activity.objects.filter(school=school)
        assert activities.count() == 3
        assert {a.status for a in activities} == {"held", "planned"}
        assert BudgetLine.objects.filter(school=school).count() == 2
        # The school's lines fit in what their source grants.
        after = budget_totals(partnership=partnership).overplanned_sources
        assert len(after) == overplanned


def test_the_plan_page_lists_the_partnerships_own_goals_and_activities(
    partnership, client_for, schools
):
    GoalFactory(partnership=partnership, title="Doel van het samenwerkingsverband")
    GoalFactory(partnership=partnership, school=schools[0], title="Doel van Linge")
    ActivityFactory(partnership=partnership, title="Regionale techniekdag")
    ActivityFactory(
        partnership=partnership, school=schools[0], title="Linge-ouderavond"
    )
    body = client_for("stuurgroep").get(url(partnership, "plan")).content.decode()

    def section(label: str) -> str:
        start = body.index(f'aria-labelledby="{label}"')
        return body[start : body.index("</section>", start)]

    goals, activities = section("plan-goals-heading"), section("plan-activities")
    assert "Doel van het samenwerkingsverband" in goals
    assert "Regionale techniekdag" in activities
    # A school's own rows are in its summary line, not among the partnership's (the
    # timeline still shows every date).
    assert "Doel van Linge" not in goals and "Linge-ouderavond" not in activities
    assert "0 gehouden, 1 gepland" in section("plan-school-plans")
