"""One life cycle for every long job: an import, a document, a report.

A job is a row of a model built on `Job`. It is made QUEUED and handed to the task worker by
id; `job_runner.job_run` claims it exactly once (an atomic conditional UPDATE from queued to
running, so a task delivered twice runs once), beats its heartbeat while it runs, and ends it
in a known state:

    done       the work finished
    refused    the input was wrong (a bad file): `errors` says which line and why
    failed     an unexpected error: nothing was written, the reason is logged
    cancelled  the user stopped it
    stopped    its worker died (the heartbeat went quiet): `job_sweep` marks it

An uploaded file a job reads is deleted on every outcome (`job_input_delete`), so a stopped
or failed upload is retried by uploading it again; a job without an upload (a document, a
report) is re-queued by `job_retry`.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    REFUSED = "refused", _("Refused")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")
    STOPPED = "stopped", _("Stopped — try again")


# Waiting or running: the job still holds its input and blocks a second copy of itself.
ACTIVE = (JobState.QUEUED, JobState.RUNNING)
FINISHED = (
    JobState.DONE,
    JobState.REFUSED,
    JobState.FAILED,
    JobState.CANCELLED,
    JobState.STOPPED,
)
# A job that ended without a result through no fault of its input can be run again.
RETRYABLE = (JobState.FAILED, JobState.STOPPED, JobState.CANCELLED)


class JobRefused(Exception):
    """The input was wrong: the job ends `refused` with these line errors.

    `errors` is [{"line": int, "reason": str}, …] (line 0: about the whole file); `fields`
    are saved on the job too (counts).
    """

    def __init__(self, errors: list[dict], **fields):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors
        self.fields = fields


class JobInterrupted(Exception):
    """The job was cancelled or stopped while it ran: the work gives up without a trace."""


class Job(models.Model):
    """The fields and hooks every background job shares.

    A subclass names the path to its partnership (`partnership_path`, None for a job of no
    partnership such as a register import), the task that runs it (`job_task`) and, when it
    reads an upload, how to delete it (`job_input_delete`) and whether it is still there
    (`job_input_available`).
    """

    Status = JobState

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=JobState.choices,
        default=JobState.QUEUED,
        db_index=True,
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    # [{"line": int, "reason": str}, …]: line errors of a refused file, or one line-0 reason.
    errors = models.JSONField(_("errors"), default=list, blank=True)
    # Whoever asked for it: the worker writes messages and files in their language.
    language = models.CharField(_("language"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("made"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # Beaten by the running worker; older than JOB_STALE_AFTER means the worker is gone.
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)

    partnership_path: ClassVar[str | None] = "partnership"
    # States from which the user may cancel (a pupil import adds "waiting for a mapping").
    cancellable: ClassVar[tuple[str, ...]] = ACTIVE

    class Meta:
        abstract = True

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    @property
    def can_cancel(self) -> bool:
        return self.status in self.cancellable

    @property
    def can_retry(self) -> bool:
        """Re-queue from its page: only when it did not succeed and its input is still here."""
        return self.status in RETRYABLE and self.job_input_available()

    @property
    def error(self) -> str:
        """The reason a job ended without a result, in one sentence ("" when none)."""
        return "; ".join(str(e.get("reason", "")) for e in self.errors[:1])

    def job_partnership(self):
        """The partnership whose scope the job runs in, or None."""
        if self.partnership_path is None:
            return None
        value = self
        for part in self.partnership_path.split("__"):
            value = getattr(value, part)
        return value

    def job_task(self):
        """The django-tasks task that runs this job by id: each job model names its own."""
        raise ImproperlyConfigured(f"{type(self).__name__} does not name its task.")

    def job_input_available(self) -> bool:
        """Whether the job can run again as it is (its upload, if any, is still here)."""
        return True

    def job_input_delete(self) -> None:
        """Delete the uploaded input (if any): called on every outcome."""

    @classmethod
    def job_orphan_uploads_delete(cls, *, older_than) -> int:
        """Delete stored uploads older than `older_than` of no waiting job; how many."""
        return 0


def stale_after_seconds() -> int:
    return int(settings.JOB_STALE_AFTER_SECONDS)
