"""The flow diagram: sending school → receiving school or sector → status group.

One GROUP BY query (`flow_counts`) gives pupils per (sending school, middle,
status group); the merging rules of `suppression` (module docstring, "The Sankey") run
over those counts — never over transitions — and only the merged flows leave here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doorlopend.partnerships.models import Partnership

from ..choices import OTHER_DESTINATIONS, REGISTRATION, Status
from ..models import Transition
from ..suppression import OTHER, merge_small, min_cell

STATUS_GROUPS = [
    ("started", gettext_lazy("started"), [Status.GESTART, Status.DIPLOMA]),
    ("enrolled", gettext_lazy("enrolled"), [Status.INGESCHREVEN]),
    ("registering", gettext_lazy("in registration"), sorted(REGISTRATION)),
    (
        "dropped",
        gettext_lazy("stopped or withdrawn"),
        [Status.GESTOPT, Status.LEIDT_NIET_TOT_INSCHRIJVING, Status.INGETROKKEN],
    ),
    (
        "elsewhere",
        gettext_lazy("other destination"),
        sorted(OTHER_DESTINATIONS - {Status.ONBEKEND}),
    ),
    ("unknown", gettext_lazy("unknown"), [Status.ONBEKEND]),
]
MIDDLES = {
    "receiving": gettext_lazy("receiving school"),
    "sector": gettext_lazy("sector"),
}


_GROUP_OF = {s.value: key for key, _label, statuses in STATUS_GROUPS for s in statuses}


def status_group(status: str) -> str:
    """The status group of a current status (a status in no group: "unknown")."""
    return _GROUP_OF.get(status, "unknown")


def flow_counts(*, partnership: Partnership, cohort: int, middle: str) -> list[dict]:
    """Pupils per (sending school, receiving school or sector, status group): one query.

    Grouped on plain columns (ids, sector, status), which PostgreSQL's statistics know;
    the names are aggregates of their ids and the status groups are summed here."""
    names = {"sending_organisation__name": Max("sending_organisation__name")}
    if middle == "receiving":
        middle_fields = ["receiving_organisation_id"]
        names["receiving_organisation__name"] = Max("receiving_organisation__name")
    elif middle == "sector":
        middle_fields = ["sector"]
    else:
        raise ValueError(f"unknown middle {middle!r}")
    rows = (
        Transition.objects.filter(partnership=partnership, cohort=cohort)
        .values("sending_organisation_id", *middle_fields, "status")
        .annotate(**names, n=Count("pk"))
        .order_by()
    )
    grouped: dict[tuple, dict] = {}
    for row in rows:
        group = status_group(row.pop("status"))
        key = (row["sending_organisation_id"], *(row[f] for f in middle_fields), group)
        if key in grouped:
            grouped[key]["n"] += row["n"]
        else:
            grouped[key] = {**row, "status_group": group}
    return list(grouped.values())


@dataclass(frozen=True)
class Flow:
    source: str  # node ids
    target: str
    value: int


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    column: int  # 0 sending, 1 receiving school or sector, 2 status


@dataclass(frozen=True)
class Flows:
    cohort: int
    middle: str
    k: int
    nodes: list[Node]
    flows: list[Flow]
    # The status groups of which small flows went into "other statuses" (in the order of
    # STATUS_GROUPS), each with its label and the statuses it holds.
    other_statuses: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def middle_label(self) -> str:
        return str(MIDDLES[self.middle])

    @property
    def is_empty(self) -> bool:
        return not self.flows

    def label(self, node_id: str) -> str:
        return next(n.label for n in self.nodes if n.id == node_id)

    def rows(self, column: int) -> list[tuple[str, str, int]]:
        """(from, to, pupils) of the flows leaving `column`: the accessible table."""
        columns = {n.id: n.column for n in self.nodes}
        return [
            (self.label(f.source), self.label(f.target), f.value)
            for f in self.flows
            if columns[f.source] == column
        ]

    @property
    def first_rows(self) -> list[tuple[str, str, int]]:
        return self.rows(0)

    @property
    def second_rows(self) -> list[tuple[str, str, int]]:
        return self.rows(1)

    def as_json(self) -> dict:
        """For the page's `json_script` block, read by sankey.js."""
        return {
            "nodes": [
                {"id": n.id, "name": n.label, "column": n.column} for n in self.nodes
            ],
            "links": [
                {"source": f.source, "target": f.target, "value": f.value}
                for f in self.flows
            ],
        }


