"""Erasure on request: the service and the confirmation page."""

import json

import pytest
from django.db import connection
from django.utils.translation import gettext
from django_scopes import scope, scopes_disabled

from doorlopend.audit.models import AccessLogEntry
from doorlopend.transitions.models import Intervention, Pupil, Signal, Transition
from doorlopend.transitions.privacy import pseudonym
from doorlopend.transitions.services.erasure import pupils_erase

from .pupil_setup import FATIMA, world  # noqa: F401

pytestmark = pytest.mark.django_db


def _erase(world, reason="Verzoek ouders 3 maart, kenmerk AVG-12"):  # noqa: F811
    return world.client(world.decaan_a).post(
        world.url("pupil_erase", world.vo_a, world.fatima.pk),
        {"reason": reason, "confirm": "on"},
    )


def _raw(sql: str, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def test_the_confirmation_page_says_what_goes_and_what_stays(world):  # noqa: F811
    body = (
        world.client(world.decaan_a)
        .get(world.url("pupil_erase", world.vo_a, world.fatima.pk))
        .content.decode()
    )
    assert gettext("What is erased") in body and gettext("What stays") in body
    assert FATIMA in body


def test_erasure_removes_the_name_and_unlinks_the_number(world):  # noqa: F811
    with scopes_disabled():
        transitions_before = Transition.objects.count()
        statuses_before = list(
            Transition.objects.order_by("pk").values_list("status", flat=True)
        )
    response = _erase(world)
    assert response.status_code == 302
    assert response["Location"] == world.url("pupil_list", world.vo_a)
    [(name, birth, pseudo)] = _raw(
        "SELECT name, birth_date, pseudonym FROM transitions_pupil WHERE id = %s",
        [world.fatima.pk],
    )
    assert name == "" and birth == ""
    assert pseudo.startswith("erased:") and pseudo != pseudonym(world.fatima_pgn)
    assert not any(
        "Fatima" in str(row) for row in _raw("SELECT * FROM transitions_pupil")
    )
    with scopes_disabled():
        # The figures count the same transitions with the same statuses.
        assert Transition.objects.count() == transitions_before
        assert (
            list(Transition.objects.order_by("pk").values_list("status", flat=True))
            == statuses_before
        )
        assert not Intervention.objects.filter(signal=world.signal).exists()
        assert Signal.objects.filter(pk=world.signal.pk).exists()
        entry = AccessLogEntry.objects.filter(action="erase").get()
    assert entry.object_ids == [world.fatima.pk]
    assert entry.organisation_id == world.vo_a.pk
    assert "AVG-12" in entry.purpose


def test_after_erasure_the_pupil_shows_as_erased_and_exports_only_that(world):  # noqa: F811
    _erase(world)
    client = world.client(world.decaan_a)
    listing = client.get(world.url("pupil_list", world.vo_a)).content.decode()
    assert gettext("(data erased)") in listing and FATIMA not in listing
    data = json.loads(
        client.get(world.url("pupil_export_json", world.vo_a, world.fatima.pk)).content
    )
    assert data["erased"] is True
    assert set(data["pupil"]) == {"id", "erased_at"}
    assert "transitions" not in data


def test_a_reason_and_the_confirmation_are_required(world):  # noqa: F811
    client = world.client(world.decaan_a)
    url = world.url("pupil_erase", world.vo_a, world.fatima.pk)
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"reason", "confirm"}
    with scopes_disabled():
        assert Pupil.objects.get(pk=world.fatima.pk).erased_at is None


def test_erasing_twice_erases_once(world):  # noqa: F811
    with scope(partnership=world.partnership):
        pupils = Pupil.objects.filter(pk=world.fatima.pk)
        kwargs = {
            "by": None,
            "purpose": "bewaartermijn verstreken",
            "partnership": world.partnership,
        }
        assert pupils_erase(pupils=pupils, **kwargs) == 1
        assert pupils_erase(pupils=pupils, **kwargs) == 0
    with scopes_disabled():
        assert AccessLogEntry.objects.filter(action="erase").count() == 1


def test_a_new_file_with_the_same_number_starts_a_new_pupil(world):  # noqa: F811
    _erase(world)
    with scopes_disabled():
        assert not Pupil.objects.filter(pseudonym=pseudonym(world.fatima_pgn)).exists()


def test_another_schools_decaan_cannot_erase(world):  # noqa: F811
    client = world.client(world.decaan_a)
    url = world.url("pupil_erase", world.vo_a, world.chris.pk)
    assert client.post(url, {"reason": "x", "confirm": "on"}).status_code == 404
    with scopes_disabled():
        assert Pupil.objects.get(pk=world.chris.pk).erased_at is None


def test_other_partnership_and_wrong_role(world, client_for, other_partnership):  # noqa: F811
    url = world.url("pupil_erase", world.vo_a, world.fatima.pk)
    assert (
        client_for("decaan", partnership=other_partnership).get(url).status_code == 404
    )
    assert client_for("coordinator").post(url, {}).status_code == 403


def test_a_mentor_sees_the_pupil_but_does_not_erase(world):  # noqa: F811
    client = world.client(world.mentor_a)
    page = client.get(world.url("pupil_detail", world.vo_a, world.fatima.pk))
    assert page.status_code == 200
    erase_url = world.url("pupil_erase", world.vo_a, world.fatima.pk)
    assert erase_url not in page.content.decode()
    assert client.get(erase_url).status_code == 403
    response = client.post(erase_url, {"reason": "verzoek", "confirm": "on"})
    assert response.status_code == 403
    with scopes_disabled():
        world.fatima.refresh_from_db()
    assert world.fatima.erased_at is None
