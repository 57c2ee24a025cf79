"""Reads of the plan's inbox: the action points not yet handled, and what the others became."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.partnerships.models import Membership, Organisation, Partnership
from doorlopend.reflection.models import ActionPoint

from ..models import Triage

PLAN_INBOX_SHOWN = 3


def _points(partnership: Partnership) -> QuerySet[ActionPoint]:
    return ActionPoint.objects.filter(partnership=partnership).select_related(
        "session__organisation", "owner_member__user", "owner_organisation"
    )


def theme_titles() -> dict[str, str]:
    """theme key → title of the newest reflectietool (one query)."""
    version = (
        InstrumentVersion.objects.questionnaires()
        .filter(key="reflectietool")
        .order_by("-version")
        .first()
    )
    if version is None:
        return {}
    return {theme.key: theme.title for theme in version.definition.themes}


def inbox_open(*, partnership: Partnership) -> list[ActionPoint]:
    """The partnership's action points without a triage, oldest due date first."""
    return list(_points(partnership).filter(triage__isnull=True))


def inbox_handled(
    *, partnership: Partnership, school: Organisation | None = None
) -> list[Triage]:
    """The handled points with what they became, newest first; with a school, only those
    of that school's own scans."""
    triages = Triage.objects.filter(partnership=partnership)
    if school is not None:
        triages = triages.filter(action_point__session__organisation=school)
    return list(
        triages.select_related(
            "action_point__session",
            "task",
            "activity",
            "revision__goal",
            "created_by",
        ).order_by("-created_at", "-pk")
    )


def school_inbox_open(
    *, partnership: Partnership, school: Organisation
) -> list[ActionPoint]:
    """The open action points of a school's own LOB-scans: the inbox of its own plan.
    The coördinator handles them in the partnership's inbox, where they are marked."""
    return list(
        _points(partnership).filter(triage__isnull=True, session__organisation=school)
    )


def inbox_point(*, partnership: Partnership, action_id: int) -> ActionPoint | None:
    return _points(partnership).filter(pk=action_id).first()


def triages_for(*, point_ids: list[int]) -> dict[int, Triage]:
    """action point id → its triage, with the object it became (one query)."""
    if not point_ids:
        return {}
    return {
        t.action_point_id: t
        for t in Triage.objects.filter(action_point_id__in=point_ids).select_related(
            "task", "activity", "revision__goal"
        )
    }


@dataclass
class PlanInbox:
    count: int
    first: list[ActionPoint] = field(default_factory=list)


def plan_inbox(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> PlanInbox:
    """The plan page's inbox summary: how many points wait, and the first few (2 queries)."""
    open_points = _points(partnership).filter(triage__isnull=True)
    return PlanInbox(
        count=open_points.count(), first=list(open_points[:PLAN_INBOX_SHOWN])
    )