def _middle_of(row: dict, middle: str) -> tuple[object, str]:
    if middle == "receiving":
        pk = row["receiving_organisation_id"]
        if pk is None:
            return None, _("no mbo school (yet)")
        return pk, row["receiving_organisation__name"]
    return row["sector"] or None, row["sector"] or _("sector unknown")


def sankey_flows(*, partnership: Partnership, cohort: int, middle: str) -> Flows:
    """The merged flows of one year (one query)."""
    rows = flow_counts(partnership=partnership, cohort=cohort, middle=middle)
    return merge_flows(rows, cohort=cohort, middle=middle, k=min_cell())


def merge_flows(rows: list[dict], *, cohort: int, middle: str, k: int) -> Flows:
    labels: dict[str, str] = {}
    triples: dict[tuple, int] = defaultdict(int)
    for row in rows:
        s = row["sending_organisation_id"]
        labels[f"s:{s}"] = row["sending_organisation__name"] or _(
            "sending school unknown"
        )
        m, m_label = _middle_of(row, middle)
        labels[f"m:{m}"] = m_label
        triples[(s, m, row["status_group"])] += row["n"]
    empty = Flows(cohort=cohort, middle=middle, k=k, nodes=[], flows=[])

    # Sending schools with fewer than k pupils together form "other schools".
    per_source: dict = defaultdict(int)
    for (s, _m, _t), n in triples.items():
        per_source[s] += n
    sources = merge_small(per_source, k)
    if not sources:
        return empty
    labels[f"s:{OTHER}"] = _("other schools (small schools together)")
    level1: dict[tuple, int] = defaultdict(int)
    for (s, m, t), n in triples.items():
        level1[(sources[s], m, t)] += n

    # Per source, flows under k go to "other"; a middle node that would then miss fewer
    # than k of its pupils (its table row minus its node) goes to "other" as a whole.
    middles: dict[tuple, object] = {}
    missing: dict = defaultdict(int)
    by_source: dict = defaultdict(lambda: defaultdict(int))
    for (s, m, _t), n in level1.items():
        by_source[s][m] += n
    for s, parts in by_source.items():
        for m, target in (merge_small(parts, k) or {}).items():
            middles[(s, m)] = target
            if target == OTHER:
                missing[m] += parts[m]
    for (s, m), target in list(middles.items()):
        if target != OTHER and 0 < missing[m] < k:
            middles[(s, m)] = OTHER
    labels[f"m:{OTHER}"] = _("other (small flows together)")

    # Status groups per middle node, merged the same way.
    level2: dict[tuple, int] = defaultdict(int)
    first: dict[tuple, int] = defaultdict(int)
    for (s, m, t), n in level1.items():
        m2 = middles[(s, m)]
        first[(s, m2)] += n
        level2[(m2, t)] += n
    by_middle: dict = defaultdict(dict)
    for (m, t), n in level2.items():
        by_middle[m][t] = n
    second: dict[tuple, int] = defaultdict(int)
    merged: set[str] = set()
    for m, parts in by_middle.items():
        for t, target in (merge_small(parts, k) or {}).items():
            second[(m, target)] += parts[t]
            if target == OTHER and t != OTHER:
                merged.add(t)
    for key, label, _statuses in STATUS_GROUPS:
        labels[f"t:{key}"] = str(label)
    labels[f"t:{OTHER}"] = _("other statuses (small flows together)")

    flows = [Flow(f"s:{s}", f"m:{m}", n) for (s, m), n in first.items() if n]
    flows += [Flow(f"m:{m}", f"t:{t}", n) for (m, t), n in second.items() if n]
    flows.sort(
        key=lambda f: (f.source.endswith(OTHER), labels[f.source].lower(), -f.value)
    )
    used = {f.source for f in flows} | {f.target for f in flows}
    order = [key for key, _l, _s in STATUS_GROUPS] + [OTHER]
    nodes = [
        Node(id=i, label=str(labels[i]), column={"s": 0, "m": 1, "t": 2}[i[0]])
        for i in used
    ]
    nodes.sort(
        key=lambda n: (
            n.column,
            order.index(n.id[2:]) if n.column == 2 else 0,
            n.id.endswith(OTHER),
            n.label.lower(),
        )
    )
    return Flows(
        cohort=cohort,
        middle=middle,
        k=k,
        nodes=nodes,
        flows=flows,
        other_statuses=status_legend(merged) if f"t:{OTHER}" in used else [],
    )


def status_legend(keys=None) -> list[tuple[str, list[str]]]:
    """(group, its statuses) of the status groups in `keys` (all when None)."""
    return [
        (str(label), [str(Status(s).label) for s in statuses])
        for key, label, statuses in STATUS_GROUPS
        if keys is None or key in keys
    ]
