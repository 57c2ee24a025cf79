"""Signs of life of the background processes, shared by every machine through the database.

A `Heartbeat` row per name: `worker` (any task worker's sweeper beats it every
JOB_SWEEP_SECONDS), `periodic` (the `run_periodic` loop, every tick) and `job:<name>` (when
a periodic job last finished; `core.schedule` reads it to decide what is due, so a job runs
once per interval across machines). `/healthz` reports their ages.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, models, transaction
from django.utils import timezone


class Heartbeat(models.Model):
    name = models.CharField(max_length=100, unique=True)
    at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} {self.at:%Y-%m-%d %H:%M:%S}"


def beat(name: str, *, at: datetime.datetime | None = None) -> None:
    """Record a sign of life of `name` now (or at `at`); safe when two processes beat the
    same name at once (the loser of the first insert updates)."""
    at = at or timezone.now()
    if Heartbeat.objects.filter(name=name).update(at=at):
        return
    try:
        with transaction.atomic():
            Heartbeat.objects.create(name=name, at=at)
    except IntegrityError:
        Heartbeat.objects.filter(name=name).update(at=at)


def last_beat(name: str) -> datetime.datetime | None:
    return Heartbeat.objects.filter(name=name).values_list("at", flat=True).first()
