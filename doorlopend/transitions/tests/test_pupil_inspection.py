"""Inspection on request: all the school holds about one pupil, as JSON and as PDF."""

import json

import pytest
from django_scopes import scopes_disabled

from doorlopend.audit.models import AccessLogEntry

from .pupil_setup import FATIMA, last_entry_pk, new_entries, world  # noqa: F401

pytestmark = pytest.mark.django_db


def _json(world, user=None):  # noqa: F811
    client = world.client(user or world.decaan_a)
    return client.get(world.url("pupil_export_json", world.vo_a, world.fatima.pk))


def test_the_json_holds_pupil_transitions_events_signals_interventions_and_log(world):  # noqa: F811
    world.client(world.mentor_a).get(
        world.url("pupil_detail", world.vo_a, world.fatima.pk)
    )
    response = _json(world)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "no-store"
    data = json.loads(response.content)
    assert data["format"] == "doorlopend.transitions.inspection/1"
    assert data["pupil"]["name"] == FATIMA
    assert data["pupil"]["birth_date"] == "2010-02-03"
    [t] = data["transitions"]
    assert t["receiving_school"] == "ROC Maasoever"
    assert [e["status"] for e in t["events"]] == ["aangemeld", "ingetrokken"]
    [signal] = t["signals"]
    assert signal["kind"] == "backwards"
    assert signal["interventions"][0]["what"] == "Gesprek met Fatima en haar moeder"
    # The mentor's look at the page, and this export itself, are in the log part.
    actions = [e["action"] for e in data["access_log"]]
    assert len(actions) >= 2
    assert world.fatima_pgn not in response.content.decode()


def test_the_log_part_holds_only_entries_about_this_pupil(world):  # noqa: F811
    world.client(world.decaan_a).get(
        world.url("pupil_detail", world.vo_a, world.bram.pk)
    )
    data = json.loads(_json(world).content)
    with scopes_disabled():
        about_fatima = [
            e
            for e in AccessLogEntry.objects.all()
            if world.fatima.pk in e.object_ids and e.object_type == "transitions.pupil"
        ]
    assert len(data["access_log"]) == len(about_fatima)


def test_exports_are_logged_as_export(world):  # noqa: F811
    with scopes_disabled():
        before = last_entry_pk()
    _json(world)
    with scopes_disabled():
        [entry] = new_entries(before)
    assert entry.action == "export" and entry.object_ids == [world.fatima.pk]
    assert entry.organisation_id == world.vo_a.pk


def test_the_pdf_is_a_pdf_and_logged(world):  # noqa: F811
    with scopes_disabled():
        before = last_entry_pk()
    response = world.client(world.decaan_a).get(
        world.url("pupil_export_pdf", world.vo_a, world.fatima.pk)
    )
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    with scopes_disabled():
        [entry] = new_entries(before)
    assert entry.action == "export"


def test_a_pupil_of_another_school_cannot_be_exported(world):  # noqa: F811
    client = world.client(world.decaan_a)
    url = world.url("pupil_export_json", world.vo_a, world.chris.pk)
    assert client.get(url).status_code == 404


def test_other_partnership_and_wrong_role(world, client_for, other_partnership):  # noqa: F811
    url = world.url("pupil_export_pdf", world.vo_a, world.fatima.pk)
    assert (
        client_for("decaan", partnership=other_partnership).get(url).status_code == 404
    )
    assert client_for("privacy_officer").get(url).status_code == 403
