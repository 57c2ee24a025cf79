"""The leerroutes of a partnership: list, create, show, edit and delete."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from doorlopend.partnerships.access import partnership_view

from .. import selectors, services
from ..forms.routes import RouteForm
from ..models import Leerroute
from ..parts import route_parts
from ..services.routes import RouteChange
from .common import route_of, to_detail

# The route's texts, shown in this order under their field names.
TEXT_FIELDS = ("aims", "overstapoptie", "examination", "design", "communication")


@partnership_view("routes.view")
@require_GET
def route_list(request: HttpRequest) -> HttpResponse:
    routes = selectors.route_list(partnership=request.partnership)
    return render(request, "routes/route_list.html", {"routes": routes})


@partnership_view("routes.manage")
@require_http_methods(["GET", "POST"])
def route_create(request: HttpRequest) -> HttpResponse:
    form = RouteForm(request.POST or None, partnership=request.partnership)
    if form.is_valid():
        try:
            route = services.route_create(
                partnership=request.partnership,
                by=request.membership,
                **form.cleaned_data,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request,
                _(
                    "%(name)s has been created, with a party for each school and its "
                    "step plan."
                )
                % {"name": route.name},
            )
            return to_detail(request, route)
    return render(request, "routes/route_form.html", {"form": form, "route": None})


@partnership_view("routes.view")
@require_GET
def route_detail(request: HttpRequest, route_id: int) -> HttpResponse:
    route = selectors.route_for_page(partnership=request.partnership, route_id=route_id)
    if route is None:
        raise Http404
    context = {
        "route": route,
        "route_texts": [
            (Leerroute._meta.get_field(name).verbose_name, getattr(route, name))
            for name in TEXT_FIELDS
        ],
        "manage": request.membership.has_perm("routes.manage"),
        "overview": selectors.party_overview(route),
    }
    # The step plan (roadmaps) and the reflection sessions (reflection), registered
    # by those apps as parts of a route.
    for part in route_parts():
        if part.page:
            context |= part.page(request, route)
    return render(request, "routes/route_detail.html", context)


@partnership_view("routes.manage")
@require_http_methods(["GET", "POST"])
def route_edit(request: HttpRequest, route_id: int) -> HttpResponse:
    route = route_of(request, route_id)
    form = RouteForm(request.POST or None, partnership=request.partnership, route=route)
    if form.is_valid():
        try:
            change = services.route_update(
                route=route, by=request.membership, **form.cleaned_data
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            _report(request, change)
            return to_detail(request, route)
    return render(request, "routes/route_form.html", {"form": form, "route": route})


def _report(request: HttpRequest, change: RouteChange) -> None:
    messages.success(
        request, _("%(name)s has been saved.") % {"name": change.route.name}
    )
    if change.added:
        messages.info(
            request,
            _("Added as parties: %(names)s.")
            % {"names": ", ".join(o.name for o in change.added)},
        )
    if change.removed:
        messages.info(
            request,
            _("No longer parties: %(names)s.")
            % {"names": ", ".join(o.name for o in change.removed)},
        )
    for party in change.kept:
        messages.warning(
            request,
            _(
                "%(name)s is no longer one of the route's schools, but stays a party "
                "because a signatory, tasks, money or a council decision is recorded "
                "for it. Remove the party yourself if it must go."
            )
            % {"name": party.organisation.name},
        )


@partnership_view("routes.manage")
@require_http_methods(["GET", "POST"])
def route_delete(request: HttpRequest, route_id: int) -> HttpResponse:
    route = route_of(request, route_id)
    if request.method == "POST":
        name = route.name
        services.route_delete(route=route)
        messages.success(request, _("%(name)s has been deleted.") % {"name": name})
        return redirect("routes:route_list", partnership_slug=request.partnership.slug)
    return render(
        request,
        "routes/route_delete.html",
        {"route": route, "contents": selectors.route_contents(route)},
    )
