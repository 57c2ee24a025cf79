"""API keys: how a school system reaches one partnership's data without a person."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from doorlopend.core.tokens import SecretToken, secret_token_manager
from doorlopend.partnerships.models import Organisation, Partnership


class ApiToken(SecretToken):
    """A key of one partnership. Only the SHA-256 of its token is stored
    (`core.tokens`): the token is shown once, when the key is made. A key acts as the
    member who made it, narrowed to its scopes: when that member leaves the partnership
    or loses the role a scope needs, the key stops working. A key with school scopes
    names its school (`organisation`) and reaches no other. Its state is "api.token"'s
    badge (core.status)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=100)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("school"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    scopes = models.JSONField(_("scopes"), default=list)

    objects = secret_token_manager(partnership="partnership")

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self) -> str:
        return self.name
