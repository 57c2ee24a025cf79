"""Who sees the national picture, and which partnerships count in it.

The landelijk adviseur is granted by platform staff (in the admin), across all
partnerships and not through a membership: a grant, never a role in a partnership. A
partnership takes part unless its coördinator opts out; no row means taking part.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doorlopend.partnerships.models import Partnership


class NationalAdviser(models.Model):
    """A landelijk adviseur: reads national aggregates, never persons or pupils."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="national_adviser",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        verbose_name = _("landelijk adviseur")
        verbose_name_plural = _("landelijk adviseurs")

    def __str__(self) -> str:
        return str(self.user)


class NationalParticipation(models.Model):
    """A partnership's choice whether its aggregates count in the national picture."""

    partnership = models.OneToOneField(
        Partnership,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="national_participation",
    )
    takes_part = models.BooleanField(_("counts in the national picture"), default=True)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("national participation")
        verbose_name_plural = _("national participations")

    def __str__(self) -> str:
        return f"{self.partnership}: {self.takes_part}"


class Figure(models.TextChoices):
    """The figures a partnership may add to its public progress page: aggregates only."""

    REFLECTION = "reflection", _("Reflection: our mean per theme")
    PROGRAMME = "programme", _("LOB programme: coverage of the 7 elements")
    ROUTES = "routes", _("Leerroutes: how many, per sector")
    TRANSITIONS = "transitions", _("Transitions: the key figures of the latest year")


class ProgressPage(models.Model):
    """A partnership's public progress page ("Deel de voortgang en resultaten"): off
    until its coördinator switches it on; reached only through the unguessable link."""

    partnership = models.OneToOneField(
        Partnership,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="progress_page",
    )
    is_public = models.BooleanField(_("public progress page"), default=False)
    token = models.CharField(max_length=64, unique=True, editable=False)
    figures = models.JSONField(_("figures shown"), default=list, blank=True)
    noindex = models.BooleanField(_("keep search engines away"), default=True)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("public progress page")
        verbose_name_plural = _("public progress pages")

    def __str__(self) -> str:
        return f"{self.partnership}: {self.is_public}"
