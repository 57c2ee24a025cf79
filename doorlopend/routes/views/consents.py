"""Decisions of the participation councils (MR, GMR, OR, studentenraad) on a route."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from doorlopend.core.files import stored_file_response
from doorlopend.partnerships.access import partnership_view

from .. import services
from ..forms.parties import ConsentForm
from ..models import Consent
from .common import route_of, to_detail


def _consent(request: HttpRequest, route_id: int, consent_id: int) -> Consent:
    route = route_of(request, route_id)
    consent = get_object_or_404(
        Consent.objects.select_related("organisation"), pk=consent_id, route=route
    )
    consent.route = route
    return consent


@partnership_view("routes.manage")
@require_http_methods(["GET", "POST"])
def consent_create(request: HttpRequest, route_id: int) -> HttpResponse:
    route = route_of(request, route_id)
    initial = {"organisation": request.GET.get("organisation")}
    form = ConsentForm(
        request.POST or None, request.FILES or None, route=route, initial=initial
    )
    if form.is_valid():
        try:
            consent = services.consent_create(
                route=route, by=request.membership, **form.cleaned_data
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request,
                _("The decision of %(body)s of %(name)s has been recorded.")
                % {"body": consent.get_body_display(), "name": consent.organisation},
            )
            return to_detail(request, route, "consents")
    return render(request, "routes/consent_form.html", {"form": form, "route": route})


@partnership_view("routes.manage")
@require_http_methods(["GET", "POST"])
def consent_delete(
    request: HttpRequest, route_id: int, consent_id: int
) -> HttpResponse:
    consent = _consent(request, route_id, consent_id)
    if request.method == "POST":
        services.consent_delete(consent=consent)
        messages.success(request, _("The decision has been deleted."))
        return to_detail(request, consent.route, "consents")
    return render(
        request,
        "routes/consent_delete.html",
        {"consent": consent, "route": consent.route},
    )


@partnership_view("routes.view")
@require_GET
def consent_document(
    request: HttpRequest, route_id: int, consent_id: int
) -> HttpResponse:
    consent = _consent(request, route_id, consent_id)
    return stored_file_response(consent.document)
