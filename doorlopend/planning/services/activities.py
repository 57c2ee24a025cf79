"""Writes of LOB activities and the people who work on them, with their hours."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership, Organisation, Partnership

from .. import action_lines as lines
from ..elements import element_choices
from ..models import Activity, ActivityApproval, ActivityPerson, ActivityStatus, Goal
from .plan_schools import check_school, require_keep

# Plain fields an activity form hands over as they are.
ACTIVITY_FIELDS = (
    "title",
    "kind",
    "audience",
    "place",
    "materials",
    "costs",
    "status",
    "evaluation",
)


def _when(
    date: datetime.date, start_time: datetime.time, end_time: datetime.time | None
) -> tuple[datetime.datetime, datetime.datetime | None]:
    """The date and times as aware datetimes in the site's time zone."""
    zone = timezone.get_current_timezone()
    starts = timezone.make_aware(datetime.datetime.combine(date, start_time), zone)
    ends = None
    if end_time is not None:
        ends = timezone.make_aware(datetime.datetime.combine(date, end_time), zone)
    return starts, ends


def _check(
    *,
    partnership: Partnership,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None,
    status: str,
    costs: Decimal,
    elements: list[str],
    action_lines: list[str],
    organisations: Iterable[Organisation],
    goals: Iterable[Goal],
) -> None:
    """The rules of an activity: times in order, held only once started, known elements,
    and organisations and goals of this partnership."""
    errors: dict[str, list[str]] = {}
    if ends_at is not None and ends_at <= starts_at:
        errors.setdefault("end_time", []).append(
            _("The end time must be after the start time.")
        )
    if status == ActivityStatus.HELD and starts_at > timezone.now():
        errors.setdefault("status", []).append(
            _(
                "An activity in the future cannot have been held yet. Keep it planned "
                "and record how it went afterwards."
            )
        )
    if costs is not None and costs < 0:
        errors.setdefault("costs", []).append(_("Costs cannot be negative."))
    known = {key for key, _title in element_choices()}
    unknown = sorted(set(elements) - known)
    if unknown:
        errors.setdefault("elements", []).append(
            _("Unknown element: %(keys)s.") % {"keys": ", ".join(unknown)}
        )
    unknown_lines = lines.unknown(action_lines, lines.action_line_choices())
    if unknown_lines:
        errors.setdefault("action_lines", []).append(
            _("Unknown action line: %(keys)s.") % {"keys": ", ".join(unknown_lines)}
        )
    if any(o.partnership_id != partnership.pk for o in organisations):
        errors.setdefault("organisations", []).append(
            _("Choose organisations of this partnership.")
        )
    if any(g.partnership_id != partnership.pk for g in goals):
        errors.setdefault("goals", []).append(_("Choose goals of this partnership."))
    if errors:
        raise ValidationError(errors)


def _ordered_elements(elements: Iterable[str]) -> list[str]:
    """The keys in the order of the 7 elementen, each once."""
    chosen = set(elements)
    return [key for key, _title in element_choices() if key in chosen]


def _save(
    activity: Activity,
    *,
    date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time | None = None,
    elements: Iterable[str] = (),
    action_lines: Iterable[str] | None = None,
    organisations: Iterable[Organisation] = (),
    goals: Iterable[Goal] = (),
    **data,
) -> Activity:
    elements, organisations, goals = list(elements), list(organisations), list(goals)
    action_lines = list(activity.action_lines if action_lines is None else action_lines)
    for name in ACTIVITY_FIELDS:
        if name in data:
            setattr(activity, name, data[name])
    activity.starts_at, activity.ends_at = _when(date, start_time, end_time)
    check_school(activity, partnership_id=activity.partnership_id)
    _check(
        partnership=activity.partnership,
        starts_at=activity.starts_at,
        ends_at=activity.ends_at,
        status=activity.status,
        costs=activity.costs,
        elements=elements,
        action_lines=action_lines,
        organisations=organisations,
        goals=goals,
    )
    activity.elements = _ordered_elements(elements)
    activity.action_lines = lines.ordered(action_lines, lines.action_line_choices())
    activity.full_clean(exclude=["partnership", "created_by", "school"])
    activity.save()
    activity.organisations.set(organisations)
    activity.goals.set(goals)
    return activity


@transaction.atomic
def activity_create(
    *, partnership: Partnership, by: Membership | None = None, **data
) -> Activity:
    """A new activity; see `_check` for the rules. With a `school`, an activity of that
    school's own plan: only its portefeuillehouder or decaan, or the coördinator, adds
    one (`planning.keep_item`).

    `by` is None only when the system makes it (the demo loader).
    """
    activity = Activity(
        partnership=partnership,
        created_by=by.user if by else None,
        school=data.pop("school", None),
    )
    require_keep(activity, by=by)
    return _save(activity, **data)


