"""The plan's inbox: what the coördinator makes of each reflection action point.

Each action point is handled once (Triage is one-to-one with it): it becomes a task, an
activity, a goal or a goal revision, or it is declined with a reason. The point's row is
locked while it is handled, so two submits at once cannot both find it unhandled.

A point of a school's own LOB-scan is that school's: its portefeuillehouder or decaan
handles it from the school's plan page with these same services, into a goal or an
activity of that school (carrying the scan element's tags) or a decline
(`selectors.inbox.triage_outcomes`); the coördinator may handle any point.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership
from doorlopend.reflection.models import ActionPoint

from ..models import Goal, Triage
from ..selectors.inbox import point_school, point_tags, triage_outcomes
from .activities import activity_create
from .goals import goal_create, goal_revise
from .tasks import task_create

Outcome = Triage.Outcome
# An activity planned from the inbox by its date only starts at 09:00, until edited.
DEFAULT_START = datetime.time(9, 0)


def _allow(point: ActionPoint, by: Membership, outcome: str) -> None:
    """Refuse (403) an outcome this member may not make of the point."""
    if outcome not in triage_outcomes(point=point, membership=by):
        raise PermissionDenied


def _claim(point: ActionPoint) -> None:
    """Lock the point; refuse it when it was handled already (a second submit)."""
    ActionPoint.objects.select_for_update().filter(pk=point.pk).first()
    if Triage.objects.filter(action_point_id=point.pk).exists():
        raise ValidationError(
            _("This action point has already been handled in the plan."),
            code="already_triaged",
        )


def _triage(point: ActionPoint, by: Membership, outcome: str, **links) -> Triage:
    triage = Triage(
        partnership_id=point.partnership_id,
        action_point=point,
        outcome=outcome,
        created_by=by.user,
        **links,
    )
    triage.full_clean()
    triage.save()
    return triage


@transaction.atomic
def triage_task(
    *,
    point: ActionPoint,
    by: Membership,
    title: str,
    owner: Membership | None = None,
    due_date: datetime.date | None = None,
) -> Triage:
    """The point becomes a task of the plan."""
    _allow(point, by, Outcome.TASK)
    _claim(point)
    task = task_create(
        partnership=point.partnership,
        by=by,
        title=title,
        owner=owner,
        due_date=due_date,
    )
    return _triage(point, by, Outcome.TASK, task=task)


@transaction.atomic
def triage_activity(
    *,
    point: ActionPoint,
    by: Membership,
    title: str,
    kind: str,
    date: datetime.date,
    start_time: datetime.time = DEFAULT_START,
) -> Triage:
    """The point becomes a planned activity; time, place and people follow on its page.
    A school's point becomes an activity of that school, with the scan element's
    elements of effective LOB and OCW action lines."""
    _allow(point, by, Outcome.ACTIVITY)
    _claim(point)
    elements, lines = point_tags(point)
    activity = activity_create(
        partnership=point.partnership,
        by=by,
        title=title,
        kind=kind,
        date=date,
        start_time=start_time,
        school=point_school(point),
        elements=elements,
        action_lines=lines,
    )
    return _triage(point, by, Outcome.ACTIVITY, activity=activity)


@transaction.atomic
def triage_revision(
    *,
    point: ActionPoint,
    by: Membership,
    goal: Goal,
    target: Decimal,
    deadline: datetime.date,
    reason: str,
) -> Triage:
    """The point changes a goal's target or deadline; the revision keeps the reason."""
    _allow(point, by, Outcome.REVISION)
    if goal.partnership_id != point.partnership_id:
        raise ValidationError({"goal": _("Choose a goal of this partnership.")})
    _claim(point)
    revision = goal_revise(
        goal=goal, target=target, deadline=deadline, reason=reason, by=by
    )
    return _triage(point, by, Outcome.REVISION, revision=revision)


@transaction.atomic
def triage_goal(*, point: ActionPoint, by: Membership, **data) -> Triage:
    """The point becomes a SMART goal (every SMART part checked by `goal_create`); a
    school's point a goal of that school."""
    _allow(point, by, Outcome.GOAL)
    _claim(point)
    data.pop("school", None)  # a school's point is that school's; no other
    goal = goal_create(
        partnership=point.partnership, by=by, school=point_school(point), **data
    )
    return _triage(point, by, Outcome.GOAL, goal=goal)


@transaction.atomic
def triage_decline(*, point: ActionPoint, by: Membership, reason: str) -> Triage:
    """The point does not enter the plan; the reason says why, for whoever asks later."""
    _allow(point, by, Outcome.DECLINED)
    if not (reason or "").strip():
        raise ValidationError(
            {"reason": _("Say why this action point does not enter the plan.")},
            code="required",
        )
    _claim(point)
    return _triage(point, by, Outcome.DECLINED, reason=reason.strip())
