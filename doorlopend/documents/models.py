"""Documents generated from the data: each version kept with when, who and a hash.

A document is made by a background task (its row carries the progress the page polls);
regenerating makes a new version beside the old ones, so versions can be compared by
date. `content_text` is the document's content as plain text (what the hash is over),
so that two versions can be compared line by line whatever the file format.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.core.jobs import Job
from doorlopend.partnerships.models import Partnership
from doorlopend.programme.models import Programme
from doorlopend.registry.education import Leerweg
from doorlopend.routes.models import Leerroute


class Kind(models.TextChoices):
    PROJECTPLAN = "projectplan", _("projectplan")
    AGREEMENT = "agreement", _("samenwerkingsovereenkomst")
    FINANCIAL = "financial", _("financiële afspraken")
    DUO_MELDING = "duo_melding", _("DUO melding")
    # Of the whole partnership, not of a route (route is None): planning.report.
    PROGRESS_REPORT = "progress_report", _("voortgangsrapportage")
    # Of one programme (route None), whole or one leerweg's line: programme.exports.
    PROGRAMME = "programme", _("LOB programme")
    # Of the whole partnership (route None): the regional covenant, covenant.document.
    COVENANT = "covenant", _("regionaal convenant")


class GeneratedDocument(Job):
    """One version of a document, made by `tasks.document_build` through the job life cycle."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="documents"
    )
    route = models.ForeignKey(
        Leerroute,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="documents",
    )
    # A programme's PDF is made from the programme (and, when set, one leerweg's line).
    programme = models.ForeignKey(
        Programme,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="documents",
    )
    leerweg = models.CharField(
        _("leerweg"), max_length=2, choices=Leerweg.choices, blank=True
    )
    kind = models.CharField(_("document"), max_length=15, choices=Kind.choices)
    file = models.FileField(upload_to="documents/%Y/", blank=True, max_length=300)
    # The name it is downloaded under (the stored name may carry a storage suffix).
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    size = models.PositiveIntegerField(default=0)
    content_text = models.TextField(blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["route", "kind", "-created_at"]),
            models.Index(fields=["programme", "leerweg", "-created_at"]),
        ]
        verbose_name = _("generated document")
        verbose_name_plural = _("generated documents")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"

    def job_task(self):
        from . import tasks  # tasks import the services, which import this module

        return tasks.document_build
