"""How the plan's goals and activities spread over the three OCW action lines (seed 001):
deskundige LOB, samenwerking bij de onderwijsovergangen, informatie over beroepenveld en
vervolgonderwijs. Two queries, whatever the number of goals and activities."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from doorlopend.partnerships.models import Membership, Partnership

from ..action_lines import action_line_choices
from .activity_rows import confirmed_activities, goal_rows


@dataclass(frozen=True)
class ActionLineCount:
    key: str
    title: str
    goals: int
    activities: int


@dataclass(frozen=True)
class PlanActionLines:
    rows: list[ActionLineCount]
    # Goals and (confirmed, not cancelled) activities that name no action line.
    goals_without: int
    activities_without: int


def _count(lists) -> tuple[Counter, int]:
    counts, without = Counter(), 0
    for keys in lists:
        counts.update(set(keys or []))
        without += not keys
    return counts, without


def plan_action_lines(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> PlanActionLines:
    goals, goals_without = _count(
        g.action_lines for g in goal_rows(partnership=partnership)
    )
    activities, activities_without = _count(
        r.action_lines
        for r in confirmed_activities(partnership=partnership)
        if r.counts
    )
    return PlanActionLines(
        rows=[
            ActionLineCount(key, title, goals[key], activities[key])
            for key, title in action_line_choices()
        ],
        goals_without=goals_without,
        activities_without=activities_without,
    )
