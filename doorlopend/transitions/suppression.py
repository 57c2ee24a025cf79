"""Small numbers: which figures of the doorstroommonitor may be shown (k = TRANSITIONS_MIN_CELL).

Every aggregate of pupils passes through here before anyone sees it — the pages, the
charts and the XLSX export all read the suppressed result, never the raw counts. k is
`settings.TRANSITIONS_MIN_CELL` (default 5; the system check refuses less than 3).

Tables (cohort figures). A table is a grid: one row per group (school, sector, route) plus
a total row, one column per route line (regular, leerroute) plus a total column. Each
measure (registered by the deadline, placed, …) is such a grid, counted out of the cohort
size at the same place (its *base*). Rules, in this order:

1. Group: a place whose cohort size is 0 < N < k shows no figures at all (not even N).
   A place with no pupils (N = 0) has nothing to protect and shows "—".
2. Small count: a count 0 < c < k is never shown ("< k").
3. Complement: a count c out of N with 0 < N − c < k is not shown either, else N − c
   (e.g. "did not start") would be a small number in plain sight. A count of 0, or of
   all N, is shown: it says something of the whole group (of at least k), of nobody alone.
4. Where a place's cohort size is hidden, every measure of that place is hidden too.
5. Totals stay consistent: in every row and column, the total minus the shown cells must
   not give away a hidden cell. So a line with a shown total has no hidden cell, or at
   least two whose sum passes rules 1–3 itself; otherwise the next smallest cell of the
   line is hidden as well (secondary suppression), until it does. A hidden total with
   every cell shown is hidden in vain, so a cell is hidden beside it. Totals are never
   hidden by this step, only cells: the total row is the same whichever grouping the
   user chooses, so its figures never differ from one view to the next (two views with
   the same total shown in one and hidden in the other would undo rule 5).

The Sankey (flows school → school or sector → status group). Per node, the flows under
k are merged into one "other" flow; if that is still under k, the next smallest flow of
the node joins it until it reaches k (dropping it instead, as a plain threshold would,
leaves the node's total minus its shown flows = the dropped number). Sending schools
with fewer than k pupils are merged into "other schools" the same way, and a receiving
school or sector that received fewer than k pupils through merged flows is merged as a
whole, so its node never differs from its row in the table by a small number.

What this does not promise: the measures are different questions about the same pupils
(placed, started, …) and are not subsets of each other in the data, so the difference
between two shown columns is not protected; nor are intervals that a determined analyst
could derive by combining many lines. The threshold is about cells, as is common in
education statistics, with the secondary suppression above against plain subtraction.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from django.conf import settings

TOTAL = "__total__"
OTHER = "__other__"
SMALL, ALMOST_ALL, PROTECTS = "small", "almost_all", "protects"


def min_cell() -> int:
    """k; never below 3 whatever the settings say (the system check reports it too)."""
    return max(3, int(settings.TRANSITIONS_MIN_CELL))


@dataclass(frozen=True)
class Shown:
    """One figure as the user may see it: `count` is None when it is hidden."""

    count: int | None
    base: int | None = None
    # Why a hidden figure is hidden: SMALL (it, or its group, is fewer than k pupils),
    # ALMOST_ALL (all of its group but fewer than k: rule 3) or PROTECTS (hidden so that
    # a small figure elsewhere cannot be worked out). Never the number: a reason says
    # no more than that a group of 1 to k − 1 pupils is there, as "< k" always has.
    reason: str = ""
    k: int = 0

    @property
    def hidden(self) -> bool:
        return self.count is None

    @property
    def empty(self) -> bool:
        """No pupils at all in this place: shown as "—"."""
        return self.count == 0 and not self.base

    @property
    def percent(self) -> float | None:
        if self.count is None or not self.base:
            return None
        return round(100 * self.count / self.base, 1)


def passes(count: int, base: int, k: int) -> bool:
    """Rules 1–3 for one count out of `base`."""
    return not (0 < base < k or 0 < count < k or 0 < base - count < k)


def why(count: int, base: int, k: int) -> str:
    """The reason a hidden figure gives (see `Shown.reason`)."""
    if 0 < base < k or 0 < count < k:
        return SMALL
    return ALMOST_ALL if 0 < base - count < k else PROTECTS


Position = tuple[Hashable, Hashable]


class Grid:
    """One measure over groups × lines, with totals; decides which places are hidden."""

    def __init__(
        self,
        *,
        rows: list[Hashable],
        cols: list[Hashable],
        values: dict[Position, int],
        bases: dict[Position, int],
    ) -> None:
        # rows/cols without TOTAL; values/bases complete (TOTAL row and column included).
        self.rows, self.cols = rows, cols
        self.values, self.bases = values, bases
        self.hidden: set[Position] = set()
        self.k = 0

    def hide(self, positions: Iterable[Position], k: int) -> set[Position]:
        """Hide `positions` too, then keep every line consistent again (rule 5)."""
        return self.suppress(k, forced=self.hidden | set(positions))

    def suppress(self, k: int, *, forced: Iterable[Position] = ()) -> set[Position]:
        self.k = k
        self.hidden = set(forced) | {
            p for p, v in self.values.items() if not passes(v, self.bases[p], k)
        }
        # The total row first, on its own: it must not depend on the grouping.
        total_row = [(TOTAL, c) for c in self.cols]
        while self._fix_line(total_row, (TOTAL, TOTAL), k):
            pass
        lines = [([(r, c) for c in self.cols], (r, TOTAL)) for r in self.rows]
        lines += [
            ([(r, c) for r in self.rows], (TOTAL, c)) for c in [*self.cols, TOTAL]
        ]
        changed = True
        while changed:
            changed = False
            for cells, total in lines:
                while self._fix_line(cells, total, k):
                    changed = True
        return self.hidden

    def _fix_line(self, cells: list[Position], total: Position, k: int) -> bool:
        """Hide one more cell of the line if the line gives a hidden cell away."""
        hidden = [p for p in cells if p in self.hidden]
        shown = [p for p in cells if p not in self.hidden]
        if not shown:
            return False
        if total in self.hidden:
            if hidden:
                return False
        elif not hidden or (
            len(hidden) >= 2
            and passes(
                sum(self.values[p] for p in hidden),
                sum(self.bases[p] for p in hidden),
                k,
            )
        ):
            return False
        # The smallest non-empty cell protects best at the least cost.
        candidates = [p for p in shown if self.bases[p] > 0] or shown
        victim = min(candidates, key=lambda p: (self.values[p], self.bases[p], str(p)))
        self.hidden.add(victim)
        return True

    def shown(self, position: Position, base: Shown | None = None) -> Shown:
        """The figure at `position`, with `base` (itself shown or hidden) for its percent."""
        base_count = None if base is None else base.count
        if position in self.hidden:
            reason = why(self.values[position], self.bases[position], self.k)
            return Shown(None, base_count, reason, self.k)
        return Shown(self.values[position], base_count)


def merge_small(parts: dict[Hashable, int], k: int) -> dict[Hashable, Hashable] | None:
    """Map each part to itself or OTHER so that every shown flow and OTHER are ≥ k (or 0).

    Parts under k go to OTHER; while OTHER is under k the smallest remaining part joins
    it. None when the parts together are under k: then nothing is shown.
    """
    total = sum(parts.values())
    if total == 0:
        return {}
    if total < k:
        return None
    mapping = {p: (OTHER if v < k else p) for p, v in parts.items()}
    other = sum(v for p, v in parts.items() if mapping[p] == OTHER)
    remaining = sorted(
        (p for p in parts if mapping[p] != OTHER), key=lambda p: (parts[p], str(p))
    )
    while 0 < other < k:
        p = remaining.pop(0)
        mapping[p] = OTHER
        other += parts[p]
    return mapping
