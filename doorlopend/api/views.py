"""The partnership's API keys page: make a key (its token shown once), list, revoke."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from doorlopend.core.forms import service_errors_add
from doorlopend.core.submit_once import submit_once
from doorlopend.partnerships.access import partnership_view

from . import selectors, services
from .forms import TokenForm
from .scopes import SCOPES


@require_http_methods(["GET", "POST"])
@partnership_view("api.keys")
def token_list(request: HttpRequest) -> HttpResponse:
    """The keys this member may see; a new key's token is shown on this answer only."""
    membership = request.membership
    form = TokenForm(request.POST or None, membership=membership)
    new_token = new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            new_key, new_token = submit_once(
                request,
                lambda: services.token_create(
                    by=membership,
                    name=form.cleaned_data["name"],
                    scopes=form.cleaned_data["scopes"],
                    expires_on=form.cleaned_data["expires_on"],
                    school=form.school(),
                ),
            )
        except ValidationError as error:
            service_errors_add(form, error)
        else:
            form = TokenForm(membership=membership)
    context = {
        "form": form,
        "keys": selectors.visible_tokens(membership=membership),
        "scope_labels": {k: s.label for k, s in SCOPES.items()},
        "new_key": new_key,
        "new_token": new_token,
        "docs_url": request.build_absolute_uri(reverse("api:openapi-view")),
        "api_root": request.build_absolute_uri("/api/v1/"),
    }
    response = render(request, "api/token_list.html", context)
    response["Cache-Control"] = "no-store"  # the token is shown once, never cached
    return response


@require_http_methods(["GET", "POST"])
@partnership_view("api.keys")
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    """Asks first; revoking ends the key at once."""
    key = get_object_or_404(
        selectors.visible_tokens(membership=request.membership), pk=token_id
    )
    if request.method == "POST":
        services.token_revoke(key=key, by=request.membership)
        messages.success(
            request, _("The key “%(name)s” was revoked.") % {"name": key.name}
        )
        return redirect("api_keys:token_list", request.partnership.slug)
    return render(request, "api/token_revoke.html", {"key": key})
