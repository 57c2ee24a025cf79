"""Reads of the vision: the newest version, its history with line diffs, partners' needs."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from doorlopend.core.request_memo import memoised
from doorlopend.partnerships.models import Membership, Organisation, Partnership

from ..models import PartnerExpectation, VisionVersion

# The three texts of a version, in the order they are shown.
VISION_TEXTS = (
    ("definition", _("Shared definition of a doorlopende leerlijn LOB")),
    ("vision", _("Vision")),
    ("ambition", _("Ambition")),
)
HISTORY_LIMIT = 100


def versions_of(
    *, partnership: Partnership, school: Organisation | None = None
) -> QuerySet[VisionVersion]:
    """The versions of one plan: the partnership's (no school) or one school's own."""
    return VisionVersion.objects.filter(partnership=partnership, school=school)


def current_vision(
    *, partnership: Partnership, school: Organisation | None = None
) -> VisionVersion | None:
    """The newest version, or None before the first one is saved; read once per
    request (the plan page's vision and its approval box both show it)."""

    def read() -> VisionVersion | None:
        return (
            versions_of(partnership=partnership, school=school)
            .select_related("created_by")
            .order_by("-created_at", "-pk")
            .first()
        )

    key = ("planning.current_vision", partnership.pk, school.pk if school else None)
    return memoised(key, read)


@dataclass
class PartnerNeeds:
    organisation: Organisation
    expectation: PartnerExpectation | None

    @property
    def is_empty(self) -> bool:
        e = self.expectation
        return e is None or not (e.needs or e.expectations)


def partner_needs(*, partnership: Partnership) -> list[PartnerNeeds]:
    """Every organisation of the partnership with its needs and expectations (2 queries)."""
    organisations = (
        Organisation.objects.filter(partnership=partnership)
        .order_by("name")
        .prefetch_related(
            Prefetch(
                "expectations",
                queryset=PartnerExpectation.objects.filter(partnership=partnership),
                to_attr="own_expectations",
            )
        )
    )
    return [
        PartnerNeeds(o, o.own_expectations[0] if o.own_expectations else None)
        for o in organisations
    ]


@dataclass
class DiffLine:
    sign: str  # "+", "−" or " "
    text: str

    @property
    def kind(self) -> str:
        return {"+": "added", "−": "removed"}.get(self.sign, "same")


@dataclass
class FieldDiff:
    name: str
    label: str
    lines: list[DiffLine]


@dataclass
class HistoryEntry:
    version: VisionVersion
    diffs: list[FieldDiff] = field(default_factory=list)
    is_first: bool = False


def line_diff(old: str, new: str) -> list[DiffLine]:
    """The lines of `new` against `old`: removed lines (−), added (+), unchanged ( )."""
    a, b = old.splitlines(), new.splitlines()
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines.extend(DiffLine(" ", t) for t in a[i1:i2])
            continue
        lines.extend(DiffLine("−", t) for t in a[i1:i2])
        lines.extend(DiffLine("+", t) for t in b[j1:j2])
    return lines


def vision_history(
    *, partnership: Partnership, school: Organisation | None = None
) -> list[HistoryEntry]:
    """Versions newest first, each with the texts that changed against the one before."""
    versions = list(
        versions_of(partnership=partnership, school=school)
        .select_related("created_by")
        .order_by("-created_at", "-pk")[: HISTORY_LIMIT + 1]
    )
    entries = []
    for index, version in enumerate(versions[:HISTORY_LIMIT]):
        before = versions[index + 1] if index + 1 < len(versions) else None
        entry = HistoryEntry(version, is_first=before is None)
        for name, label in VISION_TEXTS:
            old = getattr(before, name) if before else ""
            new = getattr(version, name)
            if old != new:
                entry.diffs.append(FieldDiff(name, str(label), line_diff(old, new)))
        entries.append(entry)
    return entries


@dataclass
class VisionSummary:
    version: VisionVersion | None
    can_manage: bool


def plan_vision(
    *, partnership: Partnership, membership: Membership, today: date
) -> VisionSummary:
    """The top of the plan: the newest definition, vision and ambition in full (1 query)."""
    return VisionSummary(
        version=current_vision(partnership=partnership),
        can_manage=membership.has_perm("planning.manage"),
    )
