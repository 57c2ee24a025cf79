"""One pupil's page, and recording a status by hand."""

import datetime

import pytest
from django.utils.translation import gettext
from django_scopes import scopes_disabled

from doorlopend.transitions.models import StatusEvent, Transition

from .pupil_setup import FATIMA, last_entry_pk, new_entries, world  # noqa: F401

pytestmark = pytest.mark.django_db


def test_the_page_shows_data_history_signals_and_interventions(world):  # noqa: F811
    client = world.client(world.mentor_a)
    body = client.get(world.url("pupil_detail", world.vo_a, world.fatima.pk)).content
    body = body.decode()
    assert FATIMA in body
    assert "2010" in body  # date of birth
    assert "aangemeld" in body and "ingetrokken" in body
    assert "Gesprek met Fatima en haar moeder" in body
    assert "inzage.json" in body and "inzage.pdf" in body
    assert "wissen/" not in body  # erasure is the decaan's
    decaan_page = world.client(world.decaan_a).get(
        world.url("pupil_detail", world.vo_a, world.fatima.pk)
    )
    assert "wissen/" in decaan_page.content.decode()


def test_the_page_is_logged(world):  # noqa: F811
    with scopes_disabled():
        before = last_entry_pk()
    world.client(world.decaan_a).get(
        world.url("pupil_detail", world.vo_a, world.fatima.pk)
    )
    with scopes_disabled():
        [entry] = new_entries(before)
    assert entry.object_ids == [world.fatima.pk]
    assert entry.organisation_id == world.vo_a.pk and entry.action == "view"


def test_a_pupil_of_another_school_is_404(world):  # noqa: F811
    client = world.client(world.decaan_a)
    assert (
        client.get(world.url("pupil_detail", world.vo_a, world.chris.pk)).status_code
        == 404
    )


def _add(world, **data):  # noqa: F811
    return world.client(world.decaan_a).post(
        world.url("pupil_status_add", world.vo_a, world.fatima.pk),
        {"transition": world.fatima_transition.pk, **data},
    )


def test_a_status_by_hand_is_added_to_the_history(world):  # noqa: F811
    response = _add(world, status="aangemeld", on="2026-03-20")
    assert response.status_code == 302
    assert response["Location"].endswith("#history")
    with scopes_disabled():
        event = StatusEvent.objects.get(
            transition=world.fatima_transition, on="2026-03-20"
        )
        t = Transition.objects.get(pk=world.fatima_transition.pk)
    assert event.recorded_by == world.decaan_a
    assert t.status == "aangemeld"
    # Both events before it stay: a history, never overwritten.
    with scopes_disabled():
        assert StatusEvent.objects.filter(transition=t).count() == 3


def test_a_date_in_the_future_is_refused_at_its_field(world):  # noqa: F811
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    response = _add(world, status="aangemeld", on=future)
    assert response.status_code == 200
    form = response.context["status_form"]
    assert form.errors["on"] == [gettext("The date lies in the future.")]
    assert f'value="{future}"' in response.content.decode()  # re-shows what was typed
    with scopes_disabled():
        assert (
            StatusEvent.objects.filter(transition=world.fatima_transition).count() == 2
        )


def test_an_impossible_status_is_refused_at_its_field(world):  # noqa: F811
    response = _add(world, status="gestopt", on="2026-03-20")
    assert response.status_code == 200
    assert "status" in response.context["status_form"].errors


def test_get_on_the_status_endpoint_is_405(world):  # noqa: F811
    client = world.client(world.decaan_a)
    url = world.url("pupil_status_add", world.vo_a, world.fatima.pk)
    assert client.get(url).status_code == 405


def test_detail_query_count_is_bounded(world, django_assert_max_num_queries):  # noqa: F811
    client = world.client(world.decaan_a)
    url = world.url("pupil_detail", world.vo_a, world.fatima.pk)
    with django_assert_max_num_queries(16):
        assert client.get(url).status_code == 200


def test_other_partnership_and_wrong_role(world, client_for, other_partnership):  # noqa: F811
    url = world.url("pupil_detail", world.vo_a, world.fatima.pk)
    assert (
        client_for("decaan", partnership=other_partnership).get(url).status_code == 404
    )
    assert client_for("stuurgroep").get(url).status_code == 403


def test_a_mentor_sees_no_status_form_and_cannot_record_one(world):  # noqa: F811
    client = world.client(world.mentor_a)
    page = client.get(world.url("pupil_detail", world.vo_a, world.fatima.pk))
    assert "status/" not in page.content.decode()
    response = client.post(
        world.url("pupil_status_add", world.vo_a, world.fatima.pk),
        {
            "transition": world.fatima_transition.pk,
            "status": "aangemeld",
            "on": "2026-03-20",
        },
    )
    assert response.status_code == 200
    assert "Alleen de decaan van de school van de leerling" in response.content.decode()
    with scopes_disabled():
        assert (
            StatusEvent.objects.filter(transition=world.fatima_transition).count() == 2
        )


def test_a_status_for_a_pupil_of_another_school_is_refused(world, member_of):  # noqa: F811
    # Decaan of A and mentor of B: B's pupils are visible, but not theirs to change.
    with scopes_disabled():
        member_of(
            world.partnership, "mentor", user=world.decaan_a, organisation=world.vo_b
        )
        chris_transition = Transition.objects.get(pupil=world.chris)
    client = world.client(world.decaan_a)
    form = {"transition": chris_transition.pk, "status": "havo", "on": "2026-03-20"}
    # Through A, B's pupil is not found at all.
    response = client.post(
        world.url("pupil_status_add", world.vo_a, world.chris.pk), form
    )
    assert response.status_code == 404
    # Through B, where they are only mentor, the status is refused.
    response = client.post(
        world.url("pupil_status_add", world.vo_b, world.chris.pk), form
    )
    assert response.status_code == 200
    assert "Alleen de decaan van de school van de leerling" in response.content.decode()
    # Another school's transition of A's own pupil page is not a choice.
    response = client.post(
        world.url("pupil_status_add", world.vo_a, world.fatima.pk), form
    )
    assert response.status_code == 200
    assert "transition" in response.context["status_form"].errors
    with scopes_disabled():
        assert not StatusEvent.objects.filter(transition=chris_transition).exists()
