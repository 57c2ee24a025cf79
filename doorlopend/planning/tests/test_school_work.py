"""Goals, activities and budget lines of one school's own plan: the same pages, forms and
services as the partnership's, kept by that school's portefeuillehouder and decaan (and
the coördinator), read by the stuurgroep (planning.keep_item about the row)."""

import datetime
from decimal import Decimal
from html import escape

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Membership
from doorlopend.partnerships.tests.factories import SchoolFactory

from ..models import Activity, BudgetLine, Goal
from ..services import activities as activity_services
from ..services import goals as goal_services
from .factories import (
    ActivityFactory,
    BudgetLineFactory,
    FundingSourceFactory,
    GoalFactory,
)
from .test_activities_views import form_data as activity_data
from .test_goals_views import goal_data
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


def smart(owner) -> dict:
    """Every SMART part of a goal, as the service takes them."""
    return {
        "title": "Loopbaangesprekken",
        "specific": "Elke leerling van leerjaar 3 voert twee loopbaangesprekken.",
        "indicator": "Aandeel leerlingen met twee gesprekken",
        "unit": "%",
        "baseline": Decimal("40"),
        "target": Decimal("80"),
        "deadline": datetime.date.today() + datetime.timedelta(days=100),
        "owner": owner,
        "theme_key": "visie-en-ambitie",
    }


def keeper(partnership, member_of, school, role="decaan"):
    """A decaan (or portefeuillehouder) of `school`: the user and their membership."""
    user = member_of(partnership, role, organisation=school)
    with scopes_disabled():
        return user, Membership.objects.get(partnership=partnership, user=user)


def test_a_decaan_adds_a_goal_to_their_schools_plan_preset(
    partnership, member_of, schools
):
    school = schools[0]
    user, membership = keeper(partnership, member_of, school)
    client = logged_in(user)
    form = client.get(url(partnership, "goal_create")).content.decode()
    # One school: no choice to make, the school is preset (hidden).
    assert f'type="hidden" name="school" value="{school.pk}"' in form
    assert escape(_("The partnership as a whole")) not in form
    assert "Voor het LOB-plan van Het Lingecollege." in form
    data = goal_data(membership, school=school.pk, title="Loopbaangesprek leerjaar 3")
    response = client.post(url(partnership, "goal_create"), data)
    assert response.status_code == 302
    with scopes_disabled():
        goal = Goal.objects.get(title="Loopbaangesprek leerjaar 3")
        assert goal.school == school
    detail = client.get(url(partnership, "goal_detail", goal.pk)).content.decode()
    assert url(partnership, "school_plan", school.pk) in detail
    assert url(partnership, "goal_edit", goal.pk) in detail


def test_a_decaan_cannot_add_to_another_school_or_the_partnership(
    partnership, member_of, schools
):
    school, other = schools
    user, membership = keeper(partnership, member_of, school)
    client = logged_in(user)
    response = client.post(
        url(partnership, "goal_create"), goal_data(membership, school=other.pk)
    )
    assert response.status_code == 200
    assert _("Choose a school whose LOB plan you keep.") in response.content.decode()
    with scopes_disabled():
        assert not Goal.objects.exists()
        # The service refuses as well, whatever a form lets through.
        for target in (other, None):
            with pytest.raises(PermissionDenied):
                goal_services.goal_create(
                    partnership=partnership,
                    by=membership,
                    school=target,
                    **smart(membership),
                )
        assert not Goal.objects.exists()


def test_a_decaan_of_one_school_cannot_edit_anothers_activity(
    partnership, member_of, schools
):
    school, other = schools
    user, membership = keeper(partnership, member_of, school)
    theirs = ActivityFactory(partnership=partnership, school=other, title="Meeloopdag")
    client = logged_in(user)
    for name in ("activity_edit", "activity_delete", "person_add"):
        assert client.get(url(partnership, name, theirs.pk)).status_code == 403
    edit = url(partnership, "activity_edit", theirs.pk)
    assert client.post(edit, activity_data(title="Overgenomen")).status_code == 403
    with scopes_disabled():
        with pytest.raises(PermissionDenied):
            activity_services.activity_delete(activity=theirs, by=membership)
        theirs.refresh_from_db()
        assert theirs.title == "Meeloopdag"
    # Their own school's activity they keep; its page offers the edit.
    own = ActivityFactory(partnership=partnership, school=school)
    page = client.get(url(partnership, "activity_detail", own.pk)).content.decode()
    assert url(partnership, "activity_edit", own.pk) in page
    response = client.post(
        url(partnership, "activity_edit", own.pk), activity_data(school=school.pk)
    )
    assert response.status_code == 302
    with scopes_disabled():
        own.refresh_from_db()
        assert own.title == "Gastles techniek" and own.school == school


def test_a_portefeuillehouder_keeps_their_schools_budget_lines_only(
    partnership, member_of, schools
):
    school, other = schools
    user, _membership = keeper(partnership, member_of, school, "portefeuillehouder")
    source = FundingSourceFactory(partnership=partnership, name="Regiogelden")
    theirs = BudgetLineFactory(source=source, school=other, description="Bus")
    client = logged_in(user)
    create = url(partnership, "line_create", source.pk) + f"?school={school.pk}"
    data = {"school": school.pk, "description": "Gastlessen", "planned": "750"}
    data |= {"committed": "0", "spent": "0"}
    assert client.post(create, data).status_code == 302
    with scopes_disabled():
        assert BudgetLine.objects.get(description="Gastlessen").school == school
    assert client.get(url(partnership, "line_edit", theirs.pk)).status_code == 403
    assert client.post(url(partnership, "line_delete", theirs.pk)).status_code == 403
    # Sources stay the coördinator's.
    assert client.get(url(partnership, "source_edit", source.pk)).status_code == 403
    page = client.get(url(partnership, "budget")).content.decode()
    assert url(partnership, "line_edit", theirs.pk) not in page


