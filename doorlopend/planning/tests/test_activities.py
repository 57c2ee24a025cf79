"""Activities: the rules of the form and service, people with their hours, the 7 elementen."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import OrganisationFactory
from doorlopend.planning.models import Activity, ActivityPerson
from doorlopend.planning.services import activities as services

from .factories import ActivityFactory, ActivityPersonFactory, GoalFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def data(**overrides) -> dict:
    values = {
        "title": "Bedrijfsbezoek installatiebedrijf",
        "kind": "bedrijfsbezoek",
        "date": TODAY + 14 * DAY,
        "start_time": datetime.time(9, 0),
        "end_time": datetime.time(12, 0),
        "place": "Tiel",
        "materials": "Bus, veiligheidsschoenen",
        "costs": Decimal("350.50"),
        "elements": ["praktijkervaring", "proactief"],
        "organisations": [],
        "goals": [],
        "status": "planned",
        "evaluation": "",
    }
    values.update(overrides)
    return values


def create(partnership, **overrides) -> Activity:
    with scopes_disabled():
        return services.activity_create(partnership=partnership, **data(**overrides))


def errors_of(partnership, **overrides) -> dict:
    with pytest.raises(ValidationError) as e:
        create(partnership, **overrides)
    return e.value.message_dict


def test_an_activity_is_planned_with_its_elements_goals_and_organisations(
    partnership,
):
    goal = GoalFactory(partnership=partnership)
    school = OrganisationFactory(partnership=partnership)
    activity = create(
        partnership,
        elements=["proactief", "praktijkervaring"],
        goals=[goal],
        organisations=[school],
    )
    with scopes_disabled():
        activity.refresh_from_db()
        assert list(activity.goals.all()) == [goal]
        assert list(activity.organisations.all()) == [school]
    # Stored as keys, in the order of the 7 elementen.
    assert activity.elements == ["praktijkervaring", "proactief"]
    assert activity.costs == Decimal("350.50")
    assert timezone.localtime(activity.starts_at).time() == datetime.time(9, 0)


def test_the_end_must_be_after_the_start(partnership):
    errors = errors_of(
        partnership, start_time=datetime.time(13, 0), end_time=datetime.time(12, 0)
    )
    assert errors["end_time"] == [_("The end time must be after the start time.")]
    with scopes_disabled():
        assert not Activity.objects.exists()


def test_an_activity_in_the_future_cannot_have_been_held(partnership):
    errors = errors_of(partnership, status="held", evaluation="Goed")
    assert errors["status"] == [
        _(
            "An activity in the future cannot have been held yet. Keep it planned "
            "and record how it went afterwards."
        )
    ]
    activity = create(
        partnership, date=TODAY - 3 * DAY, status="held", evaluation="Goed gegaan."
    )
    assert activity.status == "held"


def test_unknown_elements_are_refused(partnership):
    errors = errors_of(partnership, elements=["praktijkervaring", "bestaat-niet"])
    assert errors["elements"] == [
        _("Unknown element: %(keys)s.") % {"keys": "bestaat-niet"}
    ]


def test_goals_and_organisations_of_another_partnership_are_refused(
    partnership, other_partnership
):
    errors = errors_of(
        partnership,
        goals=[GoalFactory(partnership=other_partnership)],
        organisations=[OrganisationFactory(partnership=other_partnership)],
    )
    assert errors["goals"] == [_("Choose goals of this partnership.")]
    assert errors["organisations"] == [_("Choose organisations of this partnership.")]


def test_a_person_needs_a_member_or_a_name(partnership):
    activity = ActivityFactory(partnership=partnership)
    with pytest.raises(ValidationError) as e, scopes_disabled():
        services.person_add(activity=activity, hours=Decimal("2"))
    assert e.value.message_dict["membership"] == [_("Choose a member or give a name.")]


def test_hours_are_summed_exactly_on_the_activity_page(partnership, client_for):
    activity = ActivityFactory(partnership=partnership)
    for hours in ("0.10", "0.20", "2.50", "4.75"):
        ActivityPersonFactory(activity=activity, hours=Decimal(hours))
    response = client_for("stuurgroep").get(
        f"/p/{partnership.slug}/plan/activiteiten/{activity.pk}/"
    )
    assert response.context["activity"].total_hours == Decimal("7.55")
    assert "7,55" in response.content.decode()


def test_removing_a_person(partnership):
    person = ActivityPersonFactory(activity__partnership=partnership)
    with scopes_disabled():
        services.person_remove(person=person)
        assert not ActivityPerson.objects.exists()
