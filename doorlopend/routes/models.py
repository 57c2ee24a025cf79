"""Doorlopende leerroutes vmbo-mbo: the route, its parties and their councils' consent.

A route runs from one or more vmbo school locations to one mbo school, all taken from
the partnership's organisations (which come from DUO's register, so their BRIN and
vestiging are right). Everything a document needs about a route lives here, so the
projectplan, the samenwerkingsovereenkomst and the DUO melding are never typed twice.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.partnerships.models import Organisation, Partnership
from doorlopend.registry.education import Leerweg, MboLeerweg, VmboProfile

from .uploads import consent_upload_to

crebo_validator = RegexValidator(
    r"^\d{5}$", _("A crebo number is five digits, for example 25180.")
)


class Leerroute(models.Model):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="leerroutes"
    )
    name = models.CharField(_("name"), max_length=200)
    vmbo_locations = models.ManyToManyField(
        Organisation,
        verbose_name=_("vmbo school locations"),
        related_name="leerroutes_as_vmbo",
    )
    mbo_location = models.ForeignKey(
        Organisation,
        verbose_name=_("mbo school"),
        on_delete=models.PROTECT,
        related_name="leerroutes_as_mbo",
    )
    leerweg = models.CharField(_("vmbo leerweg"), max_length=2, choices=Leerweg.choices)
    profile = models.CharField(
        _("vmbo profile"), max_length=5, choices=VmboProfile.choices
    )
    crebo = models.CharField(
        _("crebo number"),
        max_length=5,
        validators=[crebo_validator],
        help_text=_("The five-digit number of the mbo qualification."),
    )
    qualification = models.CharField(_("mbo qualification"), max_length=200)
    mbo_leerweg = models.CharField(
        _("BOL or BBL"), max_length=3, choices=MboLeerweg.choices
    )
    start_year = models.PositiveSmallIntegerField(
        _("first school year"),
        validators=[MinValueValidator(2000)],
        help_text=_("The year the first pupils start, e.g. 2027 for 2027-2028."),
    )
    start_date = models.DateField(
        _("start date"), help_text=_("The start date reported to DUO.")
    )
    duration_years = models.PositiveSmallIntegerField(
        _("duration of the agreement (years)"), default=4
    )
    aims = models.TextField(
        _("aims"), blank=True, help_text=_("What the route must achieve, and for whom.")
    )
    overstapoptie = models.TextField(
        _("overstapoptie"),
        blank=True,
        help_text=_(
            "How a pupil can still leave the route for the regular path, and when."
        ),
    )
    examination = models.TextField(_("examination agreements"), blank=True)
    design = models.TextField(_("design"), blank=True)
    communication = models.TextField(
        _("communication"),
        blank=True,
        help_text=_("How pupils, parents and decanen in the region hear of the route."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["name"]
        verbose_name = _("leerroute")
        verbose_name_plural = _("leerroutes")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="routes_leerroute_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def school_year(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}"


class Party(models.Model):
    """An organisation that signs the samenwerkingsovereenkomst of a route."""

    route = models.ForeignKey(
        Leerroute, on_delete=models.CASCADE, related_name="parties"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="route_parties"
    )
    signatory_name = models.CharField(_("signatory"), max_length=200, blank=True)
    signatory_role = models.CharField(
        _("signatory's position"), max_length=200, blank=True
    )
    responsibilities = models.TextField(_("tasks and responsibilities"), blank=True)
    contribution = models.DecimalField(
        _("financial contribution (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
    )
    financial_notes = models.TextField(_("financial arrangements"), blank=True)

    objects = ScopedManager(partnership="route__partnership")

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.UniqueConstraint(
                fields=["route", "organisation"], name="routes_party_unique"
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class Consent(models.Model):
    """A participation council's decision on the route (seed 002, step MR)."""

    class Body(models.TextChoices):
        MR = "mr", _("medezeggenschapsraad (MR)")
        GMR = "gmr", _("gemeenschappelijke medezeggenschapsraad (GMR)")
        OR = "or", _("ondernemingsraad (OR)")
        STUDENTENRAAD = "studentenraad", _("studentenraad")

    class Outcome(models.TextChoices):
        CONSENT = "consent", _("consent given")
        POSITIVE = "positive", _("positive advice")
        NEGATIVE = "negative", _("no consent / negative advice")
        POSTPONED = "postponed", _("postponed")

    route = models.ForeignKey(
        Leerroute, on_delete=models.CASCADE, related_name="consents"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="route_consents"
    )
    body = models.CharField(_("council"), max_length=15, choices=Body.choices)
    date = models.DateField(_("date"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    notes = models.TextField(_("notes"), blank=True)
    document = models.FileField(
        _("document"), upload_to=consent_upload_to, blank=True, max_length=300
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="route__partnership")

    class Meta:
        ordering = ["organisation__name", "-date"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.get_body_display()} {self.organisation}: {self.get_outcome_display()}"
