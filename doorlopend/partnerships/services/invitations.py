"""Writes for invitations: create, withdraw, accept."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from ..models import (
    Invitation,
    Membership,
    Organisation,
    Partnership,
    RoleAssignment,
)
from .roles import role_grant, role_school


@transaction.atomic
def invitation_create(
    *,
    partnership: Partnership,
    email: str,
    role: str,
    organisation: Organisation | None,
    by: Membership,
    base_url: str,
) -> Invitation:
    """Invite an e-mail address to a role; the e-mail with the link is sent after commit.

    A second invitation to the same address for the same role replaces the pending one, so a
    double submit or a resend leaves one valid link.
    """
    email = email.strip().lower()
    organisation = role_school(
        partnership=partnership, role=role, organisation=organisation
    )
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
        invited_by=by.user,
        expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    link = base_url + reverse("invitations:accept", kwargs={"token": token})
    transaction.on_commit(lambda: _send_invitation(invitation=invitation, link=link))
    return invitation


def _send_invitation(*, invitation: Invitation, link: str) -> None:
    # In the partnership's language (Dutch), not the inviter's: the page the link opens
    # speaks it too, whatever the invited person's phone asks for.
    context = {"invitation": invitation, "link": link}
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Invitation to %(partnership)s in Doorlopend") % {
            "partnership": invitation.partnership
        }
        body = render_to_string("partnerships/email/invitation.txt", context)
    send_mail(
        subject=subject,
        message=body,
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
        Invitation.objects.select_for_update(of=("self",))
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
