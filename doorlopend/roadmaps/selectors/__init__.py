"""Reads of roadmaps, shaped for pages and documents: blocks, items and their rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from doorlopend.core.request_memo import memoised
from doorlopend.instruments.roadmap import (
    Block,
    Deliverable,
    Item,
    RoadmapDefinition,
)
from doorlopend.partnerships.models import (
    Membership,
    Organisation,
    Partnership,
    RoleAssignment,
)
from doorlopend.partnerships.roles import Role

from ..derived import derive
from ..models import ItemState, Roadmap, Status


@dataclass
class ItemRow:
    item: Item
    # One state for an item of the whole partnership or route; one per school (ordered
    # by school name) for an item of a per-school block.
    states: list[ItemState] = field(default_factory=list)

    @property
    def state(self) -> ItemState | None:
        """The one state of a partnership-wide item."""
        return self.states[0] if len(self.states) == 1 else None


@dataclass
class BlockRow:
    block: Block
    items: list[ItemRow] = field(default_factory=list)
    # For a per-school block, once `with_schools` ran: one row per school.
    schools: list[SchoolRow] = field(default_factory=list)

    @property
    def states(self) -> list[ItemState]:
        return [s for row in self.items for s in row.states]

    @property
    def applicable(self) -> int:
        return sum(1 for s in self.states if s.shown_status != Status.NOT_APPLICABLE)

    @property
    def disagreements(self) -> int:
        """Rows whose manual status the data contradicts."""
        return sum(1 for s in self.states if s.disagrees)

    @property
    def done(self) -> int:
        return sum(1 for s in self.states if s.shown_status == Status.DONE)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.applicable) if self.applicable else 100


def _states_by_item(roadmap: Roadmap, **filters) -> dict[str, list[ItemState]]:
    states: dict[str, list[ItemState]] = {}
    for state in (
        ItemState.objects.filter(roadmap=roadmap, **filters)
        .select_related("organisation", "owner__user")
        .order_by("organisation__name", "pk")
    ):
        state.roadmap = roadmap  # spare each state a query for its roadmap
        states.setdefault(state.item_key, []).append(state)
    return states


def _block_row(block: Block, states: dict[str, list[ItemState]]) -> BlockRow:
    return BlockRow(
        block=block,
        items=[
            ItemRow(item=item, states=states.get(item.key, [])) for item in block.items
        ],
    )


def _derived(roadmap: Roadmap, states: dict[str, list[ItemState]]) -> None:
    """What the data says about the answered items (`derived`): a fixed number of
    queries per answered item, none per row."""
    derive(roadmap.partnership, roadmap, [s for rows in states.values() for s in rows])


def roadmap_blocks(roadmap: Roadmap) -> list[BlockRow]:
    """Every block with its items in the data file's order, each with its states and
    what the data says of the items it answers.

    One query for the states with owner and school, and a few per answered item; none
    per item or row.
    """
    states = _states_by_item(roadmap)
    _derived(roadmap, states)
    return [_block_row(block, states) for block in roadmap.definition.blocks]


def block_row(roadmap: Roadmap, block: Block) -> BlockRow:
    """One block of `roadmap` with its states (one query, and the answered items')."""
    keys = [item.key for item in block.items]
    states = _states_by_item(roadmap, item_key__in=keys)
    _derived(roadmap, states)
    return _block_row(block, states)


# ---- Schools of a per-school block ---------------------------------------------------


@dataclass
class SchoolRow:
    """One school's rows of a per-school block, in the block's item order."""

    school: Organisation
    leads: list[Membership]  # the school's portefeuillehouder(s)
    cells: list[ItemState | None]

    @property
    def applicable(self) -> int:
        return sum(
            1 for s in self.cells if s and s.shown_status != Status.NOT_APPLICABLE
        )

    @property
    def done(self) -> int:
        return sum(1 for s in self.cells if s and s.shown_status == Status.DONE)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.applicable) if self.applicable else 100


