"""Action points of reflection sessions, as they are handled in the plan's inbox."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from ._common import by_user


class Triage(models.Model):
    """What the coördinator (or, for a school's own scan, that school's portefeuillehouder
    or decaan) made of one action point: a task, an activity, a goal, a goal
    revision, or nothing (declined, with a reason). An action point without one is in
    the inbox. The links go both ways: the action point shows what it became."""

    class Outcome(models.TextChoices):
        TASK = "task", _("became a task")
        ACTIVITY = "activity", _("became an activity")
        REVISION = "revision", _("became a goal revision")
        GOAL = "goal", _("became a goal")
        DECLINED = "declined", _("declined")

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    action_point = models.OneToOneField(
        "reflection.ActionPoint", on_delete=models.CASCADE, related_name="triage"
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    reason = models.TextField(_("reason"), blank=True)
    task = models.ForeignKey(
        "planning.Task",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="triages",
    )
    activity = models.ForeignKey(
        "planning.Activity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="triages",
    )
    goal = models.ForeignKey(
        "planning.Goal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="triages",
    )
    revision = models.ForeignKey(
        "planning.GoalRevision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="triages",
    )
    created_by = by_user()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.action_point}: {self.get_outcome_display()}"


class CalendarFeed(models.Model):
    """A member's private, revocable ICS feed of their activities and tasks.

    Only a hash of the token is stored; the address is shown once, when it is made.
    """

    membership = models.ForeignKey(
        "partnerships.Membership",
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(partnership="membership__partnership")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.membership} ({self.created_at:%Y-%m-%d})"
