"""People of the partnership: their roles, invitations, changes and revocations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from doorlopend.core.submit_once import submit_once

from .. import selectors, services
from ..access import partnership_view
from ..forms import InvitationForm, RoleForm
from ..models import Invitation, RoleAssignment
from ..roles import ROLE_HELP


@partnership_view("members.view")
@require_GET
def member_list(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    context = {
        "members": selectors.member_list(partnership=partnership),
        "invitations": selectors.pending_invitations(partnership=partnership)
        if request.membership.has_perm("members.manage")
        else [],
    }
    return render(request, "partnerships/member_list.html", context)


@partnership_view("members.manage")
@require_http_methods(["GET", "POST"])
def member_invite(request: HttpRequest) -> HttpResponse:
    form = InvitationForm(request.POST or None, partnership=request.partnership)
    if form.is_valid():
        try:
            invitation = submit_once(
                request,
                lambda: services.invitation_create(
                    partnership=request.partnership,
                    by=request.membership,
                    base_url=f"{request.scheme}://{request.get_host()}",
                    **form.cleaned_data,
                ),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("An invitation has been sent to %(email)s.")
                % {"email": invitation.email},
            )
            return redirect(
                "partnerships:member_list", partnership_slug=request.partnership.slug
            )
    return render(
        request,
        "partnerships/member_invite.html",
        {"form": form, "role_help": ROLE_HELP.items()},
    )


@partnership_view("members.manage")
@require_http_methods(["GET", "POST"])
def invitation_revoke(request: HttpRequest, invitation_id: int) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation, pk=invitation_id, partnership=request.partnership
    )
    if request.method == "POST":
        services.invitation_revoke(invitation=invitation)
        messages.success(
            request,
            _("The invitation to %(email)s has been withdrawn.")
            % {"email": invitation.email},
        )
        return redirect(
            "partnerships:member_list", partnership_slug=request.partnership.slug
        )
    return render(
        request, "partnerships/invitation_revoke.html", {"invitation": invitation}
    )


def _assignment(request: HttpRequest, role_id: int) -> RoleAssignment:
    return get_object_or_404(
        RoleAssignment.objects.select_related("membership__user", "organisation"),
        pk=role_id,
        membership__partnership=request.partnership,
    )


@partnership_view("members.manage")
@require_http_methods(["GET", "POST"])
def role_edit(request: HttpRequest, role_id: int) -> HttpResponse:
    assignment = _assignment(request, role_id)
    initial = {"role": assignment.role, "organisation": assignment.organisation}
    form = RoleForm(
        request.POST or None, initial=initial, partnership=request.partnership
    )
    if form.is_valid():
        try:
            services.role_change(assignment=assignment, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The role of %(person)s has been changed.")
                % {"person": assignment.membership.user},
            )
            return redirect(
                "partnerships:member_list", partnership_slug=request.partnership.slug
            )
    return render(
        request,
        "partnerships/role_edit.html",
        {"form": form, "assignment": assignment, "role_help": ROLE_HELP.items()},
    )


@partnership_view("members.manage")
@require_http_methods(["GET", "POST"])
def role_revoke(request: HttpRequest, role_id: int) -> HttpResponse:
    assignment = _assignment(request, role_id)
    if request.method == "POST":
        person = assignment.membership.user
        try:
            left = services.role_revoke(assignment=assignment)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            text = (
                _("%(person)s is no longer a member of this partnership.")
                if left
                else _("The role of %(person)s has been revoked.")
            )
            messages.success(request, text % {"person": person})
        return redirect(
            "partnerships:member_list", partnership_slug=request.partnership.slug
        )
    return render(request, "partnerships/role_revoke.html", {"assignment": assignment})
