"""People: one account per e-mail address, across all partnerships they work in."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
)
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .lockout import login_key


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **fields) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields) -> User:
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(
        self, email: str, password: str | None = None, **fields
    ) -> User:
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)

    def get_by_natural_key(self, username: str | None) -> User:
        # E-mail addresses are stored lower-case; people type them in any case. The
        # lockout keys its counts on the same `login_key`, so no spelling gets new tries.
        return self.get(email__iexact=login_key(username))


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Staff (`is_staff`) run the platform: the register import, the audit log."""

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    # Empty: the partnership's language, which is Dutch (settings.LANGUAGE_CODE).
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_(
            "The language of the pages and e-mails you get. Standard: the partnership's language."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("platform staff"),
        default=False,
        help_text=_("May import the school register and read the audit log."),
    )
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["name", "email"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name or self.email

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else self.email


class NotificationKind(models.TextChoices):
    """What a person can be e-mailed about; each can be switched off on its own."""

    ASSIGNED = "assigned", _("Something is assigned to you")
    DUE_SOON = "due_soon", _("A reminder before the due date")
    OVERDUE = "overdue", _("A reminder when something is overdue")
    REPORT_READY = "report_ready", _("Your report is ready")
    WEEKLY_DIGEST = "weekly_digest", _("The weekly digest of the partnership")
    SIGNAL_DIGEST = "signal_digest", _("The daily count of new signals")
    APPROVAL = "approval", _("Something is submitted to the stuurgroep for approval")


class NotificationOptOut(models.Model):
    """A person does not want e-mail of this kind (set on the profile page or by the
    unsubscribe link in such an e-mail)."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="notification_opt_outs"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"], name="accounts_opt_out_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} - {self.kind}"


class NotificationSent(models.Model):
    """The key of an e-mail that must go out once (a reminder, a weekly digest): a second
    run of the same sweep finds the key and sends nothing."""

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key
