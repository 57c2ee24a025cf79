"""Reads of the national instruments (no tenant data, no scope)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef

from doorlopend.core.request_memo import memoised

from .models import InstrumentVersion


def _newest_of_every_instrument() -> dict[tuple[str, str], InstrumentVersion]:
    """(kind, key) → the newest version, of every instrument at once: one query (the
    instruments are few and small)."""
    newer = InstrumentVersion.objects.filter(
        key=OuterRef("key"), kind=OuterRef("kind"), version__gt=OuterRef("version")
    )
    return {
        (v.kind, v.key): v
        for v in InstrumentVersion.objects.filter(~Exists(newer)).order_by()
    }


def newest_version(*, kind: str, key: str) -> InstrumentVersion | None:
    """The newest version of instrument `key` of `kind`, or None. The sections of a page
    that each ask for one (the plan's themes, elements and action lines) share one query
    per request."""
    newest = memoised("instruments.newest", _newest_of_every_instrument)
    return newest.get((kind, key))
