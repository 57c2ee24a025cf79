"""The partnership's agreement on the doorstroomdossier."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.partnerships.models import Partnership

from ..choices import DossierKind


class DossierAgreement(models.Model):
    """Which dossier the schools of a partnership use, what it holds, by when it goes.

    No agreement row: nothing agreed yet (the checklist line stays open)."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(
        _("dossier"),
        max_length=12,
        choices=DossierKind.choices,
        default=DossierKind.DOORLOPEND,
    )
    # The name of "another dossier" (kind OTHER).
    other_name = models.CharField(_("name of the dossier"), max_length=200, blank=True)
    holds = models.TextField(
        _("what it holds"),
        blank=True,
        help_text=_("Which parts and information the schools hand over."),
    )
    handover_by = models.CharField(
        _("handed over by"),
        max_length=200,
        blank=True,
        help_text=_("By when the vo school hands the dossier over, e.g. 1 April."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        verbose_name = _("dossier agreement")
        verbose_name_plural = _("dossier agreements")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if self.kind == DossierKind.OTHER and self.other_name:
            return self.other_name
        return str(self.get_kind_display())

    @property
    def kept_elsewhere(self) -> bool:
        """The dossier lives outside Doorlopend: hold no content, only the handover."""
        return self.kind != DossierKind.DOORLOPEND
