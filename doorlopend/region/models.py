"""Open data about the region, imported with its provenance, and notes people add.

A `DataSet` is one imported file (DUO's pupils per vo location, DUO's mbo students per
qualification, or a labour-market table as UWV and CBS publish it), with where it came
from: source, publisher, reference date, file name and SHA-256, who imported it and
when. Its rows are typed per kind. A count the publisher masked for privacy ("<5",
"x", "*", "-") is stored as NULL: unknown, never 0.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.partnerships.models import Partnership
from doorlopend.registry.education import Leerweg, MboLeerweg, VmboProfile
from doorlopend.routes.models import Leerroute


class DataKind(models.TextChoices):
    VO_PUPILS = "vo_pupils", _("vo pupils per school location (DUO)")
    MBO_STUDENTS = "mbo_students", _("mbo students per qualification (DUO)")
    LABOUR_MARKET = "labour_market", _("labour-market prospects (UWV/CBS)")


class Prospect(models.IntegerChoices):
    """The prospect indicator of UWV's and CBS's tables, best first."""

    VERY_GOOD = 5, _("very good")
    GOOD = 4, _("good")
    REASONABLE = 3, _("reasonable")
    MODERATE = 2, _("moderate")
    POOR = 1, _("poor")


GOOD_PROSPECTS = (Prospect.VERY_GOOD, Prospect.GOOD)


class DataSet(models.Model):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind of data"), max_length=15, choices=DataKind.choices)
    source_name = models.CharField(_("source"), max_length=200)
    publisher = models.CharField(_("publisher"), max_length=100)
    reference_date = models.DateField(_("reference date"))
    file_name = models.CharField(_("file name"), max_length=255)
    content_hash = models.CharField(_("SHA-256"), max_length=64)
    # {our field: the column header in the file}: reused for the next file of this kind.
    columns = models.JSONField(_("columns"), default=dict)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    masked_count = models.PositiveIntegerField(_("masked cells"), default=0)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        verbose_name = _("data set")
        verbose_name_plural = _("data sets")
        ordering = ["kind", "-reference_date", "-imported_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "content_hash"], name="region_dataset_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_name} ({self.reference_date})"


class VoPupils(models.Model):
    """DUO: pupils of one vo school location in one year, leerweg and profile."""

    dataset = models.ForeignKey(DataSet, on_delete=models.CASCADE, related_name="vo")
    year = models.PositiveSmallIntegerField(_("year"))
    brin = models.CharField(_("BRIN"), max_length=4)
    vestiging = models.CharField(_("location"), max_length=6, blank=True)
    location_name = models.CharField(_("school location"), max_length=200)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    rmc_region = models.CharField(_("RMC region"), max_length=10, blank=True)
    leerweg = models.CharField(_("leerweg"), max_length=2, choices=Leerweg.choices)
    profile = models.CharField(
        _("profile"), max_length=5, choices=VmboProfile.choices, blank=True
    )
    pupils = models.PositiveIntegerField(_("pupils"), null=True, blank=True)

    objects = ScopedManager(partnership="dataset__partnership")

    def __str__(self) -> str:
        return f"{self.year} {self.location_name} {self.leerweg} {self.profile}"


class MboStudents(models.Model):
    """DUO: students of one mbo institution in one year, qualification, level, BOL/BBL."""

    dataset = models.ForeignKey(DataSet, on_delete=models.CASCADE, related_name="mbo")
    year = models.PositiveSmallIntegerField(_("year"))
    brin = models.CharField(_("BRIN"), max_length=4)
    institution_name = models.CharField(_("institution"), max_length=200)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    crebo = models.CharField(_("crebo"), max_length=5)
    qualification = models.CharField(_("qualification"), max_length=200, blank=True)
    level = models.PositiveSmallIntegerField(_("level"), null=True, blank=True)
    mbo_leerweg = models.CharField(
        _("BOL or BBL"), max_length=3, choices=MboLeerweg.choices
    )
    students = models.PositiveIntegerField(_("students"), null=True, blank=True)

    objects = ScopedManager(partnership="dataset__partnership")

    def __str__(self) -> str:
        return f"{self.year} {self.institution_name} {self.crebo} {self.mbo_leerweg}"


class LabourMarket(models.Model):
    """UWV/CBS: the prospects of one sector and occupational group in one region."""

    dataset = models.ForeignKey(
        DataSet, on_delete=models.CASCADE, related_name="labour"
    )
    region = models.CharField(_("region"), max_length=200)
    sector = models.CharField(_("sector"), max_length=200)
    occupation = models.CharField(_("occupational group"), max_length=200, blank=True)
    prospect = models.PositiveSmallIntegerField(
        _("prospect"), choices=Prospect.choices, null=True, blank=True
    )
    vacancies = models.PositiveIntegerField(_("vacancies"), null=True, blank=True)

    objects = ScopedManager(partnership="dataset__partnership")

    def __str__(self) -> str:
        return f"{self.region}: {self.sector} {self.occupation}"


class Question(models.IntegerChoices):
    """The five questions of the step "Analyse" (seed 002)."""

    SECTORS = 1, _("Which sectors in the region have good labour-market prospects?")
    WORK_FIELDS = 2, _("Which work fields are those?")
    TRAINING = 3, _("What training do those work fields need?")
    TARGET_GROUP = 4, _("Who is the target group?")
    VARIANT = 5, _("BOL or BBL?")


class Note(models.Model):
    """What people know that the data does not say, with where they have it from."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    # None: a note on the partnership's whole region, not one route.
    route = models.ForeignKey(
        Leerroute,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="region_notes",
    )
    question = models.PositiveSmallIntegerField(_("question"), choices=Question.choices)
    text = models.TextField(_("note"))
    source = models.CharField(
        _("source"),
        max_length=300,
        help_text=_(
            "Where this comes from: a report, a talk with an employer, a site."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["question", "created_at"]

    def __str__(self) -> str:
        return f"{self.get_question_display()}: {self.text[:50]}"
