"""The SMART goal pages: list, create, detail with chart, edit and revise, measurements."""

import base64
import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import (
    MembershipFactory,
    StaffMembershipFactory,
)

from ..models import Goal, GoalRevision, Measurement
from .factories import GoalFactory, MeasurementFactory, TaskFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def url(name: str, partnership, *args) -> str:
    return reverse(f"planning:{name}", args=[partnership.slug, *args])


def goal_data(owner, **changes) -> dict:
    data = {
        "title": "Open dagen",
        "specific": "Alle leerlingen van leerjaar 3 bezoeken een mbo-open dag.",
        "indicator": "Aandeel leerlingen met een bezoek",
        "unit": "%",
        "baseline": "40,5",
        "target": "80",
        "deadline": (TODAY + datetime.timedelta(days=100)).isoformat(),
        "owner": owner.pk,
        "theme_key": "visie-en-ambitie",
    }
    return data | changes


def field_codes(response, field: str) -> list[str]:
    return [e.code for e in response.context["form"].errors.as_data()[field]]


def test_a_coordinator_adds_a_smart_goal_with_a_dutch_comma(partnership, client_for):
    owner = StaffMembershipFactory(partnership=partnership)
    response = client_for("coordinator").post(
        url("goal_create", partnership), goal_data(owner)
    )
    assert response.status_code == 302
    with scopes_disabled():
        goal = Goal.objects.get()
    assert goal.baseline == Decimal("40.50")
    assert response["Location"] == url("goal_detail", partnership, goal.pk)


SMART_MESSAGES = {
    "specific": "Specific: describe what exactly will be different, and for whom.",
    "indicator": "Measurable: name the indicator you will count or measure.",
    "baseline": "Measurable: give the baseline, the value at the start.",
    "target": "Measurable: give the target value you want to reach.",
    "owner": "Assignable: choose the member who owns this goal.",
    "theme_key": "Relevant: choose the reflectietool theme this goal answers.",
    "deadline": "Time-bound: give the date by which the target is reached.",
}


