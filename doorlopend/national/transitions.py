"""The national transitions picture: cohort figures per region, regular against the
doorlopende leerroute, through the monitor's own suppression.

Per year of transition, the transitions of every partnership that counts are summed per
RMC region of the partnership. Two thresholds apply, one after the other:
1. partnerships: a region whose figures come from fewer than MIN_PARTNERSHIPS
   partnerships is shown only together with others ("other regions"), which again holds
   at least that many (`selectors.merge_groups`); fewer in all: no figures at all;
2. pupils: the grid then passes the monitor's `suppression` (cells of at least k pupils,
   complements, and secondary suppression against subtracting two shown figures), by
   `transitions.selectors.figures.figures_of_counts`: the same code, not a copy.
"Registered by the deadline" uses the default deadline (1 April) for every partnership,
as their own deadlines differ. The counts per year, partnership and region are one
grouped query, kept for the day.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.transitions.models import CohortSettings, Transition
from doorlopend.transitions.selectors.figures import (
    COUNTED,
    CohortFigures,
    figures_of_counts,
    line_of,
)
from doorlopend.transitions.selectors.measures import counts_of

from .daycache import day_cached
from .selectors import MIN_PARTNERSHIPS, OTHER, counting_partnership_ids, merge_groups

YEARS = 3  # the newest years of transition shown nationally

# year → rows of (partnership id, region id, region name, route kind, {measure: count})
Raw = dict[int, list[tuple[int, int | None, str, str, dict[str, int]]]]


@dataclass(frozen=True)
class NationalTransitions:
    computed_at: datetime
    cohorts: list[int]
    cohort: int | None
    partnerships: int
    figures: CohortFigures | None  # None: fewer than MIN_PARTNERSHIPS partnerships

    @property
    def enough(self) -> bool:
        return self.figures is not None


def _raw() -> Raw:
    today = timezone.localdate()
    # National aggregates count every partnership's transitions (never a pupil row leaves
    # this function): the reason to lift the scope.
    with scopes_disabled():
        years = list(
            Transition.objects.values_list("cohort", flat=True)
            .distinct()
            .order_by("-cohort")[:YEARS]
        )
        if not years:
            return {}
        # One grouped query for every year shown, each year with its own deadline.
        counts = counts_of(
            deadline={y: CohortSettings.default_deadline(y) for y in years},
            today=today,
        )
        rows = (
            Transition.objects.filter(cohort__in=years)
            .values("cohort", "partnership_id", "partnership__region_id", "route_kind")
            .annotate(region_name=Max("partnership__region__name"), **counts)
            .order_by()
        )
        raw: Raw = {year: [] for year in years}
        for r in rows:
            raw[r["cohort"]].append(
                (
                    r["partnership_id"],
                    r["partnership__region_id"],
                    r["region_name"] or "",
                    r["route_kind"],
                    {m: r[m] for m in COUNTED},
                )
            )
    return raw


def _build(cohort: int | None, counting: set[int]) -> NationalTransitions:
    computed_at, raw = day_cached("transitions", _raw)
    cohorts = sorted(raw, reverse=True)
    if cohort not in raw:
        # The newest year with enough partnerships, else the newest year.
        enough = [
            year
            for year in cohorts
            if len({r[0] for r in raw[year] if r[0] in counting}) >= MIN_PARTNERSHIPS
        ]
        cohort = (enough or cohorts or [None])[0]
    rows = [r for r in raw.get(cohort, []) if r[0] in counting and r[4]["pupils"]]
    members: dict = defaultdict(set)
    labels: dict = {}
    for pid, region, name, _kind, _counts in rows:
        members[region].add(pid)
        labels[region] = name or _("region unknown")
    partnerships = len({r[0] for r in rows})
    mapping = merge_groups(dict(members))
    if not rows or mapping is None:
        return NationalTransitions(computed_at, cohorts, cohort, partnerships, None)
    merged: dict[tuple, dict[str, int]] = {}
    for _pid, region, _name, kind, counts in rows:
        key = (mapping[region], line_of(kind))
        before = merged.setdefault(key, dict.fromkeys(COUNTED, 0))
        for m in COUNTED:
            before[m] += counts[m]
    shown = {mapping[g]: label for g, label in labels.items() if mapping[g] == g}
    if OTHER in mapping.values():
        shown[OTHER] = _("other regions together")
    figures = figures_of_counts(
        cohort=cohort,
        dimension="region",
        deadline=CohortSettings.default_deadline(cohort),
        today=timezone.localdate(),
        raw=merged,
        labels=shown,
    )
    return NationalTransitions(computed_at, cohorts, cohort, partnerships, figures)


def national_transitions(*, cohort: int | None = None) -> NationalTransitions:
    """The year's figures per region (`cohort` if it is one of the years shown, else
    the newest year with enough partnerships), with both thresholds applied. The
    suppressed figures are kept for the day per year and set of partnerships counting,
    so an opt-out still takes effect at once."""
    counting = counting_partnership_ids()
    who = hashlib.sha256(",".join(map(str, sorted(counting))).encode()).hexdigest()
    return day_cached(
        f"transitions:figures:{get_language()}:{cohort}:{who[:16]}",
        lambda: _build(cohort, counting),
    )[1]


def national_warm(*, today=None) -> int:
    day_cached("transitions", _raw)
    return 1
