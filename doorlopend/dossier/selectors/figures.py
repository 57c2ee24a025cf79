"""Figures of the doorstroomdossier: never names, every cell through the monitor's
suppression (`transitions.suppression`: cells under k hidden, small groups merged,
secondary suppression in every line).

Per year of transition (`Transition.cohort`), counted over the pupils leaving a vo school
of the partnership (a transition with a sending school), split regular against leerroute:

- complete: parts A and B filled and approved in their current version, C where needed
  with consent (`selectors.dossier_complete`, the core's rule); a dossier kept elsewhere
  counts as complete once its handover is recorded;
- read: complete, and read by an mbo school it was handed to (a `Handover` with a first
  read).

And whether a read dossier goes with a better start: of the pupils headed to an mbo
school, with a read dossier against without, how many started, and of those who started
a year ago, how many are still enrolled (the monitor's definitions, `transitions.selectors.
measures`).

Complete is a rule over the approvals (the latest decision per part and version), so the
counting runs in Python over one year's dossiers, prefetched: four queries for any size.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorlopend.partnerships.models import Partnership
from doorlopend.transitions.choices import RouteKind
from doorlopend.transitions.models import Transition
from doorlopend.transitions.suppression import (
    OTHER,
    TOTAL,
    Grid,
    Shown,
    merge_small,
    min_cell,
)

from ..models import Dossier, Handover
from . import DOSSIER_PREFETCH, dossier_complete

REGULAR, LEERROUTE = "regulier", "leerroute"
LINES = [
    (REGULAR, _("regular")),
    (LEERROUTE, _("leerroute (DLR/GLR)")),
    (TOTAL, _("total")),
]
YEAR = datetime.timedelta(days=365)

SCHOOL_MEASURES = [
    ("pupils", _("leavers")),
    ("complete", _("dossier complete and approved")),
    ("read", _("read by the mbo school")),
]
OUTCOME_MEASURES = [
    ("pupils", _("headed to an mbo school")),
    ("started", _("started")),
    ("year_base", _("started a year ago")),
    ("retained", _("still enrolled after one year")),
]
# The base (for the percentage and for suppression) of each measure.
BASES = {"complete": "pupils", "read": "pupils", "started": "pupils"}
BASES |= {"year_base": "pupils", "retained": "year_base"}
READ, NOT_READ = "read", "not_read"
OUTCOME_GROUPS = [(READ, _("with a read dossier")), (NOT_READ, _("without"))]


@dataclass(frozen=True)
class Row:
    key: object
    label: str
    lines: list[tuple[str, list[Shown]]]  # (line label, cells in measure order)


@dataclass(frozen=True)
class DossierFigures:
    cohort: int
    k: int
    schools: list[Row]
    outcomes: list[Row]
    school_measures: list
    outcome_measures: list

    @property
    def is_empty(self) -> bool:
        return not self.schools


def cohorts(*, partnership: Partnership) -> list[int]:
    """The years with dossiers, newest first (one query)."""
    return list(
        Dossier.objects.filter(partnership=partnership)
        .values_list("transition__cohort", flat=True)
        .distinct()
        .order_by("-transition__cohort")
    )


def _line(route_kind: str) -> str:
    return REGULAR if route_kind == RouteKind.REGULIER else LEERROUTE


def _counts(partnership, cohort, today):
    """Raw counts: per (school, line) and per (read or not, line), by measure."""
    read_dossiers = set(
        Handover.objects.filter(
            partnership=partnership,
            dossier__transition__cohort=cohort,
            first_read_at__isnull=False,
        ).values_list("dossier_id", flat=True)
    )
    transitions = (
        Transition.objects.filter(
            partnership=partnership, cohort=cohort, sending_organisation__isnull=False
        )
        .select_related("sending_organisation", "pupil")
        .prefetch_related(
            Prefetch(
                "dossier", queryset=Dossier.objects.prefetch_related(*DOSSIER_PREFETCH)
            )
        )
        .order_by()
    )
    schools: dict = defaultdict(lambda: defaultdict(int))
    outcomes: dict = defaultdict(lambda: defaultdict(int))
    labels: dict = {}
    for t in transitions:
        dossier = getattr(t, "dossier", None)
        complete = dossier is not None and (
            bool(dossier.kept_elsewhere_handed_on) or dossier_complete(dossier)
        )
        read = complete and dossier.pk in read_dossiers
        line = _line(t.route_kind)
        labels[t.sending_organisation_id] = t.sending_organisation.name
        cell = schools[(t.sending_organisation_id, line)]
        cell["pupils"] += 1
        cell["complete"] += complete
        cell["read"] += read
        if t.receiving_organisation_id is None:
            continue
        year_base = t.started_on is not None and t.started_on <= today - YEAR
        out = outcomes[(READ if read else NOT_READ, line)]
        out["pupils"] += 1
        out["started"] += t.started_on is not None
        out["year_base"] += year_base
        out["retained"] += year_base and (
            t.stopped_on is None or t.stopped_on > t.started_on + YEAR
        )
    return schools, outcomes, labels


def _grids(raw, keys, measures, k):
    """One Grid per measure over keys × lines, suppressed; a measure's hidden bases are
    forced hidden in it (as the monitor does)."""
    cols = [REGULAR, LEERROUTE]
    values = {m: defaultdict(int) for m, _label in measures}
    for (g, c), counts in raw.items():
        for m, _label in measures:
            for position in ((g, c), (g, TOTAL), (TOTAL, c), (TOTAL, TOTAL)):
                values[m][position] += counts[m]
    grids = {}
    for m, _label in measures:
        base = BASES.get(m, m)
        grid = Grid(rows=keys, cols=cols, values=values[m], bases=values[base])
        forced = set(grids["pupils"].hidden) if m != "pupils" else set()
        if base in grids and base != "pupils":
            forced |= grids[base].hidden
        grid.suppress(k, forced=forced)
        grids[m] = grid
    return grids


def _rows(grids, keys, labels, measures) -> list[Row]:
    rows = []
    for g in [*keys, TOTAL]:
        lines = []
        for c, line_label in LINES:
            shown = {}
            for m, _label in measures:
                base = shown.get(BASES.get(m, ""))
                shown[m] = grids[m].shown((g, c), base=base)
            if c != TOTAL and shown["pupils"].empty:
                continue
            lines.append((str(line_label), [shown[m] for m, _label in measures]))
        if len(lines) == 2:  # one line and its total: the same figures twice
            lines = lines[:1]
        label = labels.get(g) or str(_("All pupils"))
        rows.append(Row(key=g, label=str(label), lines=lines))
    return rows


def _merge(raw, labels, k):
    sizes: dict = defaultdict(int)
    for (g, _c), counts in raw.items():
        sizes[g] += counts["pupils"]
    mapping = merge_small(sizes, k)
    if not mapping:
        return raw, labels
    merged: dict = defaultdict(lambda: defaultdict(int))
    for (g, c), counts in raw.items():
        for m, v in counts.items():
            merged[(mapping[g], c)][m] += v
    new_labels = {mapping[g]: label for g, label in labels.items() if mapping[g] == g}
    if OTHER in mapping.values():
        new_labels[OTHER] = str(_("other (small groups together)"))
    return merged, new_labels


def dossier_figures(
    *, partnership: Partnership, cohort: int, today: datetime.date | None = None
) -> DossierFigures:
    """The year's dossier figures per sending school and route line, and the start and
    stay of pupils with a read dossier against without; suppressed."""
    today = today or timezone.localdate()
    k = min_cell()
    schools, outcomes, labels = _counts(partnership, cohort, today)
    schools, labels = _merge(schools, labels, k)
    keys = sorted(labels, key=lambda g: (g == OTHER, labels[g].lower()))
    school_grids = _grids(schools, keys, SCHOOL_MEASURES, k)
    out_keys = [g for g, _label in OUTCOME_GROUPS]
    outcome_grids = _grids(outcomes, out_keys, OUTCOME_MEASURES, k)
    out_labels = {g: str(label) for g, label in OUTCOME_GROUPS}
    return DossierFigures(
        cohort=cohort,
        k=k,
        schools=_rows(school_grids, keys, labels, SCHOOL_MEASURES) if keys else [],
        outcomes=_rows(outcome_grids, out_keys, out_labels, OUTCOME_MEASURES)[:-1],
        school_measures=SCHOOL_MEASURES,
        outcome_measures=OUTCOME_MEASURES,
    )
