"""Two years of transition together: the partnership's figures, regular against leerroute.

Per year, a leerroute of a few pupils hides the one comparison the stuurgroep asks for.
Two years together often reach k. The per-year pages stay, so a figure of the two years
together must never give away a figure hidden in one year: the two-year figure minus
the other year's would be it. So, per figure (measure × regular, leerroute, total):

- shown in both years: the sum tells nothing new, and is shown (if it passes itself);
- hidden in exactly one year: hidden here too (else subtraction gives it away);
- hidden in both years: shown only if what it adds to the per-year pages — the hidden
  part of both years together, for every grouping those pages offer — passes the rules
  of `suppression` (at least k pupils, and at least k not counted).

Only the partnership's totals are shown, never a breakdown by school, sector or route:
a breakdown of two years beside the breakdowns per year would be many more sums to
difference. `tests/test_figures_together.py` checks with a rank test that no figure
hidden on a per-year page follows from everything the pages show together.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Partnership

from ..suppression import TOTAL, Grid, Position, min_cell, passes
from .figures import (
    COUNTED,
    DIMENSIONS,
    LEERROUTE,
    LINES,
    REGULAR,
    CohortFigures,
    Group,
    Line,
    cohort_counts,
    figures_of_counts,
)
from .measures import BASES
from .years import registration_deadlines

COLS = [REGULAR, LEERROUTE]


def _base_of(measure: str) -> str:
    return BASES.get(measure, "pupils")


@dataclass(frozen=True)
class Year:
    """One year as its pages show it: raw line counts (never shown) and its views."""

    raw: dict[str, dict[str, int]]
    views: dict[str, CohortFigures]  # per grouping

    def hidden(self, measure: str, col: str) -> bool:
        return self.views["sending"].total.line(col).figures[measure].hidden

    def hidden_part(self, view: CohortFigures, measure: str, col: str) -> tuple:
        """(count, base) of the cells this view hides in column `col`: what a sum over
        years adds to this page. A cell whose measure is shown has its base shown too."""
        count, base = self.raw[col][measure], self.raw[col][_base_of(measure)]
        for group in view.groups:
            figures = group.line(col).figures
            if not figures[measure].hidden:
                count -= figures[measure].count
                base -= figures[_base_of(measure)].count
        return count, base


def _year(partnership, cohort: int, today, deadline: datetime.date) -> Year:
    """One year's views (one query per grouping); its line counts are the sums of the
    sending schools' raw counts, as every pupil is in exactly one of those groups."""
    views = {}
    raw = {c: dict.fromkeys(COUNTED, 0) for c in [*COLS, TOTAL]}
    for d in DIMENSIONS:
        counts, labels = cohort_counts(
            partnership=partnership,
            cohort=cohort,
            dimension=d,
            today=today,
            deadline=deadline,
        )
        if d == "sending":
            for (_group, line), values in counts.items():
                for m in COUNTED:
                    raw[line][m] += values[m]
                    raw[TOTAL][m] += values[m]
        views[d] = figures_of_counts(
            cohort=cohort,
            dimension=d,
            deadline=deadline,
            today=today,
            raw=counts,
            labels=labels,
        )
    return Year(raw, views)


def _adds_too_little(years: list[Year], measure: str, col: str, k: int) -> bool:
    """Whether the sum over years would give away a hidden sum of fewer than k."""
    if not all(y.hidden(measure, col) for y in years):
        return any(y.hidden(measure, col) for y in years)  # hidden in one year only
    for dimension in DIMENSIONS:
        parts = [y.hidden_part(y.views[dimension], measure, col) for y in years]
        if not passes(sum(p[0] for p in parts), sum(p[1] for p in parts), k):
            return True
    return False


def together_figures(
    *, partnership: Partnership, cohorts: list[int], today=None
) -> CohortFigures:
    """The partnership's totals of `cohorts` together, with nothing a year hides."""
    today = today or timezone.localdate()
    k = min_cell()
    deadlines = registration_deadlines(partnership=partnership, cohorts=cohorts)
    years = [_year(partnership, c, today, deadlines[c]) for c in cohorts]
    values: dict[str, dict[Position, int]] = {
        m: {(TOTAL, c): sum(y.raw[c][m] for y in years) for c in [*COLS, TOTAL]}
        for m in COUNTED
    }

    def grid(measure: str) -> Grid:
        return Grid(
            rows=[], cols=COLS, values=values[measure], bases=values[_base_of(measure)]
        )

    def across(measure: str) -> set[Position]:
        return {
            (TOTAL, c) for c in [*COLS, TOTAL] if _adds_too_little(years, measure, c, k)
        }

    grids = {"pupils": grid("pupils")}
    grids["pupils"].suppress(k, forced=across("pupils"))
    for m in COUNTED[1:]:
        grids[m] = grid(m)
        forced = grids["pupils"].hidden | across(m)
        if m in BASES:
            forced |= grids[BASES[m]].hidden
        grids[m].suppress(k, forced=forced)

    lines = []
    for c, label in [*LINES, (TOTAL, _("total"))]:
        pupils = grids["pupils"].shown((TOTAL, c))
        figures = {"pupils": pupils}
        for m in COUNTED[1:]:
            base = figures[BASES[m]] if m in BASES else pupils
            figures[m] = grids[m].shown((TOTAL, c), base=base)
        lines.append(Line(key=c, label=str(label), figures=figures))
    first = years[0].views["sending"]
    return CohortFigures(
        cohort=max(cohorts),
        dimension="sending",
        deadline=first.deadline,
        today=today,
        k=k,
        groups=[],
        total=Group(key=TOTAL, label=_("All pupils"), lines=lines),
    )
