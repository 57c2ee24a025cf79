"""Cohort figures and flows of the doorstroommonitor: counted in SQL, suppressed once.

The only place that counts transitions for people (nobody else computes aggregates). Each
function runs one GROUP BY query and hands the counts per group to `suppression`; what it
returns holds only the figures that may be shown, so a page, a chart or an export built
from it cannot show a small number by mistake.

Definitions, per year of transition (`Transition.cohort`), split regular against
leerroute (DLR or GLR):
- pupils: the transitions of that year;
- registered by the deadline: first registration (`registered_on`) on or before the
  year's registration deadline (CohortSettings; default 1 April of that year);
- placed, started, diploma: the milestone date is set (`services.history`);
- started a year ago: started on or before today minus 365 days — the base of
- still enrolled after one year: of those, no stop within 365 days of the start (a
  diploma within the year counts as staying). Pupils whose first year is not over yet
  are left out of both columns, not counted as staying.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorlopend.partnerships.models import Partnership

from ..choices import RouteKind
from ..models import CohortSettings, Transition
from ..suppression import OTHER, TOTAL, Grid, Shown, merge_small, min_cell
from .measures import (  # re-exported: the figures' columns, for their readers
    BASES,
    COUNTED,
    EINDOPDRACHT,
    FUNNEL,
    MEASURES,
    counts_of,
)

REGULAR, LEERROUTE = "regulier", "leerroute"
LINES = [(REGULAR, _("regular")), (LEERROUTE, _("leerroute (DLR/GLR)"))]

DIMENSIONS = {
    "sending": _("sending school"),
    "receiving": _("receiving school"),
    "sector": _("sector"),
    "route": _("route"),
}


@dataclass(frozen=True)
class Line:
    key: str  # REGULAR, LEERROUTE or TOTAL
    label: str
    figures: dict[str, Shown]

    @property
    def pupils(self) -> Shown:
        return self.figures["pupils"]

    @property
    def cells(self) -> list[Shown]:
        return [self.figures[key] for key in COUNTED]

    @property
    def table_cells(self) -> list[Shown]:
        """The cells of the page's main table: all but the eindopdracht's."""
        return [self.figures[key] for key in COUNTED if key not in EINDOPDRACHT]

    @property
    def eindopdracht_cells(self) -> list[Shown]:
        return [self.figures[key] for key in EINDOPDRACHT]

    @property
    def funnel(self) -> list[Shown]:
        return [self.figures[key] for key in FUNNEL]


@dataclass(frozen=True)
class Group:
    key: object
    label: str
    lines: list[Line]  # regular, leerroute, total

    @property
    def total(self) -> Line:
        return self.lines[-1]

    @property
    def visible_lines(self) -> list[Line]:
        """The lines worth a row: no empty line, no total that repeats its one line."""
        lines = [line for line in self.lines[:-1] if not line.pupils.empty]
        return lines if len(lines) == 1 else [*lines, self.total]

    def line(self, key: str) -> Line:
        return next(line for line in self.lines if line.key == key)


@dataclass(frozen=True)
class KeyFigure:
    key: str
    label: str
    help: str
    total: Shown
    lines: list[tuple[str, Shown]]  # (label, figure) for regular and leerroute


KEY_FIGURES = ("pupils", "registered", "started", "retained")


@dataclass(frozen=True)
class CohortFigures:
    cohort: int
    dimension: str
    deadline: datetime.date
    today: datetime.date
    k: int
    groups: list[Group]
    total: Group
    measures: list = field(default_factory=lambda: MEASURES)

    @property
    def dimension_label(self) -> str:
        return str(DIMENSIONS[self.dimension])

    @property
    def table_measures(self) -> list:
        return [m for m in self.measures if m[0] not in EINDOPDRACHT]

    @property
    def eindopdracht_measures(self) -> list:
        return [m for m in self.measures if m[0] in EINDOPDRACHT]

    @property
    def has_eindopdracht(self) -> bool:
        """Whether any school reported the eindopdracht for this year (or it is hidden)."""
        done = self.total.total.figures["eindopdracht_done"]
        return done.hidden or bool(done.count)

    @property
    def funnel_measures(self) -> list[tuple[str, str]]:
        """(key, label) of the funnel's columns, in the order of `Line.funnel`."""
        labels = {key: label for key, label, _help in self.measures}
        return [(key, labels[key]) for key in FUNNEL]

    @property
    def is_empty(self) -> bool:
        return self.total.total.pupils.count == 0

    @property
    def has_hidden(self) -> bool:
        """Whether any figure on the page is hidden: then other views are offered."""
        return any(
            shown.hidden
            for group in [*self.groups, self.total]
            for line in group.lines
            for shown in line.cells
        )

    @property
    def key_figures(self) -> list[KeyFigure]:
        """The cards of the start page: the year's totals, regular against leerroute."""
        texts = {key: (label, help_text) for key, label, help_text in self.measures}
        return [
            KeyFigure(
                key=key,
                label=str(texts[key][0]),
                help=str(texts[key][1]),
                total=self.total.total.figures[key],
                lines=[
                    (line.label, line.figures[key])
                    for line in self.total.lines[:-1]
                    if not line.pupils.empty
                ],
            )
            for key in KEY_FIGURES
        ]


