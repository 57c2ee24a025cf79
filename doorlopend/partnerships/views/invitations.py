"""Accepting an invitation: public, because the invited person may have no account yet."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from doorlopend.accounts import services as account_services
from doorlopend.accounts.forms import AccountCreateForm
from doorlopend.accounts.models import User

from .. import services


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.invitation_for_token(token)
    if invitation is None:
        raise Http404("Unknown invitation.")
    context = {"invitation": invitation}
    if not invitation.is_pending:
        return render(
            request, "partnerships/invitation_accept.html", context, status=410
        )
    has_account = User.objects.filter(email__iexact=invitation.email).exists()
    form = None
    if request.user.is_authenticated:
        if request.method == "POST":
            return _accept(request, invitation, request.user)
    elif not has_account:
        form = AccountCreateForm(request.POST or None, email=invitation.email)
        if form.is_valid():
            try:
                user = account_services.user_create(
                    email=invitation.email,
                    name=form.cleaned_data["name"],
                    password=form.cleaned_data["password1"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                login(
                    request, user, backend="django.contrib.auth.backends.ModelBackend"
                )
                return _accept(request, invitation, user)
    context.update(form=form, has_account=has_account)
    return render(request, "partnerships/invitation_accept.html", context)


def _accept(request: HttpRequest, invitation, user) -> HttpResponse:
    try:
        services.invitation_accept(invitation=invitation, user=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(
            "invitations:accept", token=request.resolver_match.kwargs["token"]
        )
    messages.success(
        request,
        _("Welcome to %(partnership)s.") % {"partnership": invitation.partnership},
    )
    return redirect(
        "partnerships:dashboard", partnership_slug=invitation.partnership.slug
    )
