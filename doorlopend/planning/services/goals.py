"""Writes of SMART goals, their revisions (target and deadline, with a reason) and
measurements. Every SMART part is checked here, so a goal made by any route is SMART."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership, Partnership

from .. import action_lines
from ..models import Goal, GoalRevision, Measurement, Triage
from ..selectors.goals import theme_keys
from .plan_schools import check_school, require_keep

# The fields a goal's form may change; target and deadline only through a revision.
GOAL_FIELDS = (
    "title",
    "specific",
    "indicator",
    "unit",
    "baseline",
    "target",
    "deadline",
    "owner",
    "theme_key",
    "action_lines",
    "school",
)


def _order_action_lines(goal: Goal) -> None:
    """Keeps the goal's OCW action lines known and in their order."""
    choices = action_lines.action_line_choices()
    unknown = action_lines.unknown(goal.action_lines or [], choices)
    if unknown:
        raise ValidationError(
            {
                "action_lines": _("Unknown action line: %(keys)s.")
                % {"keys": ", ".join(unknown)}
            }
        )
    goal.action_lines = action_lines.ordered(goal.action_lines or [], choices)


def smart_problems(
    *,
    partnership: Partnership,
    data: dict,
    today: date,
    check_deadline_past: bool = True,
) -> dict[str, ValidationError]:
    """One error per missing SMART part, on its own field, naming the SMART letter.

    The form shows these too, so every missing part is reported at once.
    """
    problems: dict[str, ValidationError] = {}

    def problem(name: str, message: str, code: str) -> None:
        problems.setdefault(name, ValidationError(message, code=code))

    if not (data.get("specific") or "").strip():
        problem(
            "specific",
            _("Specific: describe what exactly will be different, and for whom."),
            "smart_specific",
        )
    if not (data.get("indicator") or "").strip():
        problem(
            "indicator",
            _("Measurable: name the indicator you will count or measure."),
            "smart_indicator",
        )
    baseline, target = data.get("baseline"), data.get("target")
    if baseline is None:
        problem(
            "baseline",
            _("Measurable: give the baseline, the value at the start."),
            "smart_baseline",
        )
    if target is None:
        problem(
            "target",
            _("Measurable: give the target value you want to reach."),
            "smart_target",
        )
    elif baseline is not None and Decimal(target) == Decimal(baseline):
        problem(
            "target",
            _("Acceptable: the target value must differ from the baseline."),
            "smart_target_is_baseline",
        )
    owner: Membership | None = data.get("owner")
    if owner is None:
        problem(
            "owner",
            _("Assignable: choose the member who owns this goal."),
            "smart_owner",
        )
    elif owner.partnership_id != partnership.pk:
        problem(
            "owner",
            _("Assignable: the owner must be a member of this partnership."),
            "smart_owner_outside",
        )
    theme_key = data.get("theme_key") or ""
    if not theme_key:
        problem(
            "theme_key",
            _("Relevant: choose the reflectietool theme this goal answers."),
            "smart_theme",
        )
    elif theme_key not in theme_keys():
        problem(
            "theme_key",
            _("Relevant: choose one of the reflectietool's themes."),
            "smart_theme_unknown",
        )
    deadline = data.get("deadline")
    if deadline is None:
        problem(
            "deadline",
            _("Time-bound: give the date by which the target is reached."),
            "smart_deadline",
        )
    elif check_deadline_past and deadline < today:
        problem(
            "deadline",
            _("Time-bound: the deadline cannot be in the past."),
            "smart_deadline_past",
        )
    return problems


def _check(goal: Goal, *, today: date, check_deadline_past: bool) -> None:
    data = {name: getattr(goal, name) for name in GOAL_FIELDS}
    problems = smart_problems(
        partnership=goal.partnership,
        data=data,
        today=today,
        check_deadline_past=check_deadline_past,
    )
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def goal_create(*, partnership: Partnership, by: Membership | None, **data) -> Goal:
    """A new goal: every SMART part present, its deadline today or later. With a
    `school`, a goal of that school's own plan: only its portefeuillehouder or decaan, or
    the coördinator, adds one (`planning.keep_item`).

    `by` is None only when the system makes it (the demo loader).
    """
    unknown = set(data) - set(GOAL_FIELDS)
    if unknown:
        raise TypeError(f"goal_create() got unexpected fields {sorted(unknown)}")
    goal = Goal(partnership=partnership, created_by=by.user if by else None, **data)
    check_school(goal, partnership_id=partnership.pk)
    require_keep(goal, by=by)
    goal.unit = goal.unit or ""
    _order_action_lines(goal)
    _check(goal, today=timezone.localdate(), check_deadline_past=True)
    goal.full_clean()
    goal.save()
    return goal


