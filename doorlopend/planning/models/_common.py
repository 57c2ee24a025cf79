"""Field helpers shared by the plan's models."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def money(verbose_name, **kwargs) -> models.DecimalField:
    """Euros with cents, never floats."""
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)


def by_user(**kwargs) -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **kwargs,
    )


def owner_field(related_name: str) -> models.ForeignKey:
    return models.ForeignKey(
        "partnerships.Membership",
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
    )


def school_field(related_name: str) -> models.ForeignKey:
    """The school whose own LOB plan a goal, activity or budget line belongs to; empty:
    the partnership's plan. Read by the permission predicates as the object's school."""
    return models.ForeignKey(
        "partnerships.Organisation",
        verbose_name=_("school"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name=related_name,
    )
