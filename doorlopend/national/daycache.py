"""The national figures per partnership, computed once a day and kept in the cache.

Each national picture reads every partnership's aggregates in one or a few grouped
queries; that is the expensive part, so it runs once a day (or by the daily work) and is
kept with the moment it ran, which every page shows ("Bijgewerkt op …"). Who counts is
never kept: it is read per request, so an opt-out takes effect at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from django.core.cache import cache
from django.utils import timezone

T = TypeVar("T")
DAY = 60 * 60 * 24


def day_cached(name: str, compute: Callable[[], T]) -> tuple[datetime, T]:
    """(when it was computed, what `compute` gave) for today, computed at most once."""
    key = f"national:{name}:{timezone.localdate().isoformat()}"
    kept = cache.get(key)
    if kept is None:
        kept = (timezone.now(), compute())
        cache.set(key, kept, DAY)
    return kept
