"""One pupil's dossier, its approvals (akkoordverklaring) and the consent to part C."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.partnerships.models import Partnership
from doorlopend.transitions.models import Transition
from doorlopend.transitions.privacy import EncryptedTextField

from ..choices import Actor, Decision, Part


def _user_fk(verbose_name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class Dossier(models.Model):
    """The doorstroomdossier of one pupil leaving a vo school in one year.

    A part's version counts the saves that changed its text (0: never written); an
    approval holds for the version it names only. Texts are encrypted at rest and never
    searched, sorted, logged or mailed.
    """

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    transition = models.OneToOneField(
        Transition, on_delete=models.CASCADE, related_name="dossier"
    )

    # Part A, by the pupil.
    school_career = EncryptedTextField(_("my school career"), blank=True)
    placements = EncryptedTextField(
        _("work placements and LOB activities I did"), blank=True
    )
    choice = EncryptedTextField(_("how I made my choice"), blank=True)
    eindopdracht = EncryptedTextField(_("my eindopdracht LOB"), blank=True)
    learning = EncryptedTextField(_("what helps me learn"), blank=True)
    support_wishes = EncryptedTextField(_("what support I need"), blank=True)
    a_version = models.PositiveIntegerField(_("version of part A"), default=0)
    a_changed_at = models.DateTimeField(_("part A changed"), null=True, blank=True)

    # Part B, by the mentor or decaan.
    advice = EncryptedTextField(
        _("advice on the chosen mbo programme and level"), blank=True
    )
    attendance_results = EncryptedTextField(
        _("attendance and results, in words"), blank=True
    )
    b_version = models.PositiveIntegerField(_("version of part B"), default=0)
    b_changed_at = models.DateTimeField(_("part B changed"), null=True, blank=True)
    b_changed_by = _user_fk(_("part B changed by"))

    # Part C, support: only where needed, only what the receiving school needs.
    support_needed = models.BooleanField(_("support handover needed"), default=False)
    care = EncryptedTextField(_("support handover"), blank=True)
    c_version = models.PositiveIntegerField(_("version of part C"), default=0)
    c_changed_at = models.DateTimeField(_("part C changed"), null=True, blank=True)
    c_changed_by = _user_fk(_("part C changed by"))

    # Where the agreement keeps the dossier elsewhere (DDD, PvS, another): only that and
    # when it was handed over, never its content.
    kept_elsewhere_handed_on = models.DateField(
        _("handed over outside Doorlopend on"), null=True, blank=True
    )
    kept_elsewhere_by = _user_fk(_("handover recorded by"))

    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        verbose_name = _("doorstroomdossier")
        verbose_name_plural = _("doorstroomdossiers")

    def __str__(self) -> str:
        return f"dossier #{self.pk}"

    def version_of(self, part: str) -> int:
        return getattr(self, f"{part}_version")


class Approval(models.Model):
    """The akkoordverklaring on one version of one part, by the pupil or a parent.

    Append-only: the latest row per part and actor is the one in force. Disagreement is
    only for part B and carries the pupil's comment (encrypted)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="approvals"
    )
    part = models.CharField(_("part"), max_length=1, choices=Part.choices)
    version = models.PositiveIntegerField(_("version"))
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    comment = EncryptedTextField(_("comment"), blank=True)
    by = models.CharField(_("by"), max_length=6, choices=Actor.choices)
    link = models.ForeignKey(
        "DossierLink",
        verbose_name=_("through the link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        indexes = [
            models.Index(fields=["dossier", "part", "at"], name="dossier_approval_part")
        ]

    def __str__(self) -> str:
        return f"{self.part} v{self.version} {self.decision}"


class SupportConsent(models.Model):
    """Consent to hand part C over to the receiving school; revocable at any time.

    Separate from the approval of part C's text. For a pupil under 16 a parent's consent
    is needed as well (`selectors.consent_state`)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="consents"
    )
    given_by = models.CharField(_("given by"), max_length=6, choices=Actor.choices)
    link = models.ForeignKey(
        "DossierLink",
        verbose_name=_("through the link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    given_at = models.DateTimeField(_("given"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["given_at", "pk"]
        verbose_name = _("consent to part C")
        verbose_name_plural = _("consents to part C")

    def __str__(self) -> str:
        return f"{self.given_by} {self.given_at:%Y-%m-%d}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
