"""The veranderopdracht of each school: its portefeuillehouder keeps it, the coördinator any.

Who acts for a school comes from the partnership's role assignments (a portefeuillehouder's
RoleAssignment names the school), never from a field typed here: the rule
`planning.assignment` about the school (`membership.has_perm("planning.assignment", school)`).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership, Organisation

from ..models import ChangeAssignment, Milestone, ProgressUpdate

PARTS = ("what", "why", "who", "when", "where", "how")


def _require(membership: Membership | None, organisation: Organisation) -> None:
    """The coördinator changes every school's assignment; a portefeuillehouder their own."""
    if membership is None or not membership.has_perm(
        "planning.assignment", organisation
    ):
        raise PermissionDenied


def _assignment(organisation: Organisation) -> ChangeAssignment:
    assignment, _made = ChangeAssignment.objects.get_or_create(
        partnership_id=organisation.partnership_id, organisation=organisation
    )
    return assignment


@transaction.atomic
def assignment_save(
    *, organisation: Organisation, by: Membership, **parts: str
) -> ChangeAssignment:
    """Write the 5 W's and how; the assignment is made on its first save."""
    _require(by, organisation)
    if not organisation.is_school:
        raise ValidationError(_("Only a school has a change assignment."))
    assignment = _assignment(organisation)
    for name, value in parts.items():
        if name not in PARTS:
            raise TypeError(f"unexpected part {name!r}")
        setattr(assignment, name, (value or "").strip())
    assignment.updated_by = by.user
    assignment.full_clean()
    assignment.save()
    return assignment


@transaction.atomic
def milestone_add(
    *, organisation: Organisation, by: Membership, title: str, date: datetime.date
) -> Milestone:
    _require(by, organisation)
    milestone = Milestone(assignment=_assignment(organisation), title=title, date=date)
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def milestone_toggle(*, milestone: Milestone, by: Membership) -> Milestone:
    """Reached ↔ not reached."""
    _require(by, milestone.assignment.organisation)
    milestone.done = not milestone.done
    milestone.save(update_fields=["done"])
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone, by: Membership) -> None:
    _require(by, milestone.assignment.organisation)
    milestone.delete()


@transaction.atomic
def progress_update_add(
    *,
    organisation: Organisation,
    by: Membership,
    date: datetime.date,
    state: str,
    text: str,
) -> ProgressUpdate:
    """A progress report with its status; it reports what happened, so never in the future."""
    _require(by, organisation)
    if date > timezone.localdate():
        raise ValidationError(
            {"date": _("A progress update cannot be dated in the future.")}
        )
    update = ProgressUpdate(
        assignment=_assignment(organisation),
        date=date,
        state=state,
        text=(text or "").strip(),
        created_by=by.user,
    )
    update.full_clean()
    update.save()
    return update
