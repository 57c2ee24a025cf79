"""The vision: its newest version, editing (a new version), history, partners' needs."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from doorlopend.partnerships.access import partnership_view
from doorlopend.partnerships.models import Organisation

from ..forms.vision import ExpectationForm, VisionForm
from ..models import PartnerExpectation
from ..selectors import vision as selectors
from ..services import vision as services


def _to_vision(request: HttpRequest) -> HttpResponse:
    return redirect("planning:vision", request.partnership.slug)


@partnership_view("planning.view")
@require_GET
def vision(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "planning/vision/vision.html",
        {
            "version": selectors.current_vision(partnership=request.partnership),
            "partners": selectors.partner_needs(partnership=request.partnership),
            "can_manage": request.membership.has_perm("planning.manage"),
        },
    )


@partnership_view("planning.manage")
@require_http_methods(["GET", "POST"])
def vision_edit(request: HttpRequest) -> HttpResponse:
    current = selectors.current_vision(partnership=request.partnership)
    initial = (
        {n: getattr(current, n) for n, _l in selectors.VISION_TEXTS} if current else {}
    )
    form = VisionForm(request.POST or None, initial=initial)
    if form.is_valid():
        version = services.vision_save(
            partnership=request.partnership, by=request.membership, **form.cleaned_data
        )
        if version is None:
            messages.info(request, _("Nothing changed; no new version was saved."))
        else:
            messages.success(request, _("The vision has been saved as a new version."))
        return _to_vision(request)
    return render(request, "planning/vision/vision_edit.html", {"form": form})


@partnership_view("planning.view")
@require_GET
def vision_history(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "planning/vision/vision_history.html",
        {"entries": selectors.vision_history(partnership=request.partnership)},
    )


@partnership_view("planning.manage")
@require_http_methods(["GET", "POST"])
def expectation_edit(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation, pk=organisation_id, partnership=request.partnership
    )
    row = PartnerExpectation.objects.filter(
        partnership=request.partnership, organisation=organisation
    ).first()
    initial = {"needs": row.needs, "expectations": row.expectations} if row else {}
    form = ExpectationForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            services.expectation_save(
                partnership=request.partnership,
                organisation=organisation,
                by=request.membership,
                **form.cleaned_data,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request,
                _("The needs and expectations of %(name)s have been saved.")
                % {"name": organisation},
            )
            return redirect(f"{_to_vision(request).url}#partner-{organisation.pk}")
    return render(
        request,
        "planning/vision/expectation_edit.html",
        {"form": form, "organisation": organisation},
    )
