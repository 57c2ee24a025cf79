"""Reads of the overview pages: what is due, each route's step plan, a member's items."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    Case,
    ExpressionWrapper,
    F,
    Func,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber

from doorlopend.core.facts import Question, any_of, ask, how_many
from doorlopend.partnerships.models import Membership, Partnership

from ..derived import Target, answers
from ..models import OPEN_STATUSES, ItemState, Roadmap, Status
from . import (
    BlockRow,
    DeliverableRow,
    deliverable_rows,
    partnership_roadmaps,
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


def step_plans(
    *, partnership: Partnership, values: list[tuple] | None = None
) -> list[PlanRow]:
    """Every route's step plan with progress and deliverables: two queries in all, and a
    few per item the data answers (`derived`), for all routes together. `values`: the
    rows of `state_values` when the caller read them already."""
    # The parsed definition is kept per process (instruments.models); decoding the
    # stored JSON again for every route cost more than the rest of the page, so the
    # roadmaps are read without it.
    plans = {
        r.pk: PlanRow(roadmap=r)
        for r in partnership_roadmaps(partnership=partnership)
        if r.route_id is not None
    }
    rows: dict[int, dict[str, list[tuple[int, str]]]] = {pk: {} for pk in plans}
    if values is None:
        values = state_values(partnership=partnership, routes_only=True)
    values = [v[:4] for v in values if v[1] in plans]
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


def state_values(
    *,
    partnership: Partnership,
    routes_only: bool = False,
    membership: Membership | None = None,
) -> list[tuple]:
    """(pk, roadmap id, item key, status, whether `membership` owns it) of the
    partnership's rows: one query."""
    states = ItemState.objects.filter(roadmap__partnership=partnership)
    if routes_only:
        states = states.filter(roadmap__route__isnull=False)
    owned = (
        Case(When(owner=membership, then=True), default=False)
        if membership is not None
        else Value(False)
    )
    return list(
        states.values_list(
            "pk",
            "roadmap_id",
            "item_key",
            "status",
            ExpressionWrapper(owned, output_field=BooleanField()),
        )
    )


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
    query: the first `LIST_LIMIT` of each kind (ranked on the bare rows, then read with
    what the list shows), each carrying how many of its kind there are."""
    due = ItemState.objects.filter(
        roadmap__partnership=partnership,
        status__in=OPEN_STATUSES,
        due_date__lte=today + datetime.timedelta(days=days),
    )
    late = Case(When(due_date__lt=today, then=True), default=False)
    first = (
        due.annotate(
            place=Window(
                RowNumber(),
                partition_by=[late],
                order_by=[F("due_date").asc(), F("pk").asc()],
            )
        )
        .filter(place__lte=LIST_LIMIT)
        .values("pk")
    )
    rows = list(
        _listed(ItemState.objects.filter(pk__in=Subquery(first)))
        .annotate(
            late=late,
            of_kind=Case(
                When(
                    due_date__lt=today,
                    then=_count(due.filter(due_date__lt=today)),
                ),
                default=_count(due.filter(due_date__gte=today)),
            ),
        )
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


def _count(queryset) -> Subquery:
    """How many rows `queryset` has, as a scalar subquery."""
    return Subquery(
        queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")[:1]
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
    values = state_values(partnership=partnership, membership=membership)
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
        plans=step_plans(partnership=partnership, values=values),
        # What `open_count_of_member` counts, from the rows read for the step plans.
        mine_open=sum(1 for v in values if v[4] and v[3] in OPEN_STATUSES),
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


def _newest_checklist(partnership: Partnership) -> QuerySet[Roadmap]:
    return Roadmap.objects.filter(partnership=partnership, route=None).order_by(
        "-version__version"
    )


def card_questions(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> dict[str, Question]:
    """The card's numbers (core.facts): checklist progress, what is late, what is mine."""

    def in_checklist():
        newest = _newest_checklist(partnership).values("pk")[:1]
        return ItemState.objects.filter(roadmap__in=newest)

    def is_open():
        return ItemState.objects.filter(
            roadmap__partnership=partnership, status__in=OPEN_STATUSES
        )

    return {
        "roadmaps.has_checklist": any_of(lambda: _newest_checklist(partnership)),
        "roadmaps.checklist_done": how_many(
            lambda: in_checklist().filter(status=Status.DONE)
        ),
        "roadmaps.checklist_applicable": how_many(
            lambda: in_checklist().exclude(status=Status.NOT_APPLICABLE)
        ),
        "roadmaps.overdue": how_many(lambda: is_open().filter(due_date__lt=today)),
        "roadmaps.mine_open": how_many(lambda: is_open().filter(owner=membership)),
    }


def dashboard_summary(
    *,
    partnership: Partnership,
    membership: Membership,
    today: datetime.date,
    with_checklist: bool = True,
) -> DashboardSummary:
    """The partnership page's card: checklist progress, what is late, what is mine, in
    one query (none when the overview page asked its cards' questions first); with
    `with_checklist`, one more for the checklist itself (else `checklist` is only
    truthy when there is one: what the card needs).

    Reads only: a partnership whose checklist was never opened shows none.
    """
    answers = ask(
        card_questions(partnership=partnership, membership=membership, today=today)
    )
    checklist = None
    if with_checklist:
        checklist = _newest_checklist(partnership).select_related("version").first()
    elif answers["roadmaps.has_checklist"]:
        checklist = True
    return DashboardSummary(
        checklist=checklist,
        done=answers["roadmaps.checklist_done"],
        applicable=answers["roadmaps.checklist_applicable"],
        overdue=answers["roadmaps.overdue"],
        mine_open=answers["roadmaps.mine_open"],
    )
