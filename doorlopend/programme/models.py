"""The LOB programme of a leerlijn: what recurs every year, placed year by year.

A programme belongs to the partnership (or to one of its leerroutes) for one school
year. Its items sit in a year of the transition (vmbo 1 to the hbo propedeuse) and are
rated on each element of the 7 elementen voor effectieve LOB (the list instrument the
programme was made with). An item may lead to a later one (samenhang). The plan's
activities say when something happens this year; an item may point at one of them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.registry.education import Leerweg, MboLeerweg, VmboProfile

from .grid import YEAR_CHOICES, Level, row_label, row_order


class Programme(models.Model):
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.CASCADE,
        related_name="programmes",
    )
    name = models.CharField(_("name"), max_length=200)
    leerroute = models.ForeignKey(
        "routes.Leerroute",
        verbose_name=_("leerroute"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programmes",
        help_text=_("Empty: the programme of the whole partnership."),
    )
    school_year = models.PositiveSmallIntegerField(
        _("school year"), help_text=_("The year the school year starts, e.g. 2026.")
    )
    description = models.TextField(_("description"), blank=True)
    # The version of the 7 elementen the items are rated on: a new version of the list
    # is a new file, and a programme keeps the one it was rated with.
    elements_version = models.ForeignKey(
        "instruments.InstrumentVersion",
        on_delete=models.PROTECT,
        related_name="+",
    )
    source = models.CharField(
        _("made from"),
        max_length=300,
        blank=True,
        help_text=_("The example or the programme this one was copied from."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-school_year", "name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name", "school_year"],
                name="programme_unique_name_per_year",
                violation_error_message=_(
                    "This partnership already has a programme with this name for this school year."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.school_year_label})"

    @property
    def school_year_label(self) -> str:
        return f"{self.school_year}–{self.school_year + 1}"


class Form(models.TextChoices):
    EXCURSIE = "excursie", _("excursion")
    MEELOOPDAG = "meeloopdag", _("meeloopdag")
    GASTLES = "gastles", _("guest lesson")
    PROJECT = "project", _("project")
    PGP_PROJECT = "pgp_project", _("PGP project")
    KEUZEDEEL = "keuzedeel", _("keuzedeel or keuzevak")
    LOOPBAANGESPREK = "loopbaangesprek", _("loopbaangesprek")
    OUDERAVOND = "ouderavond", _("ouderavond")
    STAGE = "stage", _("stage or snuffelstage")
    ANDERS = "anders", _("other")


# Forms in which a pupil gains experience: reflection before and after makes them count.
EXPERIENCE_FORMS = frozenset(
    {Form.EXCURSIE, Form.MEELOOPDAG, Form.GASTLES, Form.STAGE, Form.PGP_PROJECT}
)


class Period(models.TextChoices):
    YEAR = "jaar", _("the whole year")
    P1 = "p1", _("period 1")
    P2 = "p2", _("period 2")
    P3 = "p3", _("period 3")
    P4 = "p4", _("period 4")


class Audience(models.TextChoices):
    PUPILS = "leerlingen", _("pupils")
    PARENTS = "ouders", _("parents")
    BOTH = "beide", _("pupils and their parents")


class ProgrammeItem(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="items"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what happens"), blank=True)
    level = models.CharField(_("school type"), max_length=4, choices=Level.choices)
    year = models.PositiveSmallIntegerField(_("year"), choices=YEAR_CHOICES)
    period = models.CharField(
        _("period"), max_length=4, choices=Period.choices, default=Period.YEAR
    )
    leerweg = models.CharField(
        _("vmbo leerweg"),
        max_length=2,
        choices=Leerweg.choices,
        blank=True,
        help_text=_("Empty: every leerweg."),
    )
    profile = models.CharField(
        _("vmbo profile"), max_length=5, choices=VmboProfile.choices, blank=True
    )
    mbo_leerweg = models.CharField(
        _("BOL or BBL"),
        max_length=3,
        choices=MboLeerweg.choices,
        blank=True,
        help_text=_("Empty: both."),
    )
    crebo = models.CharField(_("crebo number"), max_length=5, blank=True)
    audience = models.CharField(
        _("for whom"), max_length=10, choices=Audience.choices, default=Audience.PUPILS
    )
    form = models.CharField(_("form"), max_length=20, choices=Form.choices)
    organisations = models.ManyToManyField(
        "partnerships.Organisation",
        verbose_name=_("organised by"),
        blank=True,
        related_name="programme_items",
    )
    place = models.CharField(_("where"), max_length=200, blank=True)
    activity = models.ForeignKey(
        "planning.Activity",
        verbose_name=_("activity in the plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programme_items",
        help_text=_("The plan says when it happens this year."),
    )
    leads_to = models.ForeignKey(
        "self",
        verbose_name=_("leads to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_from",
        help_text=_("A later item that builds on this one."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="programme__partnership")

    class Meta:
        ordering = ["programme", "pk"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")

    def __str__(self) -> str:
        return self.title

    @property
    def order(self) -> tuple:
        return (row_order(self.level, self.year), self.period, self.title)

    @property
    def row_label(self) -> str:
        return row_label(self.level, self.year, self.leerweg)

    @property
    def row_key(self) -> str:
        """The year on the programme page ('vmbo-3'; grid.Row.key)."""
        return f"{self.level}-{self.year}"

    @property
    def for_parents(self) -> bool:
        return self.audience in (Audience.PARENTS, Audience.BOTH)


class Score(models.IntegerChoices):
    NIET = 0, _("not")
    ENIGSZINS = 1, _("somewhat")
    DUIDELIJK = 2, _("clearly")


class ItemRating(models.Model):
    """How clearly an item serves one element (a key of the programme's list version)."""

    item = models.ForeignKey(
        ProgrammeItem, on_delete=models.CASCADE, related_name="ratings"
    )
    element = models.SlugField(_("element"), max_length=60)
    score = models.PositiveSmallIntegerField(_("score"), choices=Score.choices)
    why = models.CharField(_("why"), max_length=300, blank=True)

    objects = ScopedManager(partnership="item__programme__partnership")

    class Meta:
        ordering = ["item", "pk"]
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "element"], name="programme_rating_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.element} {self.score}"


