"""Reads of the overview pages: what is due, each route's step plan, a member's items."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, Q, QuerySet, When, Window
from django.db.models.functions import RowNumber

from doorlopend.partnerships.models import Membership, Partnership

from ..derived import Target, answers
from ..models import OPEN_STATUSES, ItemState, Roadmap, Status
from . import (
    BlockRow,
    DeliverableRow,
    deliverable_rows,
    roadmap_blocks,
    school_leads,
    with_schools,
)

# "Due soon" on the overview: the next four weeks.
DUE_SOON_DAYS = 28
# The overview lists this many overdue and due-soon rows, soonest first, and counts all.
LIST_LIMIT = 10


# ---- The overview ------------------------------------------------------------------------


@dataclass
class PlanRow:
    """A route's step plan on the overview: its progress and its deliverables."""

    roadmap: Roadmap
    done: int = 0
    applicable: int = 0
    deliverables: list[DeliverableRow] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.applicable) if self.applicable else 100


def step_plans(*, partnership: Partnership) -> list[PlanRow]:
    """Every route's step plan with progress and deliverables: two queries in all, and a
    few per item the data answers (`derived`), for all routes together."""
    plans = {
        r.pk: PlanRow(roadmap=r)
        for r in Roadmap.objects.filter(partnership=partnership, route__isnull=False)
        .select_related("version", "route")
        # The parsed definition is kept per process (instruments.models); decoding the
        # stored JSON again for every route cost more than the rest of the page.
        .defer("version__definition_json")
        .order_by("route__name", "pk")
    }
    rows: dict[int, dict[str, list[tuple[int, str]]]] = {pk: {} for pk in plans}
    values = [
        v
        for v in ItemState.objects.filter(
            roadmap__partnership=partnership, roadmap__route__isnull=False
        ).values_list("pk", "roadmap_id", "item_key", "status")
        if v[1] in plans
    ]
    found = _answers(partnership, plans, values)
    for pk, roadmap_id, key, status in values:
        plan = plans[roadmap_id]
        answer = found.get(pk)
        status = answer.status if answer is not None else status
        rows[roadmap_id].setdefault(key, []).append((pk, status))
        plan.applicable += status != Status.NOT_APPLICABLE
        plan.done += status == Status.DONE
    for pk, plan in plans.items():
        plan.deliverables = deliverable_rows(
            plan.roadmap.definition, rows[pk], set(found)
        )
    return list(plans.values())


def _answers(partnership: Partnership, plans: dict[int, PlanRow], values) -> dict:
    """What the data says of the answered items of every step plan, per instrument: one
    call per answered item for all routes together."""
    found = {}
    for instrument in {plan.roadmap.version.key for plan in plans.values()}:
        found.update(
            answers(
                partnership,
                instrument,
                (
                    (key, Target(pk, plans[roadmap_id].roadmap.route_id, None))
                    for pk, roadmap_id, key, _status in values
                    if plans[roadmap_id].roadmap.version.key == instrument
                ),
            )
        )
    return found


def _listed(queryset) -> QuerySet[ItemState]:
    return queryset.select_related(
        "roadmap__version", "roadmap__route", "organisation", "owner__user"
    ).defer("roadmap__version__definition_json")


@dataclass
class Due:
    """Open rows due by a horizon: the first `LIST_LIMIT` of each kind, and how many."""

    overdue: list[ItemState]
    due_soon: list[ItemState]
    overdue_count: int
    due_soon_count: int


