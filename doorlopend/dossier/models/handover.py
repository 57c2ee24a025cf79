"""The handover of a dossier to the receiving mbo school, and what comes back from it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.partnerships.models import Organisation, Partnership
from doorlopend.transitions.privacy import EncryptedTextField

from .dossier import Dossier


def _user_fk(verbose_name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class Handover(models.Model):
    """One dossier as one receiving school took it up: when it was first read there and
    when it was discussed in the intake interview. Made at the first read; a pupil whose
    registration moves to another school gets a second row for that school."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="handovers"
    )
    receiving_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("receiving school"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    first_read_at = models.DateTimeField(_("first read"), null=True, blank=True)
    first_read_by = _user_fk(_("first read by"))
    discussed_at = models.DateTimeField(
        _("discussed in the intake interview"), null=True, blank=True
    )
    discussed_by = _user_fk(_("discussed by"))

    objects = ScopedManager(partnership="partnership")

    class Meta:
        verbose_name = _("handover")
        verbose_name_plural = _("handovers")
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "receiving_organisation"],
                name="dossier_handover_unique_school",
            )
        ]

    def __str__(self) -> str:
        return f"handover #{self.pk}"


class HandoverQuestion(models.Model):
    """A question the receiving school asks the vo mentor about a dossier, and the answer.
    Both texts are encrypted at rest, as the dossier's are."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    handover = models.ForeignKey(
        Handover, on_delete=models.CASCADE, related_name="questions"
    )
    question = EncryptedTextField(_("question"))
    asked_at = models.DateTimeField(_("asked"), auto_now_add=True)
    asked_by = _user_fk(_("asked by"))
    answer = EncryptedTextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = _user_fk(_("answered by"))

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["asked_at", "pk"]
        verbose_name = _("question to the vo school")
        verbose_name_plural = _("questions to the vo school")

    def __str__(self) -> str:
        return f"question #{self.pk}"
