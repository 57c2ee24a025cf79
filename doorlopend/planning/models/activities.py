"""LOB activities: who, where, when, what it costs, which goals and which of the 7 elements."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from ._common import by_user, money, school_field


class ActivityKind(models.TextChoices):
    BIJEENKOMST = "bijeenkomst", _("meeting")
    EXCURSIE = "excursie", _("excursion")
    GASTLES = "gastles", _("guest lesson")
    UITWISSELING_DOCENTEN = "uitwisseling_docenten", _("exchange of teachers")
    UITWISSELING_LEERLINGEN = (
        "uitwisseling_leerlingen",
        _("exchange of pupils and students"),
    )
    STUDIEMIDDAG = "studiemiddag", _("study afternoon")
    BEDRIJFSBEZOEK = "bedrijfsbezoek", _("company visit")
    OUDERAVOND = "ouderavond", _("parents' evening")
    ANDERS = "anders", _("other")


class ActivityAudience(models.TextChoices):
    """Whom an activity is for. Parents have their own (element 5, "Help mee bij LOB")."""

    LEERLINGEN = "leerlingen", _("pupils and students")
    OUDERS = "ouders", _("parents")
    DOCENTEN = "docenten", _("teachers, mentors and decanen")
    PARTNERS = "partners", _("partners and employers")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    HELD = "held", _("held")
    CANCELLED = "cancelled", _("cancelled")


class ActivityApproval(models.TextChoices):
    """A werkgroeplid proposes an activity; the coördinator confirms or declines it. What
    the coördinator plans is confirmed at once."""

    PROPOSED = "proposed", _("proposed")
    CONFIRMED = "confirmed", _("confirmed")
    DECLINED = "declined", _("declined")


class Activity(models.Model):
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="activities"
    )
    school = school_field("school_activities")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("type"), max_length=25, choices=ActivityKind.choices)
    audience = models.CharField(
        _("for whom"),
        max_length=12,
        choices=ActivityAudience.choices,
        default=ActivityAudience.LEERLINGEN,
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    organisations = models.ManyToManyField(
        "partnerships.Organisation",
        verbose_name=_("organisations involved"),
        blank=True,
        related_name="activities",
    )
    materials = models.TextField(_("materials and resources"), blank=True)
    costs = money(_("costs (€)"), default=0)
    goals = models.ManyToManyField(
        "planning.Goal", verbose_name=_("goals"), blank=True, related_name="activities"
    )
    # Keys of the 7 elementen voor effectieve LOB (seed 004) this activity serves.
    elements = models.JSONField(
        _("elements of effective LOB"), default=list, blank=True
    )
    # Keys of the three OCW action lines (planning/action_lines.py) it serves.
    action_lines = models.JSONField(_("OCW action lines"), default=list, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ActivityStatus.choices,
        default=ActivityStatus.PLANNED,
    )
    evaluation = models.TextField(_("evaluation"), blank=True)
    approval = models.CharField(
        _("approval"),
        max_length=10,
        choices=ActivityApproval.choices,
        default=ActivityApproval.CONFIRMED,
    )
    decline_reason = models.TextField(_("why declined"), blank=True)
    created_by = by_user()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["partnership", "starts_at"])]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.title

    @property
    def is_confirmed(self) -> bool:
        return self.approval == ActivityApproval.CONFIRMED


class ActivityPerson(models.Model):
    """Someone who works on an activity, with the hours it takes them."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="people"
    )
    membership = models.ForeignKey(
        "partnerships.Membership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activity_roles",
    )
    name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("If not a member.")
    )
    organisation = models.ForeignKey(
        "partnerships.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    role = models.CharField(_("task"), max_length=200, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=7, decimal_places=2, default=0)

    objects = ScopedManager(partnership="activity__partnership")

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name or str(self.membership)