def states_due(
    *, partnership: Partnership, today: datetime.date, days: int = DUE_SOON_DAYS
) -> Due:
    """Overdue and due within `days`: open rows of every roadmap, soonest first. One
    query: the first `LIST_LIMIT` of each kind, each row carrying how many of its kind
    there are."""
    late = Case(When(due_date__lt=today, then=True), default=False)
    kind = {"partition_by": [late], "order_by": [F("due_date").asc(), F("pk").asc()]}
    rows = list(
        _listed(
            ItemState.objects.filter(
                roadmap__partnership=partnership,
                status__in=OPEN_STATUSES,
                due_date__lte=today + datetime.timedelta(days=days),
            )
        )
        .annotate(
            late=late,
            place=Window(RowNumber(), **kind),
            of_kind=Window(Count("pk"), partition_by=[late]),
        )
        .filter(place__lte=LIST_LIMIT)
        .order_by("due_date", "pk")
    )
    overdue = [s for s in rows if s.late]
    soon = [s for s in rows if not s.late]
    return Due(
        overdue=overdue,
        due_soon=soon,
        overdue_count=overdue[0].of_kind if overdue else 0,
        due_soon_count=soon[0].of_kind if soon else 0,
    )


def states_of_member(*, partnership: Partnership, membership: Membership) -> list:
    """Every row the member owns: overdue first, then open by due date, then closed."""
    states = list(
        _listed(
            ItemState.objects.filter(roadmap__partnership=partnership, owner=membership)
        ).order_by("pk")
    )

    def order(s: ItemState):
        group = 0 if s.is_overdue else 1 if s.is_open else 2
        return (group, s.due_date or datetime.date.max, str(s.roadmap), s.pk)

    return sorted(states, key=order)


def open_count_of_member(*, partnership: Partnership, membership: Membership) -> int:
    return ItemState.objects.filter(
        roadmap__partnership=partnership, owner=membership, status__in=OPEN_STATUSES
    ).count()


@dataclass
class Overview:
    checklist: Roadmap
    blocks: list[BlockRow]
    checklist_deliverables: list[DeliverableRow]
    due: Due
    plans: list[PlanRow]
    mine_open: int

    @property
    def overdue(self) -> list[ItemState]:
        return self.due.overdue

    @property
    def due_soon(self) -> list[ItemState]:
        return self.due.due_soon


def overview(
    *, checklist: Roadmap, membership: Membership, today: datetime.date
) -> Overview:
    """Everything the overview page shows, in a fixed number of queries."""
    partnership = checklist.partnership
    blocks = roadmap_blocks(checklist)
    if any(b.block.per_school for b in blocks):
        with_schools(blocks, school_leads(partnership=partnership))
    due = states_due(partnership=partnership, today=today)
    checklist_rows: dict[str, list[tuple[int, str]]] = {}
    for state in (s for b in blocks for s in b.states):
        checklist_rows.setdefault(state.item_key, []).append(
            (state.pk, state.shown_status)
        )
    return Overview(
        checklist=checklist,
        blocks=blocks,
        checklist_deliverables=deliverable_rows(
            checklist.definition,
            checklist_rows,
            {s.pk for b in blocks for s in b.states if s.answer is not None},
        ),
        due=due,
        plans=step_plans(partnership=partnership),
        mine_open=open_count_of_member(partnership=partnership, membership=membership),
    )


@dataclass
class DashboardSummary:
    checklist: Roadmap | None
    done: int
    applicable: int
    overdue: int
    mine_open: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.applicable) if self.applicable else 0


def dashboard_summary(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> DashboardSummary:
    """The partnership page's card: checklist progress, what is late, what is mine.

    Reads only: a partnership whose checklist was never opened shows none.
    """
    checklist = (
        Roadmap.objects.filter(partnership=partnership, route=None)
        .select_related("version")
        .order_by("-version__version")
        .first()
    )
    # One pass over the partnership's rows for all four numbers.
    is_open = Q(status__in=OPEN_STATUSES)
    in_checklist = Q(roadmap=checklist) if checklist else Q(pk__in=[])
    counts = ItemState.objects.filter(roadmap__partnership=partnership).aggregate(
        done=Count("pk", filter=in_checklist & Q(status=Status.DONE)),
        applicable=Count("pk", filter=in_checklist & ~Q(status=Status.NOT_APPLICABLE)),
        overdue=Count("pk", filter=is_open & Q(due_date__lt=today)),
        mine_open=Count("pk", filter=is_open & Q(owner=membership)),
    )
    return DashboardSummary(checklist=checklist, **counts)
