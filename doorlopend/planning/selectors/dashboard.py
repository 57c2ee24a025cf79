"""The plan's card on the partnership's overview page: what waits for attention."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from doorlopend.core.facts import ask
from doorlopend.partnerships.models import Membership, Partnership

from .card_questions import task_questions


@dataclass(frozen=True)
class PlanCard:
    mine_open: int
    overdue: int
    inbox: int


def plan_card(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> PlanCard:
    """The member's open tasks, the partnership's late tasks, the inbox: one query
    (none when the overview page asked its cards' questions first)."""
    answers = ask(
        task_questions(partnership=partnership, membership=membership, today=today)
    )
    return PlanCard(
        mine_open=answers["planning.tasks_mine_open"],
        overdue=answers["planning.tasks_late"],
        inbox=answers["planning.inbox"],
    )
