"""The national checklist picture: progress per block, as a spread of partnerships.

A partnership's progress on a block is the share of its applicable rows that are done
(the status recorded on the checklist; "not applicable" rows left out), as the checklist
page counts a block. The blocks are those of the newest checklist version; a partnership
on an earlier version counts with the items that version shares with it. Every
partnership's counts come from one grouped query, kept for the day.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Q
from django_scopes import scopes_disabled

from doorlopend.roadmaps.models import ItemState, Status
from doorlopend.roadmaps.services.setup import CHECKLIST_KEY, latest_version

from .daycache import day_cached
from .reflection import Row, RowsPicture
from .selectors import counting_partnership_ids, spread_of

# partnership id → item key → (done, applicable)
Counts = dict[int, dict[str, tuple[int, int]]]


def _counts() -> Counts:
    """Done and applicable rows per partnership and item (one grouped query)."""
    # National aggregates read every partnership's checklist: the reason to lift the scope.
    with scopes_disabled():
        states = ItemState.objects.filter(
            roadmap__route=None, roadmap__version__key=CHECKLIST_KEY
        )
        rows = (
            states.values_list("roadmap__partnership_id", "item_key")
            .annotate(
                done=Count("pk", filter=Q(status=Status.DONE)),
                applicable=Count("pk", filter=~Q(status=Status.NOT_APPLICABLE)),
            )
            .order_by()
        )
        counts: Counts = defaultdict(dict)
        for pid, item, done, applicable in rows:
            counts[pid][item] = (done, applicable)
    return dict(counts)


def _percent(counts: dict[str, tuple[int, int]], keys: list[str]) -> float | None:
    done = sum(counts.get(k, (0, 0))[0] for k in keys)
    applicable = sum(counts.get(k, (0, 0))[1] for k in keys)
    return 100 * done / applicable if applicable else None


def national_checklist(*, partnership_id: int | None = None) -> RowsPicture:
    """The spread of block progress; with `partnership_id`, that partnership's own
    progress (of the same day, whether or not it counts) and band against the spread."""
    computed_at, everyone = day_cached("checklist", _counts)
    counting = counting_partnership_ids()
    counts = [c for pid, c in everyone.items() if pid in counting]
    # The own progress comes from the same day's figures (whether or not it counts).
    own = everyone.get(partnership_id, {}) if partnership_id is not None else None
    rows = []
    for block in latest_version(CHECKLIST_KEY).definition.blocks:
        keys = [item.key for item in block.items]
        values = [p for c in counts if (p := _percent(c, keys)) is not None]
        spread = spread_of(values)
        mine = _percent(own, keys) if own is not None else None
        rows.append(Row(block.key, block.title, spread, mine, spread.band(mine)))
    return RowsPicture(computed_at, len(counts), rows)


def national_warm(*, today=None) -> int:
    day_cached("checklist", _counts)
    return 1


def own_blocks(*, partnership_id: int) -> list[tuple[str, float]]:
    """The partnership's progress per block (its public progress page)."""
    own = day_cached("checklist", _counts)[1].get(partnership_id, {})
    out = []
    for block in latest_version(CHECKLIST_KEY).definition.blocks:
        percent = _percent(own, [item.key for item in block.items])
        if percent is not None:
            out.append((block.title, percent))
    return out