def partnership_roadmaps(*, partnership: Partnership) -> list[Roadmap]:
    """The partnership's roadmaps (its checklist and every route's step plan) with their
    version, route and partnership, by route name: one query, once per request (the
    overview finds its checklist and its step plans in it). The stored definitions are
    not read: their parsed form is kept per process (instruments.models)."""

    def read() -> list[Roadmap]:
        return list(
            Roadmap.objects.filter(partnership=partnership)
            .select_related("version", "route", "partnership")
            .defer("version__definition_json")
            .order_by("route__name", "pk")
        )

    return memoised(("roadmaps.of", partnership.pk), read)


def school_leads(*, partnership: Partnership) -> dict[int, list[Membership]]:
    """Each school's portefeuillehouders (school id → members), in one query, once per
    request (the checklist's schools and the step plan's answers both name them)."""
    return memoised(
        ("roadmaps.school_leads", partnership.pk), lambda: _leads(partnership)
    )


def _leads(partnership: Partnership) -> dict[int, list[Membership]]:
    leads: dict[int, list[Membership]] = {}
    for role in (
        RoleAssignment.objects.filter(
            membership__partnership=partnership,
            role=Role.PORTEFEUILLEHOUDER,
            organisation__isnull=False,
        )
        .select_related("membership__user")
        .order_by("membership__user__name", "membership__user__email")
    ):
        leads.setdefault(role.organisation_id, []).append(role.membership)
    return leads


def school_rows(
    block_row: BlockRow, leads: dict[int, list[Membership]]
) -> list[SchoolRow]:
    """The states of a per-school block turned around: one row per school, by name."""
    keys = [row.item.key for row in block_row.items]
    by_school: dict[int, dict[str, ItemState]] = {}
    schools: dict[int, Organisation] = {}
    for row in block_row.items:
        for state in row.states:
            if state.organisation_id is None:
                continue
            schools[state.organisation_id] = state.organisation
            by_school.setdefault(state.organisation_id, {})[row.item.key] = state
    return [
        SchoolRow(
            school=school,
            leads=leads.get(school.pk, []),
            cells=[by_school[school.pk].get(key) for key in keys],
        )
        for school in sorted(schools.values(), key=lambda o: (o.name, o.pk))
    ]


def with_schools(
    blocks: list[BlockRow], leads: dict[int, list[Membership]]
) -> list[BlockRow]:
    """Fill `schools` of every per-school block (no query: leads are passed in)."""
    for row in blocks:
        if row.block.per_school:
            row.schools = school_rows(row, leads)
    return blocks


# ---- Deliverables ----------------------------------------------------------------------


@dataclass
class DeliverableRow:
    deliverable: Deliverable
    status: str  # a Status value, derived from the items that produce it
    state_id: int | None  # the first producing item's row, for a link
    derived: bool = False  # a producing row's status comes from the data (`derived`)

    @property
    def status_label(self) -> str:
        return Status(self.status).label


def deliverable_status(statuses: list[str]) -> str:
    """Done once every producing row is done (or n.a.), started once any is."""
    if not statuses:
        return Status.NOT_STARTED
    if all(s == Status.NOT_APPLICABLE for s in statuses):
        return Status.NOT_APPLICABLE
    if all(s in (Status.DONE, Status.NOT_APPLICABLE) for s in statuses):
        return Status.DONE
    if any(s in (Status.DONE, Status.IN_PROGRESS) for s in statuses):
        return Status.IN_PROGRESS
    return Status.NOT_STARTED


def deliverable_rows(
    definition: RoadmapDefinition,
    rows: dict[str, list[tuple[int, str]]],
    derived: frozenset[int] | set[int] = frozenset(),
) -> list[DeliverableRow]:
    """`rows`: item key → [(state id, status shown)] of one roadmap; `derived`: the ids
    of rows whose status the data gave."""
    result = []
    for deliverable in definition.deliverables:
        producing = [
            r
            for item in definition.items
            if deliverable.key in item.deliverables
            for r in rows.get(item.key, [])
        ]
        result.append(
            DeliverableRow(
                deliverable=deliverable,
                status=deliverable_status([status for _id, status in producing]),
                state_id=producing[0][0] if producing else None,
                derived=any(state_id in derived for state_id, _s in producing),
            )
        )
    return result
