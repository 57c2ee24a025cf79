"""Signals a decaan should act on, and the interventions taken about them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.partnerships.models import Partnership

from ..choices import SignalKind
from .pupils import Transition


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
