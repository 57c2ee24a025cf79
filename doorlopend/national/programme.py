"""The national programme picture: coverage of the 7 elementen, as a spread.

Where a partnership has an LOB programme with items, its coverage of an element is the
share of its items that serve it (rated "somewhat" or "clearly"), over all its
programmes; partnerships without programme items do not count. The elements are those
of the newest list version. Every partnership's counts come from two grouped queries,
kept for the day.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count
from django_scopes import scopes_disabled

from doorlopend.programme.elements import newest_elements_version
from doorlopend.programme.models import ItemRating, ProgrammeItem, Score

from .daycache import day_cached
from .reflection import Row, RowsPicture
from .selectors import counting_partnership_ids, spread_of

# partnership id → (items, {element key: items serving it})
Counts = dict[int, tuple[int, dict[str, int]]]


def _counts() -> Counts:
    # National aggregates read every partnership's programme: the reason to lift the scope.
    with scopes_disabled():
        items = ProgrammeItem.objects.all()
        ratings = ItemRating.objects.filter(score__gte=Score.ENIGSZINS)
        totals = dict(
            items.values_list("programme__partnership_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        serving: dict[int, dict[str, int]] = defaultdict(dict)
        for pid, element, n in (
            ratings.values_list("item__programme__partnership_id", "element")
            .annotate(n=Count("item_id", distinct=True))
            .order_by()
        ):
            serving[pid][element] = n
    return {pid: (n, dict(serving.get(pid, {}))) for pid, n in totals.items() if n}


def _share(counts: tuple[int, dict[str, int]] | None, key: str) -> float | None:
    if not counts:
        return None
    items, serving = counts
    return 100 * serving.get(key, 0) / items


def national_programme(*, partnership_id: int | None = None) -> RowsPicture:
    """The spread of element coverage; with `partnership_id`, that partnership's own
    coverage (of the same day) and band against the spread."""
    computed_at, everyone = day_cached("programme", _counts)
    counting = counting_partnership_ids()
    counts = [c for pid, c in everyone.items() if pid in counting]
    # The own coverage comes from the same day's figures (whether or not it counts).
    own = everyone.get(partnership_id) if partnership_id is not None else None
    rows = []
    for key, title in newest_elements_version().definition.choices:
        spread = spread_of([_share(c, key) for c in counts])
        mine = _share(own, key)
        rows.append(Row(key, title, spread, mine, spread.band(mine)))
    return RowsPicture(computed_at, len(counts), rows)


def national_warm(*, today=None) -> int:
    day_cached("programme", _counts)
    return 1


def own_coverage(*, partnership_id: int) -> list[tuple[str, float]]:
    """The partnership's coverage per element (its public progress page)."""
    own = day_cached("programme", _counts)[1].get(partnership_id)
    if not own:
        return []
    return [
        (title, _share(own, key))
        for key, title in newest_elements_version().definition.choices
    ]