@transaction.atomic
def activity_propose(*, partnership: Partnership, by: Membership, **data) -> Activity:
    """An activity a werkgroeplid proposes: planned, and waiting for the coördinator.

    What the coördinator (planning.manage) puts in is confirmed at once. A proposal is
    never held yet, has no evaluation, and lists its proposer among its people (so that
    they may evaluate it later)."""
    if not by.has_perm("planning.propose_activity"):
        raise PermissionDenied
    data.update(status=ActivityStatus.PLANNED, evaluation="")
    activity = Activity(partnership=partnership, created_by=by.user)
    if not by.has_perm("planning.manage"):
        activity.approval = ActivityApproval.PROPOSED
    activity = _save(activity, **data)
    if not activity.is_confirmed:
        ActivityPerson.objects.create(
            activity=activity, membership=by, role=_("proposer")
        )
    return activity


@transaction.atomic
def activity_decide(
    *, activity: Activity, by: Membership, confirm: bool, reason: str = ""
) -> Activity:
    """The coördinator confirms a proposal, or declines it with a reason (which the
    proposer reads on the activity's page)."""
    if not by.has_perm("planning.manage"):
        raise PermissionDenied
    if activity.approval != ActivityApproval.PROPOSED:
        raise ValidationError(
            _("Only a proposed activity can be confirmed or declined.")
        )
    reason = (reason or "").strip()
    if not confirm and not reason:
        raise ValidationError(
            {"reason": _("Say why, so that the proposer knows what to change.")}
        )
    activity.approval = (
        ActivityApproval.CONFIRMED if confirm else ActivityApproval.DECLINED
    )
    activity.decline_reason = "" if confirm else reason
    activity.save(update_fields=["approval", "decline_reason"])
    return activity


@transaction.atomic
def activity_evaluate(
    *, activity: Activity, by: Membership, evaluation: str
) -> Activity:
    """How it went, by someone listed on the activity (or the coördinator).

    Only a confirmed activity that has started can be evaluated; a planned one is then
    marked held, since evaluating it says that it took place."""
    if not by.has_perm("planning.evaluate_activity", activity):
        raise PermissionDenied
    evaluation = (evaluation or "").strip()
    errors = []
    if not activity.is_confirmed or activity.status == ActivityStatus.CANCELLED:
        errors.append(_("Only a confirmed activity that took place is evaluated."))
    elif activity.starts_at > timezone.now():
        errors.append(_("The evaluation is asked once the activity has been held."))
    if not evaluation:
        errors.append(_("Write how it went, in a few sentences."))
    if errors:
        raise ValidationError({"evaluation": errors})
    activity.evaluation = evaluation
    activity.status = ActivityStatus.HELD
    activity.save(update_fields=["evaluation", "status"])
    return activity


@transaction.atomic
def activity_update(
    *, activity: Activity, by: Membership | None = None, **data
) -> Activity:
    """Changes an activity; the same rules as when it was made. Whoever may keep it
    (`planning.keep_item`) as it is and as it becomes (moved to another school's plan).

    `by` is None only when the system changes it (the demo loader)."""
    require_keep(activity, by=by)
    if "school" in data:
        activity.school = data.pop("school")
        require_keep(activity, by=by)
    return _save(activity, **data)


@transaction.atomic
def activity_delete(*, activity: Activity, by: Membership | None = None) -> None:
    """Deletes the activity and its people; budget lines stay, without the activity."""
    require_keep(activity, by=by)
    activity.delete()


@transaction.atomic
def person_add(
    *,
    activity: Activity,
    membership: Membership | None = None,
    name: str = "",
    organisation: Organisation | None = None,
    role: str = "",
    hours: Decimal = Decimal("0"),
    by: Membership | None = None,
) -> ActivityPerson:
    """A member of the partnership, or someone named who is not a member."""
    require_keep(activity, by=by)
    errors: dict[str, list[str]] = {}
    name = (name or "").strip()
    if membership is None and not name:
        errors["membership"] = [_("Choose a member or give a name.")]
    if membership is not None and name:
        errors["name"] = [_("Give a name only for someone who is not a member.")]
    if membership is not None and membership.partnership_id != activity.partnership_id:
        errors["membership"] = [_("Choose a member of this partnership.")]
    if organisation is not None and (
        organisation.partnership_id != activity.partnership_id
    ):
        errors["organisation"] = [_("Choose an organisation of this partnership.")]
    if hours is None or hours < 0:
        errors["hours"] = [_("Hours cannot be negative.")]
    if errors:
        raise ValidationError(errors)
    person = ActivityPerson(
        activity=activity,
        membership=membership,
        name=name,
        organisation=organisation,
        role=role,
        hours=hours,
    )
    person.full_clean(exclude=["activity", "membership", "organisation"])
    person.save()
    return person


@transaction.atomic
def person_remove(*, person: ActivityPerson, by: Membership | None = None) -> None:
    require_keep(person.activity, by=by)
    person.delete()
