"""Secret tokens that are shown once and kept only as their SHA-256.

The one helper behind every such token: a pupil's personal link, a calendar feed, an
invitation and an API key. The token (32 random bytes, URL-safe) is the secret; the
database holds its hash, so nobody can read a token back, and a lost one is replaced,
not looked up. A plain SHA-256 suffices: the token has 256 bits of entropy, so there is
nothing to guess that a slow hash would protect.

`SecretToken` is the one model behind the tokens that expire, are revoked and record
their last use (API keys, personal links): the fields, their state for the badge, and the
queries to find, revoke and touch them.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

# A token used all day is written at most this often: a poll should not be a write.
TOUCH_EVERY = datetime.timedelta(minutes=1)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_new() -> tuple[str, str]:
    """A fresh (token, hash) pair: the token is shown once, the hash is stored."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


class SecretTokenQuerySet(models.QuerySet):
    def of_token(self, token: str) -> SecretTokenQuerySet:
        """The one whose token this is (if any): looked up by its hash."""
        return self.filter(token_hash=token_hash(token))

    def active(self) -> SecretTokenQuerySet:
        """Not revoked (expired or not)."""
        return self.filter(revoked_at__isnull=True)

    def usable(self) -> SecretTokenQuerySet:
        return self.active().filter(expires_at__gt=timezone.now())

    def revoke(self, *, by=None) -> int:
        """Revoke those not revoked yet (revoking twice changes nothing); how many."""
        return self.active().update(revoked_at=timezone.now(), revoked_by=by)


def secret_token_manager(**scopes) -> models.Manager:
    """The tenancy guard's manager (`ScopedManager`) with the queries above."""
    return ScopedManager(
        _manager_class=models.Manager.from_queryset(SecretTokenQuerySet), **scopes
    )


class SecretToken(models.Model):
    """A token shown once and kept as its hash, that expires (`expires_at`), can be
    revoked and records when it was last used."""

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        abstract = True

    @classmethod
    def new(cls, **fields):
        """An unsaved one with a fresh token, and that token (shown once, never kept)."""
        token, hashed = token_new()
        return cls(token_hash=hashed, **fields), token

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    @property
    def state(self) -> str:
        """For its badge (core.status)."""
        if self.revoked_at is not None:
            return "revoked"
        return "active" if self.expires_at > timezone.now() else "expired"

    @property
    def state_label(self) -> str:
        labels = {
            "active": _("works"),
            "expired": _("expired"),
            "revoked": _("revoked"),
        }
        return str(labels[self.state])

    def touch(self) -> None:
        """Record a use (shown to who manages it), at most once per TOUCH_EVERY. By
        primary key, outside the tenancy guard: the token already resolved."""
        now = timezone.now()
        if self.last_used_at and now - self.last_used_at < TOUCH_EVERY:
            return
        self.last_used_at = now
        type(self)._base_manager.filter(pk=self.pk).update(last_used_at=now)
