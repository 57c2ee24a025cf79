"""The activity pages: list with filters and element coverage, form, people, permissions."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import OrganisationFactory
from doorlopend.planning.models import Activity, ActivityPerson
from doorlopend.planning.selectors.activities import plan_activities

from .factories import ActivityFactory, ActivityPersonFactory, GoalFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def url(partnership, name, *args) -> str:
    return reverse(f"planning:{name}", args=[partnership.slug, *args])


def form_data(**overrides) -> dict:
    values = {
        "title": "Gastles techniek",
        "kind": "gastles",
        "date": (TODAY + 10 * DAY).isoformat(),
        "start_time": "13:30",
        "end_time": "15:00",
        "place": "Lokaal 12",
        "materials": "Beamer",
        "costs": "125,50",
        "elements": ["praktijkervaring", "reflectie"],
        "status": "planned",
        "evaluation": "",
    }
    values.update(overrides)
    return values


def past(days: int) -> datetime.datetime:
    return timezone.now() - days * datetime.timedelta(days=1)


def test_coordinator_plans_an_activity_tagged_with_two_elements(
    partnership, client_for
):
    goal = GoalFactory(partnership=partnership)
    school = OrganisationFactory(partnership=partnership)
    response = client_for("coordinator").post(
        url(partnership, "activity_create"),
        form_data(goals=[goal.pk], organisations=[school.pk]),
    )
    assert response.status_code == 302
    with scopes_disabled():
        activity = Activity.objects.get()
        assert list(activity.goals.all()) == [goal]
    assert activity.costs == Decimal("125.50")
    assert activity.elements == ["praktijkervaring", "reflectie"]
    page = client_for("stuurgroep").get(response.url).content.decode()
    assert "Praktijkervaring opdoen" in page
    assert "Reflectie (voorbereiding en terugkijken)" in page
    assert goal.title in page


def test_end_before_start_is_shown_on_the_field_and_nothing_saved(
    partnership, client_for
):
    response = client_for("coordinator").post(
        url(partnership, "activity_create"),
        form_data(start_time="15:00", end_time="14:00"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["end_time"] == [
        _("The end time must be after the start time.")
    ]
    assert 'value="Gastles techniek"' in response.content.decode()
    with scopes_disabled():
        assert not Activity.objects.exists()


def test_held_in_the_future_and_an_unknown_element_are_refused(partnership, client_for):
    response = client_for("coordinator").post(
        url(partnership, "activity_create"),
        form_data(status="held", elements=["bestaat-niet"]),
    )
    form = response.context["form"]
    assert form.has_error("elements", "invalid_choice")
    response = client_for("coordinator").post(
        url(partnership, "activity_create"), form_data(status="held")
    )
    assert response.context["form"].errors["status"]
    with scopes_disabled():
        assert not Activity.objects.exists()


def test_edit_marks_a_past_activity_held_with_its_evaluation(partnership, client_for):
    activity = ActivityFactory(partnership=partnership, starts_at=past(2), ends_at=None)
    response = client_for("coordinator").post(
        url(partnership, "activity_edit", activity.pk),
        form_data(
            date=timezone.localtime(activity.starts_at).date().isoformat(),
            start_time="09:00",
            end_time="",
            status="held",
            evaluation="Leerlingen stelden goede vragen.",
        ),
    )
    assert response.status_code == 302
    with scopes_disabled():
        activity.refresh_from_db()
    assert activity.status == "held"
    assert activity.evaluation == "Leerlingen stelden goede vragen."


def test_list_filters_by_element_type_status_and_time(partnership, client_for):
    ActivityFactory(partnership=partnership, title="Ouderavond", elements=["ouders"])
    ActivityFactory(
        partnership=partnership,
        title="Excursie haven",
        kind="excursie",
        elements=["praktijkervaring"],
    )
    ActivityFactory(
        partnership=partnership,
        title="Studiemiddag vorig jaar",
        starts_at=past(30),
        status="held",
    )
    client = client_for("stuurgroep")

    def titles(**query) -> list[str]:
        response = client.get(url(partnership, "activity_list"), query)
        return [a.title for a in response.context["page"].object_list]

    assert titles() == ["Ouderavond", "Excursie haven"]
    assert titles(element="ouders") == ["Ouderavond"]
    assert titles(kind="excursie") == ["Excursie haven"]
    assert titles(when="past") == ["Studiemiddag vorig jaar"]
    assert titles(when="all", status="held") == ["Studiemiddag vorig jaar"]
    # An unknown filter value means "any", not an error.
    assert len(titles(element="nope", kind="nope")) == 2


def test_list_counts_the_activities_per_element(partnership, client_for):
    ActivityFactory(partnership=partnership, elements=["ouders", "reflectie"])
    ActivityFactory(partnership=partnership, elements=["reflectie"])
    ActivityFactory(partnership=partnership, elements=["ouders"], status="cancelled")
    response = client_for("stuurgroep").get(url(partnership, "activity_list"))
    counts = {c.key: c.count for c in response.context["coverage"]}
    assert counts["reflectie"] == 2
    assert counts["ouders"] == 1
    assert counts["zelfvertrouwen"] == 0
    assert "zelfvertrouwen" in {c.key for c in response.context["thin"]}


def test_activity_list_queries_with_200_activities(
    partnership, client_for, django_assert_max_num_queries
):
    goals = GoalFactory.create_batch(3, partnership=partnership)
    schools = OrganisationFactory.create_batch(3, partnership=partnership)
    for n in range(200):
        activity = ActivityFactory(
            partnership=partnership, elements=["ouders", "reflectie"]
        )
        with scopes_disabled():
            activity.goals.set([goals[n % 3]])
            activity.organisations.set(schools[: n % 3 + 1])
    client = client_for("stuurgroep")
    # One query more than before: the schools of the filter "Van".
    with django_assert_max_num_queries(16):
        response = client.get(url(partnership, "activity_list"), {"page": 2})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 50
    # Organisations and goals come prefetched into lists, still each row's own.
    row = response.context["page"].object_list[0]
    assert row.organisation_list and row.goal_list
    assert row.organisation_list[0].name in response.content.decode()
    assert row.goal_list[0].title in response.content.decode()
    assert _("Page %(number)s of %(total)s") % {"number": 2, "total": 4} in (
        response.content.decode()
    )


def test_people_are_added_with_hours_and_removed(partnership, client_for, member_of):
    activity = ActivityFactory(partnership=partnership)
    client = client_for("coordinator")
    response = client.post(
        url(partnership, "person_add", activity.pk),
        {"name": "J. Gastdocent", "role": "gastles", "hours": "2,5"},
    )
    assert response.status_code == 302
    with scopes_disabled():
        person = ActivityPerson.objects.get()
    assert person.hours == Decimal("2.50")
    response = client.post(url(partnership, "person_add", activity.pk), {"hours": "1"})
    assert response.context["form"].errors["membership"] == [
        _("Choose a member or give a name.")
    ]
    assert (
        client.get(
            url(partnership, "person_remove", activity.pk, person.pk)
        ).status_code
        == 200
    )
    with scopes_disabled():
        assert ActivityPerson.objects.exists()
    client.post(url(partnership, "person_remove", activity.pk, person.pk))
    with scopes_disabled():
        assert not ActivityPerson.objects.exists()


def test_delete_asks_first(partnership, client_for):
    activity = ActivityFactory(partnership=partnership)
    client = client_for("coordinator")
    response = client.get(url(partnership, "activity_delete", activity.pk))
    assert _("Yes, delete") in response.content.decode()
    with scopes_disabled():
        assert Activity.objects.exists()
    client.post(url(partnership, "activity_delete", activity.pk))
    with scopes_disabled():
        assert not Activity.objects.exists()


def test_stuurgroep_reads_but_may_not_change(partnership, client_for):
    activity = ActivityFactory(partnership=partnership)
    person = ActivityPersonFactory(activity=activity)
    client = client_for("stuurgroep")
    assert client.get(url(partnership, "activity_list")).status_code == 200
    assert (
        client.get(url(partnership, "activity_detail", activity.pk)).status_code == 200
    )
    for name, args in [
        ("activity_create", []),
        ("activity_edit", [activity.pk]),
        ("activity_delete", [activity.pk]),
        ("person_add", [activity.pk]),
        ("person_remove", [activity.pk, person.pk]),
    ]:
        assert (
            client.post(url(partnership, name, *args), form_data()).status_code == 403
        )
    with scopes_disabled():
        assert Activity.objects.count() == 1


def test_another_partnerships_activity_is_not_found(
    partnership, other_partnership, client_for
):
    activity = ActivityFactory(partnership=other_partnership)
    client = client_for("coordinator")
    assert (
        client.get(url(partnership, "activity_detail", activity.pk)).status_code == 404
    )
    assert (
        client.post(url(partnership, "activity_delete", activity.pk)).status_code == 404
    )


def test_plan_activities_summary(partnership, member_of, django_assert_max_num_queries):
    ActivityFactory.create_batch(7, partnership=partnership, elements=["ouders"])
    ActivityFactory(
        partnership=partnership, starts_at=past(5), status="held", title="Gehouden"
    )
    with scopes_disabled():
        membership = partnership.memberships.first()
    with django_assert_max_num_queries(5), scopes_disabled():
        summary = plan_activities(
            partnership=partnership, membership=membership, today=TODAY
        )
    assert len(summary.upcoming) == 5
    assert [a.title for a in summary.recent] == ["Gehouden"]
    assert (summary.planned, summary.held) == (7, 1)
    assert {c.key: c.count for c in summary.coverage}["ouders"] == 7