def cohorts(*, partnership: Partnership) -> list[int]:
    """The years with transitions, newest first (one query)."""
    return list(
        Transition.objects.filter(partnership=partnership)
        .values_list("cohort", flat=True)
        .distinct()
        .order_by("-cohort")
    )


def registration_deadline(*, partnership: Partnership, cohort: int) -> datetime.date:
    row = CohortSettings.objects.filter(partnership=partnership, cohort=cohort).first()
    return row.registration_deadline if row else CohortSettings.default_deadline(cohort)


def _group_fields(dimension: str) -> tuple[dict, list[str]]:
    """Aggregates and GROUP BY columns that identify a group of `dimension`.

    Grouped on plain columns only (ids, codes), which PostgreSQL's statistics know: a
    school's name is an aggregate of its id, and the regular/leerroute line and the
    route's label are derived in Python (`_group_key_label`, `_line`)."""
    if dimension in ("sending", "receiving"):
        prefix = f"{dimension}_organisation"
        return {f"{prefix}__name": Max(f"{prefix}__name")}, [f"{prefix}_id"]
    if dimension == "sector":
        return {}, ["sector"]
    if dimension == "route":
        return {}, ["route_name"]
    raise ValueError(f"unknown dimension {dimension!r}")


def _line(route_kind: str) -> str:
    return REGULAR if route_kind == RouteKind.REGULIER else LEERROUTE


def _group_key_label(dimension: str, row: dict) -> tuple[object, str]:
    if dimension in ("sending", "receiving"):
        prefix = f"{dimension}_organisation"
        pk = row[f"{prefix}_id"]
        if pk is None:
            unknown = (
                _("unknown") if dimension == "sending" else _("no mbo school (yet)")
            )
            return None, str(unknown)
        return pk, row[f"{prefix}__name"]
    if dimension == "sector":
        return row["sector"], row["sector"] or str(_("sector unknown"))
    kind = row["route_kind"]
    name = "" if kind == RouteKind.REGULIER else row["route_name"]
    label = str(RouteKind(kind).label) if kind in RouteKind.values else kind
    return (kind, name), name or label


def cohort_figures(
    *,
    partnership: Partnership,
    cohort: int,
    dimension: str,
    today: datetime.date | None = None,
    deadline: datetime.date | None = None,
) -> CohortFigures:
    """The cohort's figures per group of `dimension`, suppressed (two queries)."""
    today = today or timezone.localdate()
    if deadline is None:
        deadline = registration_deadline(partnership=partnership, cohort=cohort)
    raw, labels = cohort_counts(
        partnership=partnership,
        cohort=cohort,
        dimension=dimension,
        today=today,
        deadline=deadline,
    )
    return _suppressed(cohort, dimension, deadline, today, raw, labels)


def cohort_counts(
    *,
    partnership: Partnership,
    cohort: int,
    dimension: str,
    today: datetime.date,
    deadline: datetime.date,
) -> tuple[dict[tuple, dict[str, int]], dict[object, str]]:
    """The cohort's raw counts per (group of `dimension`, line), never shown as they
    are, and each group's label (one query)."""
    names, group_by = _group_fields(dimension)
    rows = (
        Transition.objects.filter(partnership=partnership, cohort=cohort)
        .values(*group_by, "route_kind")
        .annotate(**names, **counts_of(deadline=deadline, today=today))
        .order_by()
    )
    raw: dict[tuple, dict[str, int]] = {}
    labels: dict[object, str] = {}
    for row in rows:
        key, label = _group_key_label(dimension, row)
        labels[key] = label
        counts = raw.setdefault(
            (key, _line(row["route_kind"])), dict.fromkeys(COUNTED, 0)
        )
        for m in COUNTED:
            counts[m] += row[m]
    return raw, labels


