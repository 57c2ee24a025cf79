"""The plan's card on the partnership's overview page: what waits for attention."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q

from doorlopend.partnerships.models import Membership, Partnership
from doorlopend.reflection.models import ActionPoint

from ..models import Task, TaskStatus


@dataclass(frozen=True)
class PlanCard:
    mine_open: int
    overdue: int
    inbox: int


def plan_card(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> PlanCard:
    """The member's open tasks, the partnership's late tasks, the inbox: two queries."""
    open_task = ~Q(status=TaskStatus.DONE)
    counts = Task.objects.filter(partnership=partnership).aggregate(
        mine_open=Count("pk", filter=open_task & Q(owner=membership)),
        overdue=Count("pk", filter=open_task & Q(due_date__lt=today)),
    )
    inbox = ActionPoint.objects.filter(
        partnership=partnership, triage__isnull=True
    ).count()
    return PlanCard(inbox=inbox, **counts)
