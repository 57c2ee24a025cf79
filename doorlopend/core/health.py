"""What /healthz reports: the database and the cache answer, and the background
processes' last heartbeats (`core.models.Heartbeat`) with their age."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from .models import Heartbeat

# Heartbeats reported, and how old each may be before it counts as stale.
PROCESSES = ("worker", "periodic")


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any failure: say which kind, never its text
        return f"failed: {type(error).__name__}"
    return "ok"


def _cache() -> str:
    probe = uuid.uuid4().hex
    try:
        cache.set("core:healthz", probe, timeout=30)
        if cache.get("core:healthz") != probe:
            return "failed: value not read back"
    except Exception as error:
        return f"failed: {type(error).__name__}"
    return "ok"


def _heartbeats() -> dict[str, Any]:
    now = timezone.now()
    stale_after = int(settings.HEALTH_WORKER_STALE_SECONDS)
    beats = dict(Heartbeat.objects.filter(name__in=PROCESSES).values_list("name", "at"))
    report = {}
    for name in PROCESSES:
        at = beats.get(name)
        age = round((now - at).total_seconds()) if at else None
        report[name] = {
            "last_heartbeat": at.isoformat() if at else None,
            "age_seconds": age,
            "stale": age is None or age > stale_after,
        }
    return report


def health_report() -> dict[str, Any]:
    report: dict[str, Any] = {"database": _database(), "cache": _cache()}
    ok = report["database"] == "ok" and report["cache"] == "ok"
    report["status"] = "ok" if ok else "failed"
    if report["database"] == "ok":
        report.update(_heartbeats())
    return report
