"""The doorstroommonitor: pupils (pseudonymised), their transitions, status history,
signals and interventions, and the imports that feed them.

Privacy by design (DESIGN.md, "Privacy norms"; issue 5):
- `Pupil` holds no national number, only its keyed hash; name and date of birth are
  encrypted at rest and readable only through `selectors` that write the access log.
- A `Transition` is one pupil's move in one year (`cohort`, the calendar year in which the
  pupil leaves vmbo). Its status history (`StatusEvent`) is appended to, never overwritten;
  the milestone dates on the transition are derived from it for fast figures.
- Aggregates over transitions are shown to roles without pupil access with small cells
  hidden (`figures`); the rows below are never shown to them.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.core.jobs import ACTIVE, Job, JobState
from doorlopend.partnerships.models import Organisation, Partnership
from doorlopend.registry.education import Leerweg, MboLeerweg, VmboProfile

from .choices import ImportKind, RouteKind, SignalKind, Status
from .privacy import EncryptedTextField


class Pupil(models.Model):
    """A pupil known to the partnership, under a pseudonym of their national number."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=64)
    # Personal data, encrypted; empty once erased.
    name = EncryptedTextField(_("name"), blank=True)
    birth_date = EncryptedTextField(_("date of birth"), blank=True)
    created_at = models.DateTimeField(_("first seen"), auto_now_add=True)
    # Retention: announced in a dry-run report first, then erased.
    erase_announced_at = models.DateTimeField(
        _("erasure announced"), null=True, blank=True
    )
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        verbose_name = _("pupil")
        verbose_name_plural = _("pupils")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "pseudonym"],
                name="transitions_pupil_unique_pseudonym",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.pk}"

    @property
    def birth_date_value(self) -> datetime.date | None:
        return datetime.date.fromisoformat(self.birth_date) if self.birth_date else None


class Transition(models.Model):
    """One pupil's move from a vo school in one year: where from, where to, how it went."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    pupil = models.ForeignKey(
        Pupil, on_delete=models.CASCADE, related_name="transitions"
    )
    cohort = models.PositiveSmallIntegerField(
        _("year of transition"),
        help_text=_(
            "The calendar year in which the pupil leaves vmbo (2026: leaves in the "
            "summer of 2026, starts in mbo in the school year 2026-2027)."
        ),
    )
    sending_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("sending school"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    leerweg = models.CharField(
        _("leerweg"), max_length=2, choices=Leerweg.choices, blank=True
    )
    profile = models.CharField(
        _("profile"), max_length=5, choices=VmboProfile.choices, blank=True
    )
    route_kind = models.CharField(
        _("route"),
        max_length=10,
        choices=RouteKind.choices,
        default=RouteKind.REGULIER,
    )
    route_name = models.CharField(
        _("name of the leerroute"), max_length=200, blank=True
    )
    receiving_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("receiving school"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    crebo = models.CharField(_("crebo"), max_length=5, blank=True)
    qualification = models.CharField(_("qualification"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=100, blank=True)
    mbo_leerweg = models.CharField(
        _("BOL/BBL"), max_length=3, choices=MboLeerweg.choices, blank=True
    )
    # Derived from the status history (services.history); never typed in.
    status = models.CharField(
        _("current status"), max_length=30, choices=Status.choices, blank=True
    )
    status_on = models.DateField(_("since"), null=True, blank=True)
    registered_on = models.DateField(_("first registered"), null=True, blank=True)
    placed_on = models.DateField(_("placed"), null=True, blank=True)
    enrolled_on = models.DateField(_("enrolled"), null=True, blank=True)
    started_on = models.DateField(_("started"), null=True, blank=True)
    stopped_on = models.DateField(_("stopped"), null=True, blank=True)
    diploma_on = models.DateField(_("diploma"), null=True, blank=True)
    final_on = models.DateField(_("final since"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-cohort", "pk"]
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")
        constraints = [
            models.UniqueConstraint(
                fields=["pupil", "cohort"], name="transitions_transition_unique_year"
            )
        ]
        indexes = [
            models.Index(
                fields=["partnership", "cohort"], name="transitions_partnership_cohort"
            ),
            models.Index(fields=["sending_organisation", "cohort"], name="tr_sending"),
            models.Index(
                fields=["receiving_organisation", "cohort"], name="tr_receiving"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pupil} {self.cohort}"


class StatusEvent(models.Model):
    """One status of a transition on one date, with where it came from. Append-only.

    The largest table (a million rows per national import): its copy of the partnership
    (for the tenant scope) and its import carry no database constraint, which would cost
    a lookup per inserted row. Both follow from `transition`, which does.
    """

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    transition = models.ForeignKey(
        Transition, on_delete=models.CASCADE, related_name="events"
    )
    status = models.CharField(_("status"), max_length=30, choices=Status.choices)
    on = models.DateField(_("date"))
    source = models.CharField(_("source"), max_length=300)
    import_job = models.ForeignKey(
        "TransitionImport",
        verbose_name=_("import"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_constraint=False,
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status history")
        constraints = [
            models.UniqueConstraint(
                fields=["transition", "status", "on"],
                name="transitions_event_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.on}"


class CohortSettings(models.Model):
    """The dates the signals of one year of transitions use; defaults 1 April, 1 October."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    cohort = models.PositiveSmallIntegerField(_("year of transition"))
    registration_deadline = models.DateField(
        _("registration deadline"),
        help_text=_(
            "Pupils without a registration at an mbo school by then are signalled."
        ),
    )
    start_check_on = models.DateField(
        _("start check"),
        help_text=_("Registered pupils who have not started by then are signalled."),
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-cohort"]
        verbose_name = _("dates of a year")
        verbose_name_plural = _("dates per year")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "cohort"], name="transitions_settings_unique"
            )
        ]

    def __str__(self) -> str:
        return str(self.cohort)

    @staticmethod
    def default_deadline(cohort: int) -> datetime.date:
        return datetime.date(cohort, 4, 1)

    @staticmethod
    def default_start_check(cohort: int) -> datetime.date:
        return datetime.date(cohort, 10, 1)


class Signal(models.Model):
    """Something about one pupil's transition that a decaan should act on."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    transition = models.ForeignKey(
        Transition, on_delete=models.CASCADE, related_name="signals"
    )
    kind = models.CharField(_("signal"), max_length=30, choices=SignalKind.choices)
    # The date the rule fired on (a deadline or the date of the status): a rule that fires
    # again for a new event opens a new signal, the same one never twice.
    raised_on = models.DateField(_("raised on"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    close_reason = models.TextField(_("reason for closing"), blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["closed_at", "-raised_on", "pk"]
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        constraints = [
            models.UniqueConstraint(
                fields=["transition", "kind", "raised_on"],
                name="transitions_signal_unique",
            )
        ]
        indexes = [
            models.Index(
                fields=["partnership", "closed_at"], name="transitions_signal_open"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.raised_on})"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Intervention(models.Model):
    """What someone did (or will do) about a signal, and how it turned out."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    signal = models.ForeignKey(
        Signal, on_delete=models.CASCADE, related_name="interventions"
    )
    what = models.TextField(_("what"))
    who = models.CharField(_("who"), max_length=200)
    on = models.DateField(_("when"))
    outcome = models.TextField(_("outcome"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")

    def __str__(self) -> str:
        return f"{self.on}: {self.what[:40]}"


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
        from . import tasks  # tasks import the services, which import this module

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
