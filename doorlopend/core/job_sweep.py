"""Sweeps the worker runs: jobs whose worker died, and uploads nobody waits for.

`jobs_stale_stop` marks every RUNNING job whose heartbeat is older than
JOB_STALE_AFTER_SECONDS as STOPPED and deletes its upload; `uploads_orphan_delete` deletes
stored uploads older than JOB_UPLOAD_MAX_AGE_HOURS that belong to no waiting job. The worker
(`manage.py run_worker`) runs both when it starts; then they are periodic jobs of
`core.schedule`, run by the worker's sweeper or by `manage.py run_periodic`; `manage.py
sweep_jobs` runs them once (cron, or by hand).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import close_old_connections
from django.db.models import Q
from django.utils import timezone
from django_scopes import scopes_disabled

from .jobs import Job, JobState
from .models import beat
from .periodic import daily_run
from .schedule import PeriodicJob, register_periodic, run_due

logger = logging.getLogger(__name__)


def job_models() -> list[type[Job]]:
    """Every concrete job model of every app (apps plug in by subclassing Job)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Job) and not model._meta.abstract
    ]


@dataclass
class SweepResult:
    stopped: int = 0
    uploads_deleted: int = 0


def jobs_stale_stop(*, now=None) -> int:
    """Mark running jobs whose heartbeat is older than the limit as stopped; how many.

    Conditional on the heartbeat still being old, so a job that beats between our read and
    our write keeps running. A job with no heartbeat yet counts from its start.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=int(settings.JOB_STALE_AFTER_SECONDS))
    stale = Q(heartbeat_at__lt=cutoff) | Q(
        heartbeat_at__isnull=True, started_at__lt=cutoff
    )
    stopped = 0
    # No partnership here: the sweep looks at every job of every partnership.
    with scopes_disabled():
        for model in job_models():
            for job in model._base_manager.filter(Q(status=JobState.RUNNING) & stale):
                updated = model._base_manager.filter(
                    Q(pk=job.pk, status=JobState.RUNNING) & stale
                ).update(status=JobState.STOPPED, finished_at=now)
                if updated:
                    stopped += 1
                    job.status = JobState.STOPPED
                    job.job_input_delete()
                    logger.warning("Job %s %s stopped", model._meta.label, job.pk)
    return stopped


def uploads_orphan_delete(*, now=None) -> int:
    """Delete uploads older than JOB_UPLOAD_MAX_AGE_HOURS of no waiting job; how many."""
    now = now or timezone.now()
    older_than = now - timedelta(hours=int(settings.JOB_UPLOAD_MAX_AGE_HOURS))
    # No partnership here either: the uploads of every partnership's jobs.
    with scopes_disabled():
        return sum(
            model.job_orphan_uploads_delete(older_than=older_than)
            for model in job_models()
        )


def register_periodic_jobs() -> None:
    """The sweeps and the apps' daily work (`core.periodic`) in the schedule (from ready()).
    The lambdas look the functions up when they run, so tests can replace them."""
    register_periodic(
        PeriodicJob(
            name="jobs.stale_stop",
            run=lambda today: jobs_stale_stop(),
            seconds=lambda: float(settings.JOB_SWEEP_SECONDS),
        )
    )
    register_periodic(
        PeriodicJob(
            name="jobs.uploads_delete",
            run=lambda today: uploads_orphan_delete(),
            seconds=lambda: 24 * 60 * 60.0,
        )
    )
    register_periodic(
        PeriodicJob(
            name="notifications.daily",
            run=lambda today: daily_run(today=today),
            daily=True,
        )
    )


class Sweeper(threading.Thread):
    """The worker's thread: beats the `worker` heartbeat every JOB_SWEEP_SECONDS and, unless
    `periodic` is off (a separate `run_periodic` process does it), runs the schedule's due
    jobs (`core.schedule`: the sweeps, the daily work, the apps' jobs)."""

    def __init__(self, *, periodic: bool = True):
        super().__init__(daemon=True, name="job-sweeper")
        self.done = threading.Event()
        self.periodic = periodic

    def run(self) -> None:
        interval = float(settings.JOB_SWEEP_SECONDS)
        while True:
            close_old_connections()
            try:
                beat("worker")
                if self.periodic:
                    run_due()
            except Exception:  # a database hiccup must not end the sweeps
                logger.exception("Job sweep failed")
            if self.done.wait(interval):
                break