def figures_of_counts(
    *,
    cohort: int,
    dimension: str,
    deadline: datetime.date,
    today: datetime.date,
    raw: dict[tuple, dict[str, int]],
    labels: dict[object, str],
) -> CohortFigures:
    """Figures from counts made elsewhere (the national picture: per region, across
    partnerships), through the same suppression as the monitor's. `raw` maps (group,
    line) to the counts of `counts_of`; `line_of` gives a route kind's line."""
    return _suppressed(cohort, dimension, deadline, today, raw, labels)


def line_of(route_kind: str) -> str:
    return _line(route_kind)


def _merge_small_groups(raw: dict, labels: dict, k: int) -> tuple[dict, dict]:
    """Groups of fewer than k pupils are shown together as "other" (rule 1 of suppression).

    Hiding a small group row by row would cost a second row in every column (rule 5);
    one "other" row of at least k costs nothing.
    """
    sizes: dict = defaultdict(int)
    for (g, _c), counts in raw.items():
        sizes[g] += counts["pupils"]
    mapping = merge_small(sizes, k)
    if mapping is None:  # fewer than k pupils in all: the grids hide everything
        return raw, labels
    merged: dict = {}
    for (g, c), counts in raw.items():
        key = (mapping[g], c)
        previous = merged.get(key)
        merged[key] = (
            counts
            if previous is None
            else {m: previous[m] + counts[m] for m in COUNTED}
        )
    new_labels = {mapping[g]: label for g, label in labels.items() if mapping[g] == g}
    if OTHER in mapping.values():
        new_labels[OTHER] = str(_("other (small groups together)"))
    return merged, new_labels


def _suppressed(cohort, dimension, deadline, today, raw, labels) -> CohortFigures:
    """Sum the groups into totals, suppress every measure, and build the result."""
    k = min_cell()
    raw, labels = _merge_small_groups(raw, labels, k)
    # Unknown groups last, "other" after them, the others by name.
    keys = sorted(
        labels, key=lambda g: (g == OTHER, g is None or g == "", labels[g].lower())
    )
    cols = [REGULAR, LEERROUTE]
    values: dict[str, dict] = {m: defaultdict(int) for m in COUNTED}
    for (g, c), counts in raw.items():
        for m in COUNTED:
            for position in ((g, c), (g, TOTAL), (TOTAL, c), (TOTAL, TOTAL)):
                values[m][position] += counts[m]

    def grid(measure: str, base: str) -> Grid:
        return Grid(rows=keys, cols=cols, values=values[measure], bases=values[base])

    pupils = grid("pupils", "pupils")
    hidden_pupils = pupils.suppress(k)
    grids = {"pupils": pupils}
    for m in (
        "registered",
        "placed",
        "started",
        "year_base",
        "diploma",
        "eindopdracht_done",
    ):
        grids[m] = grid(m, "pupils")
        grids[m].suppress(k, forced=hidden_pupils)
    grids["retained"] = grid("retained", "year_base")
    grids["retained"].suppress(k, forced=hidden_pupils | grids["year_base"].hidden)
    grids["eindopdracht_started"] = grid("eindopdracht_started", "eindopdracht_done")
    grids["eindopdracht_started"].suppress(
        k, forced=hidden_pupils | grids["eindopdracht_done"].hidden
    )

    line_labels = [*LINES, (TOTAL, _("total"))]

    def group(g) -> Group:
        lines = []
        for c, label in line_labels:
            n = pupils.shown((g, c))
            figures = {"pupils": n}
            for m in COUNTED[1:]:
                base = figures[BASES[m]] if m in BASES else n
                figures[m] = grids[m].shown((g, c), base=base)
            lines.append(Line(key=c, label=str(label), figures=figures))
        return Group(key=g, label=labels.get(g, str(_("All pupils"))), lines=lines)

    return CohortFigures(
        cohort=cohort,
        dimension=dimension,
        deadline=deadline,
        today=today,
        k=k,
        groups=[group(g) for g in keys],
        total=group(TOTAL),
    )
