"""Reads of generated documents, shaped for the documents page: per kind its versions."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from django.db.models import QuerySet

from doorlopend.routes.models import Leerroute

from .kinds import PARTNERSHIP_SPECS, PROGRAMME_SPEC, SPECS, KindSpec
from .models import GeneratedDocument, Kind
from .services import IN_PROGRESS

Status = GeneratedDocument.Status


@dataclass
class Version:
    document: GeneratedDocument
    number: int  # 1 for the oldest version of this kind
    same_as_previous: bool


@dataclass
class KindSection:
    spec: KindSpec
    versions: list[Version] = field(default_factory=list)  # newest first
    # The newest document when it is not (yet) a version: waiting, being made, failed.
    current: GeneratedDocument | None = None

    @property
    def kind(self) -> str:
        return self.spec.kind

    @property
    def in_progress(self) -> bool:
        return self.current is not None and self.current.status in IN_PROGRESS


def _documents(route: Leerroute) -> QuerySet[GeneratedDocument]:
    # The page never shows the content text; it can be long.
    return (
        GeneratedDocument.objects.filter(
            partnership_id=route.partnership_id, route=route
        )
        .select_related("created_by")
        .defer("content_text")
        .order_by("-created_at", "-pk")
    )


def _section(spec: KindSpec, documents: list[GeneratedDocument]) -> KindSection:
    """`documents`: this kind's, newest first."""
    done = [d for d in documents if d.status == Status.DONE]
    versions = [
        Version(
            document=d,
            number=len(done) - i,
            same_as_previous=i + 1 < len(done)
            and d.content_hash == done[i + 1].content_hash,
        )
        for i, d in enumerate(done)
    ]
    newest = documents[0] if documents else None
    current = newest if newest is not None and newest.status != Status.DONE else None
    return KindSection(spec=spec, versions=versions, current=current)


def kind_sections(*, route: Leerroute) -> list[KindSection]:
    """Every kind of document with its versions; one query whatever their number."""
    by_kind: dict[str, list[GeneratedDocument]] = {kind: [] for kind in SPECS}
    for document in _documents(route):
        by_kind.setdefault(document.kind, []).append(document)
    return [_section(spec, by_kind[kind]) for kind, spec in SPECS.items()]


def kind_section(*, route: Leerroute, kind: str) -> KindSection:
    return _section(SPECS[kind], list(_documents(route).filter(kind=kind)))


def partnership_kind_section(*, partnership, kind: str) -> KindSection:
    """A document kind of the whole partnership (route None) with its versions."""
    documents = (
        GeneratedDocument.objects.filter(
            partnership=partnership, route__isnull=True, kind=kind
        )
        .select_related("created_by")
        .defer("content_text")
        .order_by("-created_at", "-pk")
    )
    return _section(PARTNERSHIP_SPECS[kind], list(documents))


def programme_kind_section(*, programme, leerweg: str = "") -> KindSection:
    """The PDFs of a programme (the whole one, or one leerweg's line) with versions."""
    documents = (
        GeneratedDocument.objects.filter(
            partnership_id=programme.partnership_id,
            programme=programme,
            leerweg=leerweg,
            kind=Kind.PROGRAMME,
        )
        .select_related("created_by")
        .defer("content_text")
        .order_by("-created_at", "-pk")
    )
    return _section(PROGRAMME_SPEC, list(documents))


@dataclass
class DiffLine:
    change: str  # "added", "removed" or "same"
    text: str


@dataclass
class Diff:
    hunks: list[list[DiffLine]]
    added: int
    removed: int

    @property
    def same(self) -> bool:
        return not (self.added or self.removed)


def content_diff(old: str, new: str, *, context: int = 3) -> Diff:
    """The lines of `new` that differ from `old`, each change with `context` lines around
    it; hunks apart where unchanged lines lie between."""
    a, b = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    hunks, added, removed = [], 0, 0
    for group in matcher.get_grouped_opcodes(context):
        lines = []
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [DiffLine("same", line) for line in a[i1:i2]]
                continue
            lines += [DiffLine("removed", line) for line in a[i1:i2]]
            lines += [DiffLine("added", line) for line in b[j1:j2]]
            removed += i2 - i1
            added += j2 - j1
        if any(line.change != "same" for line in lines):  # identical texts: no hunk
            hunks.append(lines)
    return Diff(hunks=hunks, added=added, removed=removed)


def compare_context(section, a, b) -> dict:
    """What the compare page shows of versions `a` and `b` of `section`, earlier first."""
    old, new = sorted((a, b), key=lambda d: (d.created_at, d.pk))
    numbers = {v.document.pk: v.number for v in section.versions}
    return {
        "old": old,
        "new": new,
        "old_number": numbers.get(old.pk),
        "new_number": numbers.get(new.pk),
        "diff": content_diff(old.content_text, new.content_text),
    }
