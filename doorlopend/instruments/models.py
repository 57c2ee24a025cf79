"""Stored instrument versions: a frozen copy of each data file, shared by all partnerships.

Sessions point at an `InstrumentVersion`, never at the file, so a session always shows the
questions it was run with. Instruments are national content, not tenant data: no scope.
"""

from __future__ import annotations

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .definition import Definition
from .itemlist import ListDefinition
from .parsing import LIST, POLL, QUESTIONNAIRE, ROADMAP, SCAN, parse_any
from .roadmap import RoadmapDefinition


class InstrumentVersionQuerySet(models.QuerySet):
    def questionnaires(self) -> InstrumentVersionQuerySet:
        return self.filter(kind=InstrumentVersion.Kind.QUESTIONNAIRE)

    def sessionable(self) -> InstrumentVersionQuerySet:
        """What a partnership's own sessions run: questionnaires and polls (a scan runs
        per school, from the scan page)."""
        return self.filter(kind__in=[QUESTIONNAIRE, POLL])

    def scans(self) -> InstrumentVersionQuerySet:
        return self.filter(kind=InstrumentVersion.Kind.SCAN)

    def roadmaps(self) -> InstrumentVersionQuerySet:
        return self.filter(kind=InstrumentVersion.Kind.ROADMAP)

    def lists(self) -> InstrumentVersionQuerySet:
        return self.filter(kind=InstrumentVersion.Kind.LIST)

    def latest_per_key(self) -> list[InstrumentVersion]:
        """The newest version of every instrument, ordered by title."""
        newest: dict[str, InstrumentVersion] = {}
        for version in self.order_by("key", "version"):
            newest[version.key] = version
        return sorted(newest.values(), key=lambda v: v.title)


class InstrumentVersion(models.Model):
    class Kind(models.TextChoices):
        QUESTIONNAIRE = QUESTIONNAIRE, _("questionnaire")
        ROADMAP = ROADMAP, _("roadmap")
        LIST = LIST, _("list")
        SCAN = SCAN, _("scan")
        POLL = POLL, _("poll")

    key = models.SlugField(_("instrument"), max_length=60)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.QUESTIONNAIRE
    )
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    definition_json = models.JSONField(_("definition"))
    content_hash = models.CharField(
        _("content hash"),
        max_length=64,
        help_text=_("SHA-256 of the data file this version was loaded from."),
    )
    source_path = models.CharField(_("data file"), max_length=300)
    loaded_at = models.DateTimeField(_("loaded"), auto_now=True)
    first_used_at = models.DateTimeField(
        _("first used"),
        null=True,
        blank=True,
        help_text=_("Once used in a session, this version may never change."),
    )

    objects = InstrumentVersionQuerySet.as_manager()

    class Meta:
        ordering = ["key", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "version"], name="instrument_version_unique"
            )
        ]
        verbose_name = _("instrument version")
        verbose_name_plural = _("instrument versions")

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @cached_property
    def definition(self) -> Definition | RoadmapDefinition | ListDefinition:
        return _parsed(self.pk, self.content_hash, self)


# Parsing a definition took a third of an answer save (bench/reflection_load.py). The
# stored JSON changes only together with its content hash (and never once used), so the
# parsed form is kept per process, keyed by both.
_PARSED: dict[tuple[int, str], Definition | RoadmapDefinition | ListDefinition] = {}


def _parsed(
    pk: int | None, content_hash: str, version: InstrumentVersion
) -> Definition | RoadmapDefinition | ListDefinition:
    key = (pk, content_hash)
    if pk is None or not content_hash:
        return parse_any(version.definition_json, origin=str(version.source_path))
    if key not in _PARSED:
        if len(_PARSED) > 256:  # versions are few; this only bounds a leak in tests
            _PARSED.clear()
        _PARSED[key] = parse_any(
            version.definition_json, origin=str(version.source_path)
        )
    return _PARSED[key]
