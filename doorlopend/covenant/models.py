"""The regional covenant of a partnership: who joins, to what end, paid how, steered by whom.

One covenant per partnership (seed 004: VO, MBO and the municipality agree on a smoother
transition and on preventing early school leaving, with themes, funding from the
regional MBO agenda and a bestuurlijke stuurgroep). Its parties are organisations of the
partnership, each with the person who signs for it and whether (and when) they signed.
The funding sources are the plan's own (planning.FundingSource), so the covenant and the
budget name the same money. The stuurgroep's members are not stored here: they are the
partnership's stuurgroep roles, read when the covenant is shown or generated.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.partnerships.models import Organisation, Partnership
from doorlopend.planning.models import FundingSource


class Covenant(models.Model):
    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="covenant"
    )
    title = models.CharField(_("title"), max_length=200)
    aims = models.TextField(
        _("aims"), help_text=_("What the parties want to reach together.")
    )
    themes = models.TextField(
        _("themes"),
        help_text=_(
            "One theme a line, for example: leerroutes, LOB, knowledge sharing."
        ),
    )
    funding_sources = models.ManyToManyField(
        FundingSource,
        verbose_name=_("funding sources"),
        blank=True,
        related_name="covenants",
    )
    funding_notes = models.TextField(_("about the funding"), blank=True)
    governance = models.TextField(
        _("governance"),
        blank=True,
        help_text=_("How the stuurgroep meets and decides."),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    evaluation_on = models.DateField(_("evaluation"))
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
        verbose_name = _("regional covenant")
        verbose_name_plural = _("regional covenants")

    def __str__(self) -> str:
        return self.title

    @property
    def theme_list(self) -> list[str]:
        return [t.strip(" -•\t") for t in self.themes.splitlines() if t.strip(" -•\t")]


class CovenantParty(models.Model):
    covenant = models.ForeignKey(
        Covenant, on_delete=models.CASCADE, related_name="parties"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="covenant_parties",
    )
    commitment = models.TextField(
        _("commitment"),
        blank=True,
        help_text=_("What this party brings in: people, time, money, facilities."),
    )
    signatory_name = models.CharField(_("signatory"), max_length=200)
    signatory_function = models.CharField(_("function"), max_length=200)
    # Empty: not signed yet.
    signed_on = models.DateField(_("signed on"), null=True, blank=True)

    objects = ScopedManager(partnership="covenant__partnership")

    class Meta:
        ordering = ["organisation__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["covenant", "organisation"], name="covenant_party_once"
            )
        ]
        verbose_name = _("covenant party")
        verbose_name_plural = _("covenant parties")

    def __str__(self) -> str:
        return self.organisation.name

    @property
    def has_signed(self) -> bool:
        return self.signed_on is not None
