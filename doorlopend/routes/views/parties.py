"""The parties of a route: who signs, with which tasks and which money."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from doorlopend.partnerships.access import partnership_view

from .. import services
from ..forms.parties import PartyAddForm, PartyForm
from ..models import Party
from .common import route_of, to_detail


def _party(request: HttpRequest, route_id: int, party_id: int) -> Party:
    route = route_of(request, route_id)
    party = get_object_or_404(
        Party.objects.select_related("organisation"), pk=party_id, route=route
    )
    party.route = route
    return party


@partnership_view("routes.manage")
@require_http_methods(["GET", "POST"])
def party_add(request: HttpRequest, route_id: int) -> HttpResponse:
    route = route_of(request, route_id)
    form = PartyAddForm(request.POST or None, route=route)
    if form.is_valid():
        try:
            party = services.party_add(route=route, **form.cleaned_data)
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request,
                _("%(name)s is now a party to the route.")
                % {"name": party.organisation},
            )
            return to_detail(request, route, "parties")
    return render(
        request, "routes/party_form.html", {"form": form, "route": route, "party": None}
    )


@partnership_view("routes.manage")
@require_http_methods(["GET", "POST"])
def party_edit(request: HttpRequest, route_id: int, party_id: int) -> HttpResponse:
    party = _party(request, route_id, party_id)
    form = PartyForm(request.POST or None, party=party)
    if form.is_valid():
        try:
            services.party_update(party=party, **form.cleaned_data)
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request, _("%(name)s has been saved.") % {"name": party.organisation}
            )
            return to_detail(request, party.route, "parties")
    return render(
        request,
        "routes/party_form.html",
        {"form": form, "route": party.route, "party": party},
    )


@partnership_view("routes.manage")
@require_http_methods(["GET", "POST"])
def party_remove(request: HttpRequest, route_id: int, party_id: int) -> HttpResponse:
    party = _party(request, route_id, party_id)
    if request.method == "POST":
        try:
            services.party_remove(party=party)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(
                request,
                _("%(name)s is no longer a party to the route.")
                % {"name": party.organisation},
            )
        return to_detail(request, party.route, "parties")
    return render(
        request, "routes/party_remove.html", {"party": party, "route": party.route}
    )
