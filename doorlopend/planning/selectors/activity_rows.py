"""The partnership's confirmed activities and its goals as bare rows, each read once per
request (the goals by `goals.partnership_goals`): the plan page's sections (the next and recent activities, the 7 elementen,
the OCW action lines, the counts, the timeline) and its approval box's text all pick
from or count the same rows."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import BooleanField, ExpressionWrapper, Q

from doorlopend.core.request_memo import memoised
from doorlopend.partnerships.models import Partnership

from ..models import Activity
from ..models.activities import ActivityApproval, ActivityKind, ActivityStatus
from .goals import partnership_goals


@dataclass(frozen=True)
class ActivityRow:
    pk: int
    school_id: int | None
    title: str
    kind: str
    status: str
    audience: str
    starts_at: datetime.datetime
    elements: list
    action_lines: list
    evaluated: bool  # whether its evaluation is written

    def get_kind_display(self) -> str:
        return str(ActivityKind(self.kind).label) if self.kind in ActivityKind else ""

    @property
    def counts(self) -> bool:
        """Whether it serves the elements and action lines: not cancelled."""
        return self.status != ActivityStatus.CANCELLED


def confirmed_activities(*, partnership: Partnership) -> list[ActivityRow]:
    """Every confirmed activity of the partnership (the schools' own too), by start:
    one query, once per request."""

    def read() -> list[ActivityRow]:
        return [
            ActivityRow(*row)
            for row in Activity.objects.filter(
                partnership=partnership, approval=ActivityApproval.CONFIRMED
            )
            .annotate(
                evaluated=ExpressionWrapper(
                    ~Q(evaluation=""), output_field=BooleanField()
                )
            )
            .order_by("starts_at", "pk")
            .values_list(
                "pk",
                "school_id",
                "title",
                "kind",
                "status",
                "audience",
                "starts_at",
                "elements",
                "action_lines",
                "evaluated",
            )
        ]

    return memoised(("planning.confirmed_activities", partnership.pk), read)


@dataclass(frozen=True)
class GoalRow:
    pk: int
    school_id: int | None
    title: str
    deadline: datetime.date
    action_lines: list


def goal_rows(*, partnership: Partnership) -> list[GoalRow]:
    """Every goal of the partnership (the schools' own too), from the goals read once
    per request (`goals.partnership_goals`: the plan's goals section and its approval
    box's text read the same rows); the OCW action lines count them, the timeline
    places them."""
    return [
        GoalRow(g.pk, g.school_id, g.title, g.deadline, g.action_lines)
        for g in partnership_goals(partnership=partnership)
    ]