@transaction.atomic
def goal_update(*, goal: Goal, by: Membership | None, reason: str = "", **data) -> Goal:
    """Change a goal. A new target or deadline goes through `goal_revise` and needs a
    reason; the other fields change without a revision.

    `by` is None only when the system makes it (the demo loader).
    """
    unknown = set(data) - set(GOAL_FIELDS)
    if unknown:
        raise TypeError(f"goal_update() got unexpected fields {sorted(unknown)}")
    require_keep(goal, by=by)  # the goal as it is, and below as it becomes
    target = data.pop("target", goal.target)
    deadline = data.pop("deadline", goal.deadline)
    for name, value in data.items():
        setattr(goal, name, value)
    check_school(goal, partnership_id=goal.partnership_id)
    require_keep(goal, by=by)
    goal.unit = goal.unit or ""
    _order_action_lines(goal)
    problems = smart_problems(
        partnership=goal.partnership,
        data={
            **{n: getattr(goal, n) for n in GOAL_FIELDS},
            "target": target,
            "deadline": deadline,
        },
        today=timezone.localdate(),
        check_deadline_past=deadline != goal.deadline,
    )
    changed = target != goal.target or deadline != goal.deadline
    if changed and not (reason or "").strip():
        problems.setdefault("reason", reason_missing_error())
    if problems:
        raise ValidationError(problems)
    goal.full_clean()
    goal.save()
    if changed:
        goal_revise(goal=goal, target=target, deadline=deadline, reason=reason, by=by)
    return goal


def reason_missing_error() -> ValidationError:
    return ValidationError(
        _(
            "Give the reason why the target or deadline changes; it stays in the history."
        ),
        code="reason_required",
    )


@transaction.atomic
def goal_revise(
    *, goal: Goal, target, deadline: date, reason: str, by: Membership | None
) -> GoalRevision:
    """Move a goal's target and/or deadline, recording old and new with the reason.

    The goal's history is its revisions: they are only ever appended. Also used by the
    plan's inbox, which turns a reflection action point into a goal revision.

    `by` is None only when the system makes it (the demo loader).
    """
    require_keep(goal, by=by)
    target = Decimal(target) if target is not None else None
    problems: dict[str, ValidationError] = {}
    if target is None:
        problems["target"] = ValidationError(
            _("Measurable: give the target value you want to reach."),
            code="smart_target",
        )
    elif target == goal.baseline:
        problems["target"] = ValidationError(
            _("Acceptable: the target value must differ from the baseline."),
            code="smart_target_is_baseline",
        )
    if deadline is None:
        problems["deadline"] = ValidationError(
            _("Time-bound: give the date by which the target is reached."),
            code="smart_deadline",
        )
    elif deadline != goal.deadline and deadline < timezone.localdate():
        problems["deadline"] = ValidationError(
            _("Time-bound: the deadline cannot be in the past."),
            code="smart_deadline_past",
        )
    if not problems and target == goal.target and deadline == goal.deadline:
        raise ValidationError(
            _("The target and deadline are unchanged; there is nothing to revise."),
            code="revision_unchanged",
        )
    if not (reason or "").strip():
        problems["reason"] = reason_missing_error()
    if problems:
        raise ValidationError(problems)
    revision = GoalRevision(
        goal=goal,
        old_target=goal.target,
        new_target=target,
        old_deadline=goal.deadline,
        new_deadline=deadline,
        reason=reason.strip(),
        created_by=by.user if by else None,
    )
    revision.full_clean()
    revision.save()
    goal.target, goal.deadline = target, deadline
    goal.save(update_fields=["target", "deadline", "updated_at"])
    return revision


def goal_delete_blockers(*, goal: Goal) -> list[str]:
    """Why a goal may not be deleted: activities or tasks work towards it, or an action
    point of a reflection session became one of its revisions (that link must stay)."""
    reasons = []
    activities = goal.activities.count()
    if activities:
        reasons.append(
            _("%(n)s activities are linked to this goal.") % {"n": activities}
        )
    tasks = goal.tasks.count()
    if tasks:
        reasons.append(_("%(n)s tasks are linked to this goal.") % {"n": tasks})
    if Triage.objects.filter(revision__goal=goal).exists():
        reasons.append(
            _("An action point of a reflection session became a revision of this goal.")
        )
    if Triage.objects.filter(goal=goal).exists():
        reasons.append(_("An action point of a LOB-scan became this goal."))
    return reasons


@transaction.atomic
def goal_delete(*, goal: Goal, by: Membership | None = None) -> None:
    """Delete a goal with its measurements and revisions, unless something links to it."""
    require_keep(goal, by=by)
    blockers = goal_delete_blockers(goal=goal)
    if blockers:
        raise ValidationError(" ".join(blockers), code="goal_linked")
    goal.delete()


@transaction.atomic
def measurement_add(
    *, goal: Goal, date: date, value, note: str = "", by: Membership | None
) -> Measurement:
    """A measured value of the goal's indicator; measured today or earlier.

    `by` is None only when the system makes it (the demo loader).
    """
    require_keep(goal, by=by)
    problems = {}
    if date is None:
        problems["date"] = ValidationError(
            _("Give the date of the measurement."), code="required"
        )
    elif date > timezone.localdate():
        problems["date"] = ValidationError(
            _("A measurement cannot be dated in the future."), code="future"
        )
    if value is None:
        problems["value"] = ValidationError(
            _("Give the measured value."), code="required"
        )
    if problems:
        raise ValidationError(problems)
    measurement = Measurement(
        goal=goal,
        date=date,
        value=value,
        note=(note or "").strip(),
        created_by=by.user if by else None,
    )
    measurement.full_clean()
    measurement.save()
    return measurement


@transaction.atomic
def measurement_delete(
    *, measurement: Measurement, by: Membership | None = None
) -> None:
    require_keep(measurement.goal, by=by)
    measurement.delete()