def test_the_coordinator_chooses_any_school_or_none_stuurgroep_reads(
    partnership, client_for, schools
):
    coordinator = client_for("coordinator")
    form = coordinator.get(url(partnership, "activity_create")).content.decode()
    assert escape(_("The partnership as a whole")) in form
    assert "Het Lingecollege" in form and "Pantarijn" in form
    preset = coordinator.get(
        url(partnership, "activity_create") + f"?school={schools[1].pk}"
    ).content.decode()
    assert f'<option value="{schools[1].pk}" selected>' in preset
    response = coordinator.post(
        url(partnership, "activity_create"), activity_data(school=schools[1].pk)
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert Activity.objects.get().school == schools[1]
    reader = client_for("stuurgroep")
    assert reader.get(url(partnership, "goal_create")).status_code == 403
    assert reader.get(url(partnership, "activity_create")).status_code == 403
    assert reader.get(url(partnership, "activity_list")).status_code == 200
    assert client_for("werkgroeplid").get(
        url(partnership, "goal_create")
    ).status_code == (403)


def test_a_school_of_another_partnership_cannot_be_chosen(
    partnership, other_partnership, client_for, schools
):
    theirs = SchoolFactory(partnership=other_partnership, name="Zeeuwse school")
    coordinator = client_for("coordinator")
    form = coordinator.get(url(partnership, "goal_create") + f"?school={theirs.pk}")
    assert "Zeeuwse school" not in form.content.decode()
    response = coordinator.post(
        url(partnership, "activity_create"), activity_data(school=theirs.pk)
    )
    assert response.status_code == 200
    with scopes_disabled():
        assert not Activity.objects.exists()
    # Their rows are not found here at all.
    goal = GoalFactory(partnership=other_partnership, school=theirs)
    assert coordinator.get(url(partnership, "goal_edit", goal.pk)).status_code == 404


def test_the_lists_filter_by_plan(partnership, client_for, schools):
    school, other = schools
    GoalFactory(partnership=partnership, title="Doel partnerschap")
    GoalFactory(partnership=partnership, school=school, title="Doel Linge")
    GoalFactory(partnership=partnership, school=other, title="Doel Pantarijn")
    ActivityFactory(partnership=partnership, title="Activiteit partnerschap")
    ActivityFactory(partnership=partnership, school=school, title="Activiteit Linge")
    source = FundingSourceFactory(partnership=partnership)
    BudgetLineFactory(source=source, description="Regel partnerschap")
    BudgetLineFactory(source=source, school=school, description="Regel Linge")
    client = client_for("stuurgroep")

    def shown(name, van):
        return client.get(url(partnership, name), {"van": van}).content.decode()

    goals = shown("goal_list", school.pk)
    assert "Doel Linge" in goals
    assert "Doel partnerschap" not in goals and "Doel Pantarijn" not in goals
    goals = shown("goal_list", "partnerschap")
    assert "Doel partnerschap" in goals and "Doel Linge" not in goals
    everything = shown("goal_list", "")
    assert all(t in everything for t in ("Doel partnerschap", "Doel Linge"))
    assert "Activiteit Linge" in shown("activity_list", school.pk)
    assert "Activiteit partnerschap" not in shown("activity_list", school.pk)
    budget = shown("budget", school.pk)
    assert "Regel Linge" in budget and "Regel partnerschap" not in budget
    empty = shown("goal_list", other.pk)
    assert "Doel Pantarijn" in empty
    nothing = client.get(url(partnership, "activity_list"), {"van": other.pk})
    assert (
        "Pantarijn heeft hier nog geen eigen activiteiten" in nothing.content.decode()
    )


def test_the_filtered_lists_stay_bounded(
    partnership, client_for, schools, django_assert_max_num_queries
):
    school = schools[0]
    for n in range(30):
        GoalFactory(partnership=partnership, school=schools[n % 2])
        ActivityFactory(partnership=partnership, school=schools[n % 2])
    client = client_for("stuurgroep")
    with django_assert_max_num_queries(12):
        client.get(url(partnership, "goal_list"), {"van": school.pk})
    with django_assert_max_num_queries(16):
        client.get(url(partnership, "activity_list"), {"van": school.pk})


def test_the_element_counts_follow_the_filter(partnership, client_for, schools):
    """With "Van" set to one school, the 7 elementen count that school's activities only,
    and an element's link keeps the filter."""
    school, other = schools
    ActivityFactory(partnership=partnership, school=school, elements=["ouders"])
    ActivityFactory(partnership=partnership, school=other, elements=["ouders"])
    ActivityFactory(partnership=partnership, elements=["ouders"])
    client = client_for("stuurgroep")

    def parents_count(van):
        page = client.get(url(partnership, "activity_list"), {"van": van})
        coverage = page.content.decode().split('id="coverage-heading"')[1]
        item = coverage.split("element=ouders")[1].split("</li>")[0]
        return item, coverage.split("</h2>")[0]

    item, heading = parents_count(school.pk)
    assert "1 activiteit" in item and f"van={school.pk}" in item
    assert "Het Lingecollege" in heading
    item, _heading = parents_count("")
    assert "3 activiteiten" in item
    item, _heading = parents_count("partnerschap")
    assert "1 activiteit" in item
