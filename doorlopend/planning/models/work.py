"""Tasks with their owners, and the communication plan."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from ._common import by_user, owner_field


class TaskStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")


class Task(models.Model):
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="tasks"
    )
    title = models.CharField(_("task"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    owner = owner_field("tasks")
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )
    goal = models.ForeignKey(
        "planning.Goal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    activity = models.ForeignKey(
        "planning.Activity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    created_by = by_user()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["owner", "status"])]

    def __str__(self) -> str:
        return self.title


class CommunicationItem(models.Model):
    class Audience(models.TextChoices):
        LEERLINGEN = "leerlingen", _("pupils")
        OUDERS = "ouders", _("parents and carers")
        DECANEN = "decanen", _("decanen")
        MENTOREN = "mentoren", _("mentors")
        DOCENTEN = "docenten", _("teachers")
        BEDRIJFSLEVEN = "bedrijfsleven", _("employers")
        BESTUUR = "bestuur", _("boards")
        MEDEZEGGENSCHAP = "medezeggenschap", _("participation councils")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.CASCADE,
        related_name="communication_items",
    )
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    message = models.TextField(_("message"))
    channel = models.CharField(_("channel"), max_length=200)
    moment = models.DateField(_("moment"))
    owner = owner_field("communication_items")
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["moment", "pk"]

    def __str__(self) -> str:
        return f"{self.get_audience_display()}: {self.message[:40]}"
