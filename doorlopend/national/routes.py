"""The national count of doorlopende leerroutes: per sector and per region.

The sector of a route is its vmbo profile (the beroepsgerichte profielen, as DUO's
register of leerroutes lists them). A sector or a region whose count comes from fewer
than MIN_PARTNERSHIPS partnerships is shown only together with others
(`selectors.merge_groups`), so no count of fewer partnerships can be read off or worked
out from the total. Counts are not about people: no pupil threshold applies. One grouped
query, kept for the day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.registry.education import VmboProfile
from doorlopend.routes.models import Leerroute

from .daycache import day_cached
from .selectors import OTHER, counting_partnership_ids, merge_groups

# (partnership id, region id, region name, profile, routes)
Raw = list[tuple[int, int | None, str, str, int]]


@dataclass(frozen=True)
class CountRow:
    key: object
    label: str
    routes: int
    partnerships: int


@dataclass(frozen=True)
class NationalRoutes:
    computed_at: datetime
    partnerships: int
    total: int | None  # None: fewer than MIN_PARTNERSHIPS partnerships have routes
    sectors: list[CountRow]
    regions: list[CountRow]

    @property
    def enough(self) -> bool:
        return self.total is not None


def _raw() -> Raw:
    # National aggregates count every partnership's routes: the reason to lift the scope.
    with scopes_disabled():
        rows = (
            Leerroute.objects.values_list(
                "partnership_id", "partnership__region_id", "profile"
            )
            .annotate(region=Max("partnership__region__name"), n=Count("pk"))
            .order_by()
        )
        return [(pid, rid, name or "", prof, n) for pid, rid, prof, name, n in rows]


def _grouped(rows: Raw, key, label) -> list[CountRow]:
    """Counts per group, groups of too few partnerships merged into OTHER."""
    members: dict = defaultdict(set)
    counts: dict = defaultdict(int)
    labels: dict = {}
    for row in rows:
        members[key(row)].add(row[0])
        labels[key(row)] = label(row)
    mapping = merge_groups(dict(members)) or {}
    merged_members: dict = defaultdict(set)
    for row in rows:
        group = mapping[key(row)]
        counts[group] += row[4]
        merged_members[group] |= {row[0]}
    out = [
        CountRow(g, str(labels[g]), counts[g], len(merged_members[g]))
        for g in counts
        if g != OTHER
    ]
    out.sort(key=lambda r: (-r.routes, r.label))
    if OTHER in counts:
        out.append(
            CountRow(
                OTHER,
                _("others together"),
                counts[OTHER],
                len(merged_members[OTHER]),
            )
        )
    return out


def national_routes() -> NationalRoutes:
    computed_at, raw = day_cached("routes", _raw)
    counting = counting_partnership_ids()
    rows = [r for r in raw if r[0] in counting]
    partnerships = len({r[0] for r in rows})
    if merge_groups({"all": {r[0] for r in rows}}) is None or not rows:
        return NationalRoutes(computed_at, partnerships, None, [], [])
    profiles = dict(VmboProfile.choices)
    return NationalRoutes(
        computed_at,
        partnerships,
        sum(r[4] for r in rows),
        _grouped(rows, lambda r: r[3], lambda r: profiles.get(r[3], r[3])),
        _grouped(rows, lambda r: r[1], lambda r: r[2] or _("region unknown")),
    )


def national_warm(*, today=None) -> int:
    day_cached("routes", _raw)
    return 1
