"""Sending leavers and statuses: the file import's rules, all or nothing, logged."""

import pytest
from django_scopes import scopes_disabled

from doorlopend.audit.models import AccessLogEntry
from doorlopend.transitions.models import Pupil, Transition, TransitionImport
from doorlopend.transitions.testing import bsn_for

from .helpers import World, bearer


@pytest.fixture
def world(partnership, member_of):
    return World(partnership, member_of)


def _send(client, world, rows, kind="leavers", **headers):
    return client.post(
        world.school_url(kind),
        {"cohort": 2026, "rows": rows},
        content_type="application/json",
        **bearer(world.school_token, **headers),
    )


def _counts():
    with scopes_disabled():
        return Pupil.objects.count(), Transition.objects.count()


ROWS = [
    {"pgn": bsn_for(1), "name": "Sem de Vries", "leerweg": "KB", "destination": "mbo"},
    {"pgn": bsn_for(2), "name": "Lotte Bakker", "birth_date": "2010-03-04"},
]


def test_leavers_are_written_once(client, world):
    response = _send(client, world, ROWS)
    assert response.status_code == 200, response.content
    assert response.json() == {"rows": 2, "created": 2, "updated": 0, "unchanged": 0}
    assert _counts() == (2, 2)
    again = _send(client, world, ROWS)
    assert again.json() == {"rows": 2, "created": 0, "updated": 0, "unchanged": 2}
    assert _counts() == (2, 2)
    with scopes_disabled():
        job = TransitionImport.objects.latest("pk")
    assert job.original_filename == "API: Magister"
    assert job.organisation == world.vo


def test_every_write_is_in_the_access_log_with_the_keys_name(client, world):
    _send(client, world, ROWS)
    entries = AccessLogEntry.objects.filter(partnership=world.partnership)
    assert entries.exists()
    assert all("API key “Magister”" in e.actor_label for e in entries)
    assert all(e.actor_id == world.decaan.pk for e in entries)


def test_a_row_out_of_shape_refuses_the_batch_with_its_row(client, world):
    rows = [ROWS[0], {"pgn": "12", "name": "Kort"}]
    response = _send(client, world, rows)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert errors[0]["row"] == 2 and errors[0]["field"] == "pgn"
    assert _counts() == (0, 0)


def test_a_refused_row_refuses_the_batch_with_its_row(client, world):
    rows = [ROWS[0], {"pgn": "123456788", "leerweg": "XX"}]
    response = _send(client, world, rows, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    body = response.json()
    assert body["title"] == "The data was refused"
    assert [e["row"] for e in body["errors"]] == [2]
    assert "11" in body["errors"][0]["reason"] and "XX" in body["errors"][0]["reason"]
    assert _counts() == (0, 0)


def test_a_row_for_another_school_is_refused(client, world):
    rows = [{**ROWS[0], "brin": "22BB"}]  # the mbo school: not the decaan's
    response = _send(client, world, rows)
    assert response.status_code == 422
    assert response.json()["errors"][0]["row"] == 1
    assert _counts() == (0, 0)


def test_statuses_are_for_the_receiving_side(client, world):
    rows = [{"pgn": bsn_for(1), "status": "aangemeld", "date": "2026-02-01"}]
    response = _send(client, world, rows, kind="statuses")
    assert response.status_code == 422  # a vo school does not report registrations
    assert _counts() == (0, 0)


def test_a_batch_over_the_limit_is_413(client, world, settings):
    settings.API_BATCH_MAX = 1
    response = _send(client, world, ROWS)
    assert response.status_code == 413
    assert response.json()["status"] == 413
    assert _counts() == (0, 0)


def test_a_body_that_is_not_json_is_a_problem(client, world):
    response = client.post(
        world.school_url("leavers"),
        "not json",
        content_type="application/json",
        **bearer(world.school_token),
    )
    assert response.status_code in (400, 422)
    assert response["Content-Type"] == "application/problem+json"
