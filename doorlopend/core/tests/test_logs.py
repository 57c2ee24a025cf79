"""Logs as JSON lines with the request id and without personal data (core.logs), and the
request id middleware that sets it (taken from X-Request-ID when well-formed)."""

import json
import logging

import pytest
from django.urls import reverse

from doorlopend.core.logs import JsonFormatter, RequestIdFilter, request_id, scrub


def _format(record: logging.LogRecord) -> dict:
    RequestIdFilter().filter(record)
    return json.loads(JsonFormatter().format(record))


def _record(msg, *args, **extra) -> logging.LogRecord:
    record = logging.LogRecord(
        "doorlopend.x", logging.WARNING, __file__, 1, msg, args, None
    )
    record.__dict__.update(extra)
    return record


def test_a_line_is_one_json_object_with_the_request_id():
    token = request_id.set("abc123def456")
    try:
        line = _format(_record("Import of %s lines failed", 12, status_code=500))
    finally:
        request_id.reset(token)
    assert line["message"] == "Import of 12 lines failed"
    assert line["request_id"] == "abc123def456"
    assert line["level"] == "WARNING" and line["logger"] == "doorlopend.x"
    assert line["status_code"] == 500 and line["time"].endswith("Z")


def test_outside_a_request_the_request_id_is_a_dash():
    assert _format(_record("sweep"))["request_id"] == "-"


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Not Found: /mijn-dossier/Xk2_9fLq0pZrT7nB5cYd8JfA0sGe4u/", "Xk2_9fLq0pZ"),
        ("Bad Request: /agenda/feed?token=s3cret&x=1", "s3cret"),
        ("Mail to jan.jansen@school.nl failed", "jan.jansen"),
        ("Login from 192.168.10.23 refused", "192.168.10.23"),
        ("peer 2001:db8:85a3:0:0:8a2e:370:7334 gone", "8a2e"),
    ],
)
def test_scrub_removes_tokens_queries_addresses(text, gone):
    assert gone not in scrub(text)


def test_our_own_listening_address_stays():
    assert (
        scrub("Listening at: http://127.0.0.1:8000")
        == "Listening at: http://127.0.0.1:8000"
    )


def test_uuids_of_tasks_stay_followable():
    line = "Task id=0b7d2c4e-51f3-4a8e-9c1d-2e6f7a8b9c0d state=RUNNING"
    assert scrub(line) == line


def test_an_exception_is_logged_scrubbed():
    try:
        raise ValueError("duplicate key (email)=(p.pupil@example.org)")
    except ValueError:
        import sys

        record = _record("Job failed")
        record.exc_info = sys.exc_info()
    line = _format(record)
    assert "ValueError" in line["exception"]
    assert "p.pupil@example.org" not in line["exception"]


@pytest.mark.django_db
def test_the_request_id_is_kept_when_well_formed_and_made_otherwise(client):
    response = client.get(reverse("core:alive"), HTTP_X_REQUEST_ID="proxy-1234abcd")
    assert response["X-Request-ID"] == "proxy-1234abcd"
    response = client.get(reverse("core:alive"), HTTP_X_REQUEST_ID="bad id\n<x>")
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_the_access_line_names_the_url_pattern_not_the_path(client, settings, caplog):
    settings.ACCESS_LOG = True
    caplog.set_level(logging.INFO)
    secret = "Zq8_pupil-link-token-Xk2_9fLq0pZrT7nB5c"
    client.get(
        f"/mijn-dossier/{secret}/?email=a@b.nl", HTTP_X_REQUEST_ID="req-12345678"
    )
    records = {r.name: r for r in caplog.records}
    line = json.loads(JsonFormatter().format(records["doorlopend.access"]))
    assert line["route"] == "mijn-dossier/<str:token>/"
    assert line["method"] == "GET" and line["request_id"] == "req-12345678"
    assert secret not in json.dumps(line) and "a@b.nl" not in json.dumps(line)
    # Django's own line about the 404 comes after the middleware: same id, path scrubbed.
    not_found = _format(records["django.request"])
    assert not_found["request_id"] == "req-12345678"
    assert secret not in not_found["message"]
