"""Reads of the plan's inbox: the action points not yet handled, and what the others became."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from doorlopend.core.facts import Question, ask, how_many
from doorlopend.instruments.models import InstrumentVersion
from doorlopend.instruments.selectors import newest_version
from doorlopend.partnerships.models import Membership, Organisation, Partnership
from doorlopend.reflection.models import ActionPoint

from ..models import Triage


def _points(partnership: Partnership) -> QuerySet[ActionPoint]:
    return ActionPoint.objects.filter(partnership=partnership).select_related(
        "session__organisation", "owner_member__user", "owner_organisation"
    )


# What an action point can become; a school's own keepers make it school work only.
ALL_OUTCOMES = ("task", "activity", "goal", "revision", "declined")
SCHOOL_OUTCOMES = ("activity", "goal", "declined")


def point_school(point: ActionPoint) -> Organisation | None:
    """The school whose own LOB-scan made the point, or None (a partnership session)."""
    session = point.session
    if session is None or not session.organisation_id:
        return None
    return session.organisation


def triage_outcomes(*, point: ActionPoint, membership: Membership) -> tuple[str, ...]:
    """What this member may make of the point: the coördinator (planning.manage)
    anything; a school's portefeuillehouder or decaan (planning.school_plan about the
    school) a goal or activity of that school, or a decline; anyone else nothing."""
    if membership.has_perm("planning.manage"):
        return ALL_OUTCOMES
    school = point_school(point)
    if school is not None and membership.has_perm("planning.school_plan", school):
        return SCHOOL_OUTCOMES
    return ()


def point_theme_title(point: ActionPoint, titles: dict[str, str]) -> str:
    """The title of the theme the point is about: the scan's element for a school's
    point, else the reflectietool's theme (`titles`, from `theme_titles`)."""
    if not point.theme_key:
        return ""
    school_scan = point.session is not None and point.session.organisation_id
    if school_scan:
        theme = point.session.instrument.definition.theme(point.theme_key)
        return theme.title if theme is not None else point.theme_key
    return titles.get(point.theme_key, point.theme_key)


def point_tags(point: ActionPoint) -> tuple[list[str], list[str]]:
    """The elements of effective LOB and the OCW action lines of the scan theme a
    school's point is about (a weak element carries them into the plan); none for a
    partnership session's point."""
    session = point.session
    if session is None or not session.organisation_id or not point.theme_key:
        return [], []
    theme = session.instrument.definition.theme(point.theme_key)
    if theme is None:
        return [], []
    elements = list(dict.fromkeys(q.element for q in theme.questions if q.element))
    lines = list(dict.fromkeys(k for q in theme.questions for k in q.action_lines))
    return elements, lines


def theme_titles() -> dict[str, str]:
    """theme key → title of the newest reflectietool (one query)."""
    version = newest_version(
        kind=InstrumentVersion.Kind.QUESTIONNAIRE, key="reflectietool"
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
            "goal",
            "revision__goal",
            "created_by",
        ).order_by("-created_at", "-pk")
    )


def school_inbox_open(
    *, partnership: Partnership, school: Organisation
) -> list[ActionPoint]:
    """The open action points of a school's own LOB-scans: the inbox of its own plan,
    handled there by its portefeuillehouder or decaan; the coördinator may handle them
    in the partnership's inbox too, where they are marked."""
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
            "task", "activity", "goal", "revision__goal"
        )
    }


@dataclass
class PlanInbox:
    count: int
    overdue: int  # of those, past their streefdatum


def plan_inbox(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> PlanInbox:
    """The plan page's inbox summary: how many points wait and how many of them are
    past their streefdatum; the points themselves are on the inbox page (one query;
    none when the page asked its sections' counts first)."""
    answers = ask(inbox_questions(partnership=partnership, today=today))
    return PlanInbox(
        count=answers["planning.inbox"], overdue=answers["planning.inbox_overdue"]
    )


def inbox_questions(
    *, partnership: Partnership, today: datetime.date
) -> dict[str, Question]:
    """The points waiting in the inbox, and those of them past their streefdatum."""

    def waiting():
        return ActionPoint.objects.filter(partnership=partnership, triage__isnull=True)

    return {
        "planning.inbox": how_many(waiting),
        "planning.inbox_overdue": how_many(
            lambda: waiting().filter(due_date__lt=today)
        ),
    }
