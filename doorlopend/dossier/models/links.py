"""The personal link through which a pupil (or a parent the pupil invites) reaches the
dossier without an account."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from doorlopend.core.tokens import SecretToken, secret_token_manager
from doorlopend.partnerships.models import Partnership

from ..choices import Actor
from .dossier import Dossier


class DossierLink(SecretToken):
    """A link for one dossier. Only the SHA-256 of its token is stored (`core.tokens`):
    the token is shown once and is the whole URL; no pupil data ever is. Expires
    (`expires_at`), and the decaan revokes it. `created_by` is empty for a parent's link:
    the pupil made it. Its state is "dossier.link"'s badge (core.status)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("for"), max_length=6, choices=Actor.choices)

    objects = secret_token_manager(partnership="partnership")

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("personal link")
        verbose_name_plural = _("personal links")

    def __str__(self) -> str:
        return f"{self.kind} link #{self.pk}"
