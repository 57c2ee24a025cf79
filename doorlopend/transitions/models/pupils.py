"""Pupils (pseudonymised), their transitions and status history, and the dates per year
the signals use."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.partnerships.models import Organisation, Partnership
from doorlopend.registry.education import Leerweg, MboLeerweg, VmboProfile

from ..choices import Eindopdracht, RouteKind, Status
from ..privacy import EncryptedTextField


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
    # "" unknown, "ja" or "nee" (`choices.Eindopdracht`), as the leavers file gives it.
    eindopdracht = models.CharField(
        _("eindopdracht afgerond"),
        max_length=3,
        choices=Eindopdracht.choices,
        blank=True,
    )
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
    """The dates the signals of one year of transitions use; defaults 1 April, 1 October,
    and for the doorstroomdossier 1 April (complete) and 1 June (read)."""

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
    # The doorstroomdossier's dates (issue 16); empty: the default of the year.
    dossier_complete_by = models.DateField(
        _("dossier complete by"),
        null=True,
        blank=True,
        help_text=_(
            "Pupils whose doorstroomdossier is not complete and approved by then are signalled."
        ),
    )
    dossier_read_by = models.DateField(
        _("dossier read by"),
        null=True,
        blank=True,
        help_text=_(
            "Approved dossiers the mbo school has not read by then are signalled."
        ),
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

    @staticmethod
    def default_dossier_complete_by(cohort: int) -> datetime.date:
        return datetime.date(cohort, 4, 1)

    @staticmethod
    def default_dossier_read_by(cohort: int) -> datetime.date:
        return datetime.date(cohort, 6, 1)
