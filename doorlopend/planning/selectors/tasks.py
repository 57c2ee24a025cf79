"""Reads of tasks: the list with what is late first, a member's own tasks, the plan's line."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import BooleanField, Case, F, Q, QuerySet, Value, When

from doorlopend.core.facts import ask
from doorlopend.partnerships.models import Membership, Partnership
from doorlopend.partnerships.selectors import members_who_may

from ..models import Task, TaskStatus
from .card_questions import plan_questions

# How many of the member's own open tasks the plan page names.
PLAN_MINE = 5


def _late(today: datetime.date) -> Q:
    return Q(due_date__lt=today) & ~Q(status=TaskStatus.DONE)


def _listed(queryset: QuerySet[Task], today: datetime.date) -> QuerySet[Task]:
    """Overdue first (by due date), then the rest by due date (none last), done last."""
    return (
        queryset.select_related("owner__user", "goal", "activity")
        .annotate(
            overdue=Case(
                When(_late(today), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            is_done=Case(
                When(status=TaskStatus.DONE, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
        .order_by("-overdue", "is_done", F("due_date").asc(nulls_last=True), "pk")
    )


def task_list(
    *,
    partnership: Partnership,
    today: datetime.date,
    status: str | None = None,
    owner: Membership | None = None,
) -> QuerySet[Task]:
    """Every task of the partnership, optionally of one status or owner; late ones first."""
    tasks = Task.objects.filter(partnership=partnership)
    if status:
        tasks = tasks.filter(status=status)
    if owner is not None:
        tasks = tasks.filter(owner=owner)
    return _listed(tasks, today)


def my_tasks(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> QuerySet[Task]:
    """The member's own tasks: late ones first, done ones last."""
    return _listed(
        Task.objects.filter(partnership=partnership, owner=membership), today
    )


def task_of(task: Task, today: datetime.date) -> Task:
    """One task re-read as the lists show it (for the row an htmx request swaps in)."""
    return _listed(Task.objects.filter(pk=task.pk), today).get()


def owners(*, partnership: Partnership) -> QuerySet[Membership]:
    """The members a task may be given to (those who open the task pages), by name."""
    return members_who_may(partnership=partnership, perm="planning.tasks")


@dataclass
class TaskSummary:
    open: int
    overdue: int
    mine_open: int
    mine: list[Task] = field(default_factory=list)


def plan_tasks(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> TaskSummary:
    """The plan page's section: open and late counts, and the member's next open tasks."""
    answers = ask(
        plan_questions(partnership=partnership, membership=membership, today=today)
    )
    mine = list(
        _listed(
            Task.objects.filter(partnership=partnership, owner=membership).exclude(
                status=TaskStatus.DONE
            ),
            today,
        )[:PLAN_MINE]
    )
    return TaskSummary(
        open=answers["planning.tasks_open"],
        overdue=answers["planning.tasks_late"],
        mine_open=answers["planning.tasks_mine_open"],
        mine=mine,
    )
