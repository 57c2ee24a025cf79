"""Writes for partnerships: organisations, roles and invitations."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from doorlopend.registry.models import RegisterEntry, Sector

from .models import (
    Invitation,
    Membership,
    Organisation,
    OrganisationKind,
    Partnership,
    RoleAssignment,
)
from .roles import ROLES_WITH_SCHOOL, Role

_KIND_FOR_SECTOR = {
    Sector.VO: OrganisationKind.VO,
    Sector.MBO: OrganisationKind.MBO,
    Sector.HBO: OrganisationKind.HBO,
}


@transaction.atomic
def organisation_add_from_register(
    *, partnership: Partnership, entry: RegisterEntry
) -> Organisation:
    """Add a school from DUO's register; adding it twice is refused, not duplicated."""
    if Organisation.objects.filter(
        partnership=partnership, register_entry=entry
    ).exists():
        raise ValidationError(
            _("%(name)s is already part of this partnership.") % {"name": entry.name}
        )
    organisation = Organisation(
        partnership=partnership,
        name=entry.name,
        kind=_KIND_FOR_SECTOR[Sector(entry.sector)],
        register_entry=entry,
        place=entry.place,
    )
    organisation.full_clean()
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError:  # a second submit that raced the first
        raise ValidationError(
            _("%(name)s is already part of this partnership.") % {"name": entry.name}
        ) from None
    return organisation


@transaction.atomic
def organisation_save(*, organisation: Organisation) -> Organisation:
    """Create or update an organisation typed in by hand (municipality, employer, other).

    Schools come from the register, so that their BRIN is right: a hand-made school is refused.
    """
    if organisation.register_entry_id is None and organisation.is_school:
        raise ValidationError(
            {"kind": _("Add schools by searching the DUO school register.")}
        )
    duplicate = (
        Organisation.objects.filter(
            partnership=organisation.partnership, name__iexact=organisation.name.strip()
        )
        .exclude(pk=organisation.pk)
        .exists()
    )
    if duplicate:
        raise ValidationError(
            {"name": _("This partnership already has an organisation with this name.")}
        )
    organisation.name = organisation.name.strip()
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def organisation_delete(*, organisation: Organisation) -> None:
    """Remove an organisation; refused while people hold a role for it."""
    if organisation.role_assignments.exists():
        raise ValidationError(
            _(
                "People still hold a role for %(name)s. Change or revoke those roles first."
            )
            % {"name": organisation}
        )
    organisation.delete()


def _validate_role(
    *, partnership: Partnership, role: str, organisation: Organisation | None
) -> None:
    if role in ROLES_WITH_SCHOOL and organisation is None:
        raise ValidationError(
            {"organisation": _("Choose the school this person acts for in this role.")}
        )
    if organisation is not None:
        if organisation.partnership_id != partnership.pk:
            raise ValidationError(
                {"organisation": _("Choose a school of this partnership.")}
            )
        if role in ROLES_WITH_SCHOOL and not organisation.is_school:
            raise ValidationError(
                {
                    "organisation": _(
                        "This role is held for a school, not for %(name)s."
                    )
                    % {"name": organisation}
                }
            )


def _coordinator_count(partnership: Partnership) -> int:
    return RoleAssignment.objects.filter(
        membership__partnership=partnership, role=Role.COORDINATOR
    ).count()


@transaction.atomic
def role_change(
    *, assignment: RoleAssignment, role: str, organisation: Organisation | None
) -> RoleAssignment:
    """Change one role of a member; the last coordinator cannot give that role away."""
    partnership = assignment.membership.partnership
    _validate_role(partnership=partnership, role=role, organisation=organisation)
    if (
        assignment.role == Role.COORDINATOR
        and role != Role.COORDINATOR
        and _coordinator_count(partnership) == 1
    ):
        raise ValidationError(
            _(
                "A partnership needs at least one coördinator. Make someone else coördinator first."
            )
        )
    if (
        role not in ROLES_WITH_SCHOOL
        and organisation is not None
        and not organisation.is_school
    ):
        organisation = None
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
    if (
        assignment.role == Role.COORDINATOR
        and _coordinator_count(membership.partnership) == 1
    ):
        raise ValidationError(
            _(
                "A partnership needs at least one coördinator. Make someone else coördinator first."
            )
        )
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
    _validate_role(partnership=partnership, role=role, organisation=organisation)
    membership, _created = Membership.objects.get_or_create(
        partnership=partnership, user=user
    )
    if role not in ROLES_WITH_SCHOOL:
        organisation = organisation if organisation and organisation.is_school else None
    assignment, _created = RoleAssignment.objects.get_or_create(
        membership=membership, role=role, organisation=organisation
    )
    return assignment


@transaction.atomic
def invitation_create(
    *,
    partnership: Partnership,
    email: str,
    role: str,
    organisation: Organisation | None,
    invited_by,
    base_url: str,
) -> Invitation:
    """Invite an e-mail address to a role; the e-mail with the link is sent after commit.

    A second invitation to the same address for the same role replaces the pending one, so a
    double submit or a resend leaves one valid link.
    """
    email = email.strip().lower()
    _validate_role(partnership=partnership, role=role, organisation=organisation)
    already = RoleAssignment.objects.filter(
        membership__partnership=partnership,
        membership__user__email__iexact=email,
        role=role,
        organisation=organisation,
    ).exists()
    if already:
        raise ValidationError(
            {"email": _("This person already holds this role in the partnership.")}
        )
    now = timezone.now()
    Invitation.objects.filter(
        partnership=partnership, email__iexact=email, role=role
    ).pending().update(revoked_at=now)
    token, token_hash = Invitation.new_token()
    invitation = Invitation(
        partnership=partnership,
        email=email,
        role=role,
        organisation=organisation,
        token_hash=token_hash,
        invited_by=invited_by,
        expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    link = base_url + reverse("invitations:accept", kwargs={"token": token})
    transaction.on_commit(lambda: _send_invitation(invitation=invitation, link=link))
    return invitation


def _send_invitation(*, invitation: Invitation, link: str) -> None:
    context = {"invitation": invitation, "link": link}
    send_mail(
        subject=_("Invitation to %(partnership)s in Doorlopend")
        % {"partnership": invitation.partnership},
        message=render_to_string("partnerships/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> None:
    if invitation.is_pending:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation behind a link, whatever its state; None for an unknown token."""
    # The token is the key: no partnership is known until its invitation is found.
    with scopes_disabled():
        return (
            Invitation.objects.select_related("partnership", "organisation")
            .filter(token_hash=Invitation.hash_token(token))
            .first()
        )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> RoleAssignment:
    """Use an invitation once: the role goes to `user`, whose e-mail must be the invited one."""
    with scope(partnership=invitation.partnership):
        return _accept(invitation=invitation, user=user)


def _accept(*, invitation: Invitation, user) -> RoleAssignment:
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("partnership", "organisation")
        .get(pk=invitation.pk)
    )
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."))
    if invitation.revoked_at is not None:
        raise ValidationError(_("This invitation has been withdrawn."))
    if invitation.is_expired:
        raise ValidationError(_("This invitation has expired. Ask for a new one."))
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(
            _(
                "This invitation is for %(email)s. Log in with that address to accept it."
            )
            % {"email": invitation.email}
        )
    assignment = role_grant(
        partnership=invitation.partnership,
        user=user,
        role=invitation.role,
        organisation=invitation.organisation,
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return assignment
