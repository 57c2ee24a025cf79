"""Writes for roles: grant, change, revoke."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import (
    Membership,
    Organisation,
    Partnership,
    RoleAssignment,
)
from ..roles import Role, acts_for_school, runs_partnership


def role_school(
    *, partnership: Partnership, role: str, organisation: Organisation | None
) -> Organisation | None:
    """The school a role is held for, checked; None when the role names no school.

    Portefeuillehouder, decaan and mentor act for one school of this partnership. Other
    roles may name a school too (a docent's own school); anything but a school is dropped.
    """
    if acts_for_school(role) and organisation is None:
        raise ValidationError(
            {"organisation": _("Choose the school this person acts for in this role.")}
        )
    if organisation is None:
        return None
    if organisation.partnership_id != partnership.pk:
        raise ValidationError(
            {"organisation": _("Choose a school of this partnership.")}
        )
    if not organisation.is_school:
        if acts_for_school(role):
            raise ValidationError(
                {
                    "organisation": _(
                        "This role is held for a school, not for %(name)s."
                    )
                    % {"name": organisation}
                }
            )
        return None
    return organisation


def _refuse_removing_last_coordinator(partnership: Partnership) -> None:
    count = RoleAssignment.objects.filter(
        membership__partnership=partnership, role=Role.COORDINATOR
    ).count()
    if count == 1:
        raise ValidationError(
            _(
                "A partnership needs at least one coördinator. Make someone else coördinator first."
            )
        )


@transaction.atomic
def role_change(
    *, assignment: RoleAssignment, role: str, organisation: Organisation | None
) -> RoleAssignment:
    """Change one role of a member; the last coordinator cannot give that role away."""
    partnership = assignment.membership.partnership
    organisation = role_school(
        partnership=partnership, role=role, organisation=organisation
    )
    if runs_partnership(assignment.role) and not runs_partnership(role):
        _refuse_removing_last_coordinator(partnership)
    clash = (
        RoleAssignment.objects.filter(
            membership=assignment.membership, role=role, organisation=organisation
        )
        .exclude(pk=assignment.pk)
        .exists()
    )
    if clash:
        raise ValidationError(_("This person already holds this role."))
    assignment.role = role
    assignment.organisation = organisation
    assignment.full_clean(validate_constraints=False)
    assignment.save()
    return assignment


@transaction.atomic
def role_revoke(*, assignment: RoleAssignment) -> bool:
    """Revoke one role. A person left without roles is no longer a member; returns whether they left."""
    membership = assignment.membership
    if runs_partnership(assignment.role):
        _refuse_removing_last_coordinator(membership.partnership)
    assignment.delete()
    if not membership.roles.exists():
        membership.delete()
        return True
    return False


@transaction.atomic
def role_grant(
    *,
    partnership: Partnership,
    user,
    role: str,
    organisation: Organisation | None = None,
) -> RoleAssignment:
    """Give `user` a role in `partnership`, making them a member if they were not; idempotent."""
    organisation = role_school(
        partnership=partnership, role=role, organisation=organisation
    )
    membership, _created = Membership.objects.get_or_create(
        partnership=partnership, user=user
    )
    assignment, _created = RoleAssignment.objects.get_or_create(
        membership=membership, role=role, organisation=organisation
    )
    return assignment