def test_each_missing_smart_part_gets_its_message_on_its_field(partnership, client_for):
    data = {"title": "Iets met LOB"} | dict.fromkeys(SMART_MESSAGES, "")
    response = client_for("coordinator").post(url("goal_create", partnership), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    for field, message in SMART_MESSAGES.items():
        assert errors[field] == [_(message)]
        assert escape(_(message)) in response.content.decode()
    with scopes_disabled():
        assert not Goal.objects.exists()


def test_same_target_as_baseline_and_past_deadline_are_refused(partnership, client_for):
    owner = StaffMembershipFactory(partnership=partnership)
    response = client_for("coordinator").post(
        url("goal_create", partnership),
        goal_data(
            owner,
            baseline="40",
            target="40,00",
            deadline=(TODAY - datetime.timedelta(days=1)).isoformat(),
        ),
    )
    assert field_codes(response, "target") == ["smart_target_is_baseline"]
    assert field_codes(response, "deadline") == ["smart_deadline_past"]


def test_an_owner_from_another_partnership_is_refused(
    partnership, other_partnership, client_for
):
    outsider = MembershipFactory(partnership=other_partnership)
    response = client_for("coordinator").post(
        url("goal_create", partnership), goal_data(outsider)
    )
    assert response.context["form"].errors["owner"] == [
        _("Assignable: the owner must be a member of this partnership.")
    ]


def test_a_new_target_needs_a_reason_and_is_kept_in_the_history(
    partnership, client_for
):
    goal = GoalFactory(partnership=partnership)
    client = client_for("coordinator")
    data = goal_data(
        goal.owner, target="70", deadline=goal.deadline.isoformat(), baseline="40"
    )
    response = client.post(url("goal_edit", partnership, goal.pk), data)
    assert field_codes(response, "reason") == ["reason_required"]
    with scopes_disabled():
        assert not GoalRevision.objects.exists()

    data["reason"] = "Twee scholen starten een jaar later."
    response = client.post(url("goal_edit", partnership, goal.pk), data)
    assert response.status_code == 302
    with scopes_disabled():
        revision = GoalRevision.objects.get()
    assert (revision.old_target, revision.new_target) == (Decimal(80), Decimal(70))
    page = client.get(url("goal_detail", partnership, goal.pk)).content.decode()
    assert "Twee scholen starten een jaar later." in page
    assert "80 → 70" in page


def test_other_fields_change_without_a_revision(partnership, client_for):
    goal = GoalFactory(partnership=partnership)
    data = goal_data(
        goal.owner,
        title="Open dagen voor iedereen",
        baseline="40",
        target="80",
        deadline=goal.deadline.isoformat(),
    )
    response = client_for("coordinator").post(
        url("goal_edit", partnership, goal.pk), data
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert not GoalRevision.objects.exists()
        assert Goal.objects.get().title == "Open dagen voor iedereen"


def test_the_goal_page_has_a_chart_and_its_values_as_a_table(partnership, client_for):
    goal = GoalFactory(partnership=partnership)
    MeasurementFactory(goal=goal, date=TODAY - datetime.timedelta(days=30), value=45)
    MeasurementFactory(goal=goal, date=TODAY, value=Decimal("57.5"))
    response = client_for("stuurgroep").get(url("goal_detail", partnership, goal.pk))
    page = response.content.decode()
    uri = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', page)
    svg = base64.b64decode(uri.group(1)).decode()
    assert svg.startswith("<?xml") and "<svg" in svg and "<script" not in svg
    assert _("Target") in svg and _("Baseline") in svg
    assert "<table" in page and "57,5" in page and "45" in page


def test_a_measurement_in_the_future_is_refused(partnership, client_for):
    goal = GoalFactory(partnership=partnership)
    response = client_for("coordinator").post(
        url("measurement_add", partnership, goal.pk),
        {"date": (TODAY + datetime.timedelta(days=1)).isoformat(), "value": "50"},
    )
    assert response.status_code == 200
    assert field_codes(response, "date") == ["future"]
    assert escape(_("A measurement cannot be dated in the future.")) in (
        response.content.decode()
    )
    with scopes_disabled():
        assert not Measurement.objects.exists()


def test_add_and_delete_a_measurement(partnership, client_for):
    goal = GoalFactory(partnership=partnership)
    client = client_for("coordinator")
    response = client.post(
        url("measurement_add", partnership, goal.pk),
        {"date": TODAY.isoformat(), "value": "62,5", "note": "Telling decanen"},
    )
    assert response.status_code == 302
    with scopes_disabled():
        measurement = Measurement.objects.get()
    assert measurement.value == Decimal("62.5")
    delete = url("measurement_delete", partnership, goal.pk, measurement.pk)
    assert client.get(delete).status_code == 200
    assert client.post(delete).status_code == 302
    with scopes_disabled():
        assert not Measurement.objects.exists()


def test_delete_a_goal_after_confirmation(partnership, client_for):
    goal = GoalFactory(partnership=partnership)
    client = client_for("coordinator")
    assert client.get(url("goal_delete", partnership, goal.pk)).status_code == 200
    response = client.post(url("goal_delete", partnership, goal.pk))
    assert response["Location"] == url("goal_list", partnership)
    with scopes_disabled():
        assert not Goal.objects.exists()


def test_a_goal_with_a_task_is_not_deleted(partnership, client_for):
    goal = GoalFactory(partnership=partnership)
    TaskFactory(partnership=partnership, goal=goal)
    client = client_for("coordinator")
    page = client.get(url("goal_delete", partnership, goal.pk)).content.decode()
    assert _("%(n)s tasks are linked to this goal.") % {"n": 1} in page
    client.post(url("goal_delete", partnership, goal.pk))
    with scopes_disabled():
        assert Goal.objects.filter(pk=goal.pk).exists()


def test_the_stuurgroep_reads_but_may_not_write(partnership, client_for):
    goal = GoalFactory(partnership=partnership)
    measurement = MeasurementFactory(goal=goal)
    client = client_for("stuurgroep")
    assert client.get(url("goal_list", partnership)).status_code == 200
    page = client.get(url("goal_detail", partnership, goal.pk))
    assert page.status_code == 200
    assert url("goal_edit", partnership, goal.pk) not in page.content.decode()
    for name, args in [
        ("goal_create", []),
        ("goal_edit", [goal.pk]),
        ("goal_delete", [goal.pk]),
        ("measurement_add", [goal.pk]),
        ("measurement_delete", [goal.pk, measurement.pk]),
    ]:
        assert client.post(url(name, partnership, *args), {}).status_code == 403
    with scopes_disabled():
        assert Goal.objects.filter(pk=goal.pk).exists()


def test_a_goal_of_another_partnership_is_not_found(
    partnership, other_partnership, client_for
):
    goal = GoalFactory(partnership=other_partnership)
    client = client_for("coordinator")
    assert client.get(url("goal_detail", partnership, goal.pk)).status_code == 404
    assert client.post(url("goal_delete", partnership, goal.pk)).status_code == 404


def test_the_goal_list_shows_progress(partnership, client_for):
    goal = GoalFactory(partnership=partnership, title="Bezoek open dagen")
    MeasurementFactory(goal=goal, value=60)
    page = client_for("stuurgroep").get(url("goal_list", partnership)).content.decode()
    assert "Bezoek open dagen" in page and "60 → 80" in page
    assert _("%(p)s%% of the way") % {"p": 50} in page


def test_an_empty_goal_list(partnership, client_for):
    page = client_for("stuurgroep").get(url("goal_list", partnership)).content.decode()
    assert (
        _(
            "No goals yet. A SMART goal names what will be different, how you measure "
            "it, who owns it and by when."
        )
        in page
    )


def test_goal_list_queries(partnership, client_for, django_assert_max_num_queries):
    goals = GoalFactory.create_batch(50, partnership=partnership)
    for goal in goals[:10]:
        MeasurementFactory.create_batch(3, goal=goal)
    client = client_for("stuurgroep")
    # One more than the list itself: the OCW action lines (the LOB-scan instrument); one
    # more for the schools of the filter "Van".
    with django_assert_max_num_queries(12):
        response = client.get(url("goal_list", partnership))
    assert response.status_code == 200
    assert response.content.decode().count('data-label="' + _("Goal") + '"') == 50


def test_goal_detail_queries(partnership, client_for, django_assert_max_num_queries):
    goal = GoalFactory(partnership=partnership)
    for n in range(40):
        MeasurementFactory(goal=goal, date=TODAY - datetime.timedelta(days=n), value=n)
    with scopes_disabled():
        for n in range(10):
            GoalRevision.objects.create(
                goal=goal,
                old_target=80 + n,
                new_target=81 + n,
                old_deadline=goal.deadline,
                new_deadline=goal.deadline,
                reason=f"Reden {n}",
            )
    client = client_for("coordinator")
    with django_assert_max_num_queries(13):
        response = client.get(url("goal_detail", partnership, goal.pk))
    assert response.status_code == 200
