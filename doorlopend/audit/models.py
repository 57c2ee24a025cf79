"""The access log: who read or changed which personal data, when, and why.

Append-only. The model refuses updates and deletes, and a database trigger refuses
UPDATE (and on PostgreSQL DELETE) for anything that bypasses the ORM.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    VIEW = "view", _("viewed")
    EXPORT = "export", _("exported")
    CREATE = "create", _("created")
    UPDATE = "update", _("changed")
    DELETE = "delete", _("deleted")
    ERASE = "erase", _("erased on request")
    IMPORT = "import", _("imported")


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove an audit-log entry."""


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The access log is append-only.")

    def delete(self):
        raise AppendOnlyError("The access log is append-only.")


class AccessLogEntry(models.Model):
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    # No database constraint and no cascade: removing an account or a partnership must not
    # rewrite history. The id stays, and the label still says who it was.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_label = models.CharField(_("who (as recorded)"), max_length=254)
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    # The school whose data it was, so that the school's privacy officer can read its log.
    organisation = models.ForeignKey(
        "partnerships.Organisation",
        verbose_name=_("school"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=100)
    object_ids = models.JSONField(_("objects"), default=list)
    object_label = models.CharField(_("description"), max_length=300, blank=True)
    purpose = models.CharField(_("purpose"), max_length=300)
    request_id = models.CharField(
        _("request id"), max_length=64, blank=True, db_index=True
    )

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        indexes = [
            models.Index(fields=["object_type", "at"], name="audit_object_type_at"),
            models.Index(fields=["organisation", "at"], name="audit_organisation_at"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("The access log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The access log is append-only.")
