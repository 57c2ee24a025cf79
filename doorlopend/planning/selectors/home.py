"""What each role's overview page starts with, read for the cards planning registers.

Every reader is bounded: a fixed number of queries, and a few rows each, whatever the
size of the plan (the pages behind the cards' links show everything).
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

from doorlopend.core.facts import ask
from doorlopend.partnerships.models import Membership, Organisation, Partnership
from doorlopend.roadmaps.selectors.overview import Due, states_due, states_of_member
from doorlopend.routes.selectors import RoutesIncomplete, routes_incomplete

from ..models import (
    Activity,
    ActivityStatus,
    ChangeAssignment,
    ProgressUpdate,
    Task,
    TaskStatus,
)
from .assignments import _annotated
from .card_questions import (
    next_steps_questions,
    progress_questions,
    task_questions,
)
from .goals import GoalLine, goal_lines

# Rows of each kind on a card.
SHOWN = 5


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _open_tasks(partnership: Partnership):
    return Task.objects.filter(partnership=partnership).exclude(status=TaskStatus.DONE)


@dataclass
class MyWork:
    activities: list[Activity]
    tasks: list[Task]
    tasks_open: int
    items: list  # roadmaps.ItemState, open, overdue first
    items_open: int

    @property
    def empty(self) -> bool:
        return not (self.activities or self.tasks or self.items)


def my_work(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> MyWork:
    """The member's next activities (those they work on), open tasks (soonest due
    first, and how many) and open checklist and step-plan items: four queries."""
    activities = list(
        Activity.objects.filter(
            partnership=partnership,
            people__membership=membership,
            starts_at__gte=_start_of(today),
        )
        .exclude(status=ActivityStatus.CANCELLED)
        .distinct()
        .order_by("starts_at", "pk")[:SHOWN]
    )
    mine = _open_tasks(partnership).filter(owner=membership)
    tasks = list(mine.order_by("due_date", "pk")[:SHOWN])
    counts = ask(
        task_questions(partnership=partnership, membership=membership, today=today)
    )
    items = [
        s
        for s in states_of_member(partnership=partnership, membership=membership)
        if s.is_open
    ]
    return MyWork(
        activities=activities,
        tasks=tasks,
        tasks_open=counts["planning.tasks_mine_open"],
        items=items[:SHOWN],
        items_open=len(items),
    )


def assignment_schools(membership: Membership) -> list[Organisation]:
    """The schools named in the member's roles whose change assignment they keep
    (`planning.assignment` about the school: their portefeuillehouder's), no query."""
    schools = {
        r.organisation_id: r.organisation
        for r in membership.roles.all()
        if r.organisation_id
    }
    return sorted(
        (s for s in schools.values() if membership.has_perm("planning.assignment", s)),
        key=lambda s: s.name,
    )


@dataclass
class SchoolAssignment:
    school: Organisation
    assignment: ChangeAssignment | None

    @property
    def latest_state_label(self) -> str:
        state = getattr(self.assignment, "latest_state", None)
        return ProgressUpdate.State(state).label if state else ""


def my_assignments(*, membership: Membership) -> list[SchoolAssignment]:
    """The change assignment of each of the member's schools, with its latest state and
    next milestone (one query)."""
    schools = assignment_schools(membership)
    if not schools:
        return []
    found = {
        a.organisation_id: a
        for a in _annotated(
            ChangeAssignment.objects.filter(
                partnership_id=membership.partnership_id, organisation__in=schools
            )
        )
    }
    return [SchoolAssignment(school=s, assignment=found.get(s.pk)) for s in schools]


@dataclass
class NextSteps:
    due: Due
    overdue_tasks: list[Task]
    overdue_task_count: int
    inbox: int
    routes: RoutesIncomplete

    @property
    def empty(self) -> bool:
        return not (
            self.due.overdue_count
            or self.due.due_soon_count
            or self.overdue_task_count
            or self.inbox
            or self.routes.count
        )


def next_steps(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> NextSteps:
    """The coördinator's list: checklist and step-plan items overdue or due soon, late
    tasks, action points waiting in the inbox, routes short of a party or a consent.
    Four queries whatever the size of the plan (three when the overview page asked its
    cards' counts first)."""
    counts = ask(
        next_steps_questions(
            partnership=partnership, membership=membership, today=today
        )
    )
    late = counts["planning.tasks_late"]
    overdue_tasks = (
        list(
            _open_tasks(partnership)
            .filter(due_date__lt=today)
            .select_related("owner__user")
            .order_by("due_date", "pk")[:SHOWN]
        )
        if late
        else []
    )
    return NextSteps(
        due=states_due(partnership=partnership, today=today),
        overdue_tasks=overdue_tasks,
        overdue_task_count=late,
        inbox=counts["planning.inbox"],
        routes=routes_incomplete(
            partnership=partnership, count=counts["routes.incomplete"]
        ),
    )


@dataclass
class Progress:
    goals: list[GoalLine]
    goal_count: int
    activities_held: int
    activities_planned: int
    tasks_done: int
    tasks_total: int
    assignment_states: list[tuple[str, str, int]] = field(default_factory=list)


def progress(*, partnership: Partnership, today: datetime.date) -> Progress:
    """The stuurgroep's summary: each goal's progress towards its target (the nearest
    deadlines first), activities held and to come, tasks done, and the schools' change
    assignments by their latest state. Four queries (three when the overview page
    asked its cards' counts first)."""
    lines = goal_lines(partnership=partnership)
    counts = ask(progress_questions(partnership=partnership, today=today))
    states = Counter(
        a.latest_state
        for a in _annotated(ChangeAssignment.objects.filter(partnership=partnership))
    )
    return Progress(
        goals=lines[:SHOWN],
        goal_count=len(lines),
        activities_held=counts["planning.activities_held"],
        activities_planned=counts["planning.activities_planned"],
        tasks_done=counts["planning.tasks_done"],
        tasks_total=counts["planning.tasks"],
        assignment_states=[
            (state.value, state.label, states[state.value])
            for state in ProgressUpdate.State
            if states[state.value]
        ],
    )