class AssignmentPair(models.Model):
    """The eindopdracht in the last vmbo year and the startopdracht in mbo that uses it."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="pairs"
    )
    title = models.CharField(_("title"), max_length=200)
    leerweg = models.CharField(
        _("vmbo leerweg"),
        max_length=2,
        choices=Leerweg.choices,
        blank=True,
        help_text=_("Empty: every leerweg of the programme."),
    )
    eindopdracht = models.TextField(
        _("eindopdracht vo"),
        help_text=_("What the pupil makes in the last vmbo year."),
    )
    startopdracht = models.TextField(
        _("startopdracht mbo"),
        help_text=_("What the mbo intake and mentor do with it in the first weeks."),
    )
    vo_owner = models.ForeignKey(
        "partnerships.Organisation",
        verbose_name=_("owner in vo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    vo_contact = models.CharField(_("contact in vo"), max_length=200, blank=True)
    mbo_owner = models.ForeignKey(
        "partnerships.Organisation",
        verbose_name=_("owner in mbo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    mbo_contact = models.CharField(_("contact in mbo"), max_length=200, blank=True)
    criteria = models.TextField(_("criteria"), blank=True)
    vo_when = models.CharField(_("when in vo"), max_length=200, blank=True)
    mbo_when = models.CharField(_("when in mbo"), max_length=200, blank=True)

    objects = ScopedManager(partnership="programme__partnership")

    class Meta:
        ordering = ["programme", "pk"]
        verbose_name = _("eind- and startopdracht")
        verbose_name_plural = _("eind- and startopdrachten")

    def __str__(self) -> str:
        return self.title
