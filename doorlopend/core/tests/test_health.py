"""/healthz: 200 only when the database and the cache answer (503 naming which failed),
with the background processes' heartbeats and their age; /livez answers without either."""

import datetime

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone

from doorlopend.core.models import beat

pytestmark = pytest.mark.django_db


def test_healthy_reports_the_worker_heartbeat_and_its_age(client, settings):
    settings.HEALTH_WORKER_STALE_SECONDS = 300
    beat("worker", at=timezone.now() - datetime.timedelta(seconds=42))
    response = client.get(reverse("core:health"))
    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "ok"
    assert report["database"] == "ok" and report["cache"] == "ok"
    assert 41 <= report["worker"]["age_seconds"] <= 60
    assert report["worker"]["stale"] is False
    assert report["periodic"] == {
        "last_heartbeat": None,
        "age_seconds": None,
        "stale": True,
    }
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_stale_worker_is_reported_but_does_not_fail_the_check(client, settings):
    settings.HEALTH_WORKER_STALE_SECONDS = 300
    beat("worker", at=timezone.now() - datetime.timedelta(hours=1))
    response = client.get(reverse("core:health"))
    assert response.status_code == 200
    assert response.json()["worker"]["stale"] is True


def test_a_cache_that_does_not_answer_is_a_503_naming_the_cache(client, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("redis gone")

    monkeypatch.setattr(cache, "set", down)
    response = client.get(reverse("core:health"))
    assert response.status_code == 503
    assert response.json()["cache"] == "failed: ConnectionError"
    assert response.json()["database"] == "ok"
    assert "redis gone" not in response.content.decode()


def test_a_database_that_does_not_answer_is_a_503_naming_the_database(
    client, monkeypatch
):
    from doorlopend.core import health

    class Unreachable:
        def cursor(self):
            raise OperationalError("could not connect to server at 10.0.0.5")

    monkeypatch.setattr(health, "connection", Unreachable())
    response = client.get(reverse("core:health"))
    assert response.status_code == 503
    report = response.json()
    assert report["database"] == "failed: OperationalError"
    assert report["status"] == "failed" and "worker" not in report
    assert "10.0.0.5" not in response.content.decode()


def test_livez_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("core:alive"))
    assert response.status_code == 200 and response.content == b"ok"
