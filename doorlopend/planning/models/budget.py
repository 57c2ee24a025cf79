"""The budget: funding sources and budget lines, planned against committed and spent."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from ._common import money, school_field


class FundingSource(models.Model):
    class Kind(models.TextChoices):
        SUBSIDY = "subsidy", _("subsidy")
        REGIONAL = "regional", _("regional funds")
        OWN = "own", _("a school's own budget")
        OTHER = "other", _("other")

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.CASCADE,
        related_name="funding_sources",
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    amount = money(_("amount granted (€)"), default=0)
    notes = models.TextField(_("notes"), blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="planning_source_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class BudgetLine(models.Model):
    source = models.ForeignKey(
        FundingSource, on_delete=models.PROTECT, related_name="lines"
    )
    organisation = models.ForeignKey(
        "partnerships.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="budget_lines",
    )
    school = school_field("school_budget_lines")
    activity = models.ForeignKey(
        "planning.Activity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="budget_lines",
    )
    description = models.CharField(_("description"), max_length=200)
    planned = money(_("planned (€)"), default=0)
    committed = money(_("committed (€)"), default=0)
    spent = money(_("spent (€)"), default=0)

    objects = ScopedManager(partnership="source__partnership")

    class Meta:
        ordering = ["source__name", "description"]

    def __str__(self) -> str:
        return self.description

    @property
    def overspent(self) -> bool:
        return self.spent > self.planned
