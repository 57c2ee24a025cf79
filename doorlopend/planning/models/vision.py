"""The shared definition, vision and ambition (seed 000, 003), and each partner's needs."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from ._common import by_user


class VisionVersion(models.Model):
    """One saved version of the vision; the newest is shown at the top of the plan.

    Appended to only: editing saves a new version, so its history is complete. Without
    a school it is the partnership's vision; with one, that school's own LOB plan's.
    """

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="visions"
    )
    school = models.ForeignKey(
        "partnerships.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="school_visions",
        verbose_name=_("school"),
    )
    definition = models.TextField(
        _("shared definition of a doorlopende leerlijn LOB"), blank=True
    )
    vision = models.TextField(_("vision"), blank=True)
    ambition = models.TextField(_("ambition"), blank=True)
    created_by = by_user()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.partnership} {self.created_at:%Y-%m-%d %H:%M}"


class PartnerExpectation(models.Model):
    """What one partner needs and expects from the partnership."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "partnerships.Organisation",
        on_delete=models.CASCADE,
        related_name="expectations",
    )
    needs = models.TextField(_("needs"), blank=True)
    expectations = models.TextField(_("expectations"), blank=True)
    updated_by = by_user()
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"],
                name="planning_expectation_unique",
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation)
