"""The files that feed the monitor: column mappings per school and import jobs."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.core.jobs import ACTIVE, Job, JobState
from doorlopend.partnerships.models import Organisation, Partnership

from ..choices import ImportKind


class ColumnMapping(models.Model):
    """How one school's export names our columns, for one kind of file; saved once."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(
        _("kind of file"), max_length=10, choices=ImportKind.choices
    )
    # {our field: the column header in their file}
    columns = models.JSONField(_("columns"), default=dict)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        verbose_name = _("column mapping")
        verbose_name_plural = _("column mappings")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind"], name="transitions_mapping_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.get_kind_display()}"


class TransitionImport(Job):
    """One leavers or status file of one school, imported in the background as a job.

    The file waits in PRIVATE_UPLOAD_ROOT (never served) and is deleted once the import has
    ended, whatever the outcome (core.jobs); only its hash stays, so that the same file
    twice is recognised while one of them is still waiting.
    """

    class Status(models.TextChoices):
        MAPPING = "mapping", _("Waiting for column mapping")
        QUEUED = JobState.QUEUED.value, JobState.QUEUED.label
        RUNNING = JobState.RUNNING.value, JobState.RUNNING.label
        DONE = JobState.DONE.value, JobState.DONE.label
        REFUSED = JobState.REFUSED.value, JobState.REFUSED.label
        FAILED = JobState.FAILED.value, JobState.FAILED.label
        CANCELLED = JobState.CANCELLED.value, JobState.CANCELLED.label
        STOPPED = JobState.STOPPED.value, JobState.STOPPED.label

    # A file waiting for its column mapping can be cancelled too (its file is deleted).
    cancellable = (Status.MAPPING, *ACTIVE)

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("school"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(
        _("kind of file"), max_length=10, choices=ImportKind.choices
    )
    cohort = models.PositiveSmallIntegerField(_("year of transition"))
    original_filename = models.CharField(_("file name"), max_length=255)
    stored_name = models.CharField(max_length=255, blank=True, editable=False)
    content_hash = models.CharField(_("SHA-256 of the file"), max_length=64)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    headers = models.JSONField(_("columns found"), default=list, blank=True)
    columns = models.JSONField(_("column mapping used"), default=dict, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.MAPPING,
        db_index=True,
    )
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    rejected_count = models.PositiveIntegerField(_("rejected"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    ERRORS_KEPT = 1000

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("pupil file import")
        verbose_name_plural = _("pupil file imports")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "content_hash"],
                condition=Q(status__in=["mapping", "queued", "running"]),
                name="transitions_import_one_pending_per_file",
            )
        ]

    def __str__(self) -> str:
        return f"{self.original_filename} ({self.get_status_display()})"

    @property
    def upload_path(self) -> Path:
        return Path(settings.PRIVATE_UPLOAD_ROOT) / self.stored_name

    def job_task(self):
        from .. import tasks  # tasks import the services, which import this module

        return tasks.import_run

    def job_input_available(self) -> bool:
        return bool(self.stored_name) and self.upload_path.exists()

    def job_input_delete(self) -> None:
        if self.stored_name:
            self.upload_path.unlink(missing_ok=True)

    @classmethod
    def job_orphan_uploads_delete(cls, *, older_than) -> int:
        """Uploaded pupil files older than `older_than` that no waiting import reads."""
        root = Path(settings.PRIVATE_UPLOAD_ROOT)
        if not root.is_dir():
            return 0
        waiting = set(
            cls._base_manager.filter(status__in=cls.cancellable).values_list(
                "stored_name", flat=True
            )
        )
        deleted = 0
        for path in root.iterdir():
            if not path.is_file() or path.name in waiting:
                continue
            if path.stat().st_mtime < older_than.timestamp():
                path.unlink(missing_ok=True)
                deleted += 1
        return deleted
