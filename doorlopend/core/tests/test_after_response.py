"""Work after the answer (core.after_response): runs once the response is closed, never
fails the request, and outside a request is the caller's to do at once."""

import logging

import pytest
from django.core.signals import request_finished, request_started

from doorlopend.core.after_response import after_response

# request_finished also closes old database connections (Django's own receiver).
pytestmark = pytest.mark.django_db


def test_outside_a_request_the_caller_does_the_work():
    assert after_response(lambda: None) is False


def test_a_job_runs_when_the_request_is_finished_and_only_then():
    done = []
    request_started.send(sender=None)
    assert after_response(lambda: done.append("counted")) is True
    assert done == []
    request_finished.send(sender=None)
    assert done == ["counted"]
    request_finished.send(sender=None)  # a job runs once
    assert done == ["counted"]


def test_a_failing_job_is_logged_and_the_next_still_runs(caplog):
    done = []

    def broken():
        raise RuntimeError("cache went away")

    request_started.send(sender=None)
    after_response(broken)
    after_response(lambda: done.append("next"))
    with caplog.at_level(logging.ERROR, logger="doorlopend.core.after_response"):
        request_finished.send(sender=None)
    assert done == ["next"]
    assert "work after the response failed" in caplog.text
