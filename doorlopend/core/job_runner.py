"""Running, cancelling and retrying a `Job`: the one task wrapper every job goes through."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from .jobs import RETRYABLE, Job, JobInterrupted, JobRefused, JobState

logger = logging.getLogger(__name__)
J = TypeVar("J", bound=Job)


class Progress:
    """Reports progress (and with it a heartbeat) from inside the work.

    `progress(percent, **fields)` saves the percentage and any counters, conditionally on
    the job still running: when the user cancelled it or the sweep stopped it, it raises
    JobInterrupted so the work gives up (its transaction, if any, rolls back).
    """

    def __init__(self, job: Job):
        self.job = job

    def __call__(self, percent: int | None = None, **fields) -> None:
        if percent is not None:
            fields["progress"] = max(1, min(int(percent), 99))
        for name, value in fields.items():
            setattr(self.job, name, value)
        fields["heartbeat_at"] = timezone.now()
        updated = (
            type(self.job)
            ._base_manager.filter(pk=self.job.pk, status=JobState.RUNNING)
            .update(**fields)
        )
        if not updated:
            raise JobInterrupted


class _Heartbeat(threading.Thread):
    """Beats the job's heartbeat every JOB_HEARTBEAT_SECONDS from a thread of its own, so a
    long step without progress reports (a PDF render, one big write) still shows life."""

    def __init__(self, job: Job):
        super().__init__(daemon=True, name=f"heartbeat-{job._meta.label}-{job.pk}")
        self.model, self.pk = type(job), job.pk
        self.done = threading.Event()

    def run(self) -> None:
        interval = float(settings.JOB_HEARTBEAT_SECONDS)
        try:
            while not self.done.wait(interval):
                try:
                    self.model._base_manager.filter(
                        pk=self.pk, status=JobState.RUNNING
                    ).update(heartbeat_at=timezone.now())
                except Exception:  # a locked SQLite file: try again next beat
                    logger.warning("Heartbeat of %s %s missed", self.model, self.pk)
        finally:
            connection.close()


def job_run(
    model: type[J],
    job_id: int,
    work: Callable[[J, Progress], dict | None],
    *,
    after: Callable[[J], None] | None = None,
    failed_reason: Callable[[Exception], str] | None = None,
) -> J | None:
    """Run the job `job_id` of `model` once; None when it was not queued (a task delivered
    twice, a job cancelled before it started).

    `work(job, progress)` does the job inside the partnership's scope (if it has one) and
    the job's language, and returns fields to save with DONE. It raises JobRefused for bad
    input; any other exception ends the job FAILED and is raised again for the task log.
    The upload is deleted on every outcome; `after(job)` runs last, whatever the outcome.
    `failed_reason(error)` words an unexpected error for the user (a generic sentence if
    not given).
    """
    now = timezone.now()
    claimed = model._base_manager.filter(pk=job_id, status=JobState.QUEUED).update(
        status=JobState.RUNNING,
        started_at=now,
        heartbeat_at=now,
        finished_at=None,
        progress=1,
        errors=[],
    )
    if not claimed:
        return None
    # A task knows only an id and has no partnership yet: the lookup learns which
    # partnership to enter; all the work then runs inside that scope.
    with scopes_disabled():
        job = model._base_manager.get(pk=job_id)
        partnership = job.job_partnership()
    with translation.override(job.language or settings.LANGUAGE_CODE):
        if partnership is None:
            _run(job, work, after, failed_reason)
        else:
            with scope(partnership=partnership):
                _run(job, work, after, failed_reason)
    return job


def _run(job: J, work, after, failed_reason) -> None:
    # Inside a transaction (a test, a caller's atomic block) another connection could not
    # see the job: progress reports carry the heartbeat alone then.
    beat = None if connection.in_atomic_block else _Heartbeat(job)
    if beat is not None:
        beat.start()
    try:
        fields = work(job, Progress(job)) or {}
        _finish(job, JobState.DONE, **fields)
    except JobInterrupted:
        job.refresh_from_db()
    except JobRefused as refused:
        _finish(job, JobState.REFUSED, errors=refused.errors, **refused.fields)
    except Exception as error:
        logger.exception("Job %s %s failed", job._meta.label, job.pk)
        reason = (
            failed_reason(error)
            if failed_reason
            else _("The job stopped on an unexpected error. Nothing was changed.")
        )
        _finish(job, JobState.FAILED, errors=[{"line": 0, "reason": reason}])
        raise
    finally:
        if beat is not None:
            beat.done.set()
            beat.join()
        job.job_input_delete()
        if after is not None:
            after(job)


def _finish(job: Job, status: str, **fields) -> None:
    # Conditional on still running: a job cancelled at the last moment stays cancelled.
    fields.setdefault("errors", [])
    fields.update(status=status, progress=100, finished_at=timezone.now())
    updated = (
        type(job)
        ._base_manager.filter(pk=job.pk, status=JobState.RUNNING)
        .update(**fields)
    )
    if updated:
        for name, value in fields.items():
            setattr(job, name, value)
    else:
        job.refresh_from_db()


def job_cancel(*, job: Job) -> Job:
    """Cancel a job that waits or runs; its upload is deleted at once. A running worker
    notices at its next progress report and gives up; a finished job cannot be cancelled."""
    updated = (
        type(job)
        ._base_manager.filter(pk=job.pk, status__in=job.cancellable)
        .update(status=JobState.CANCELLED, finished_at=timezone.now())
    )
    if not updated:
        raise ValidationError(
            _("This job has already ended and can no longer be cancelled."),
            code="finished",
        )
    job.job_input_delete()
    job.refresh_from_db()
    return job


def job_retry(*, job: Job) -> Job:
    """Queue a failed, stopped or cancelled job again (once: two clicks queue it once).

    A job whose upload was deleted cannot run again: the file must be uploaded again.
    """
    if not job.job_input_available():
        raise ValidationError(
            _("The uploaded file was deleted when the job ended. Upload it again."),
            code="no_input",
        )
    updated = (
        type(job)
        ._base_manager.filter(pk=job.pk, status__in=RETRYABLE)
        .update(
            status=JobState.QUEUED,
            progress=0,
            errors=[],
            started_at=None,
            finished_at=None,
            heartbeat_at=None,
        )
    )
    if not updated:
        raise ValidationError(
            _("Only a job that failed, stopped or was cancelled can be tried again."),
            code="not_retryable",
        )
    job_enqueue(job)
    job.refresh_from_db()
    return job


def job_enqueue(job: Job) -> None:
    """Hand the job to the worker once the transaction that made or re-queued it commits."""
    transaction.on_commit(partial(job.job_task().enqueue, job.pk))
