"""SMART goals, their measurements over time, and the revisions of target and deadline."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from ._common import by_user, owner_field, school_field


class Goal(models.Model):
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="goals"
    )
    school = school_field("school_goals")
    title = models.CharField(_("goal"), max_length=200)
    specific = models.TextField(
        _("specific"), help_text=_("What exactly will be different, and for whom?")
    )
    indicator = models.CharField(
        _("indicator"),
        max_length=200,
        help_text=_(
            "What you count or measure, e.g. 'share of pupils registered by 1 April'."
        ),
    )
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2)
    target = models.DecimalField(_("target value"), max_digits=12, decimal_places=2)
    deadline = models.DateField(_("deadline"))
    owner = owner_field("goals")
    # The reflectietool theme the goal answers (a theme key of the instrument).
    theme_key = models.CharField(_("theme"), max_length=60)
    # Keys of the three OCW action lines (planning/action_lines.py) it serves.
    action_lines = models.JSONField(_("OCW action lines"), default=list, blank=True)
    created_by = by_user()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["deadline", "title"]
        verbose_name = _("SMART goal")
        verbose_name_plural = _("SMART goals")

    def __str__(self) -> str:
        return self.title


class Measurement(models.Model):
    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="measurements"
    )
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = by_user()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="goal__partnership")

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.goal}: {self.value} ({self.date})"


class GoalRevision(models.Model):
    """A change of a goal's target or deadline, with its reason. Appended to only."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="revisions")
    old_target = models.DecimalField(max_digits=12, decimal_places=2)
    new_target = models.DecimalField(max_digits=12, decimal_places=2)
    old_deadline = models.DateField()
    new_deadline = models.DateField()
    reason = models.TextField(_("reason"))
    created_by = by_user()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = ScopedManager(partnership="goal__partnership")

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.goal} {self.created_at:%Y-%m-%d}"
