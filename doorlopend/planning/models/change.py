"""The change assignment (veranderopdracht) in the MT of every school (seed 000)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from ._common import by_user


class ChangeAssignment(models.Model):
    """One school's assignment by the 5 W's and how; its portefeuillehouder comes from
    the school's role assignments (partnerships), never typed twice."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.CASCADE,
        related_name="change_assignments",
    )
    organisation = models.ForeignKey(
        "partnerships.Organisation",
        verbose_name=_("school"),
        on_delete=models.CASCADE,
        related_name="change_assignments",
    )
    what = models.TextField(_("what"), blank=True)
    why = models.TextField(_("why"), blank=True)
    who = models.TextField(_("who"), blank=True)
    when = models.TextField(_("when"), blank=True)
    where = models.TextField(_("where"), blank=True)
    how = models.TextField(_("how"), blank=True)
    updated_by = by_user()
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"],
                name="planning_assignment_unique_school",
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class Milestone(models.Model):
    assignment = models.ForeignKey(
        ChangeAssignment, on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("milestone"), max_length=200)
    date = models.DateField(_("date"))
    done = models.BooleanField(_("reached"), default=False)

    objects = ScopedManager(partnership="assignment__partnership")

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def progress(self) -> str:
        """reached, planned (its date still ahead) or late (its date passed, not reached)."""
        if self.done:
            return "reached"
        return "late" if self.date < timezone.localdate() else "planned"


class ProgressUpdate(models.Model):
    class State(models.TextChoices):
        ON_TRACK = "on_track", _("on track")
        ATTENTION = "attention", _("needs attention")
        BEHIND = "behind", _("behind")

    assignment = models.ForeignKey(
        ChangeAssignment, on_delete=models.CASCADE, related_name="updates"
    )
    date = models.DateField(_("date"))
    state = models.CharField(_("status"), max_length=10, choices=State.choices)
    text = models.TextField(_("progress"))
    created_by = by_user()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="assignment__partnership")

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.assignment} {self.date}"
