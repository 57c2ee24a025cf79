"""The communication plan: everyone on staff reads it, the coördinator keeps it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from doorlopend.partnerships.access import partnership_view

from ..forms.communication import AudienceFilterForm, CommunicationItemForm
from ..models import CommunicationItem
from ..selectors import communication as selectors
from ..services import communication as services
from .tasks import posted


def _item(request: HttpRequest, item_id: int) -> CommunicationItem:
    return get_object_or_404(
        CommunicationItem, pk=item_id, partnership=request.partnership
    )


def _to_plan(request: HttpRequest) -> HttpResponse:
    return redirect("planning:communication", request.partnership.slug)


@partnership_view("planning.view")
@require_GET
def communication(request: HttpRequest) -> HttpResponse:
    form = AudienceFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    items = list(
        selectors.communication_items(
            partnership=request.partnership, audience=filters.get("audience") or None
        )
    )
    per_audience = filters.get("view") == "audience"
    return render(
        request,
        "planning/communication/communication.html",
        {
            "form": form,
            "items": items,
            "groups": selectors.by_audience(items) if per_audience else None,
            "filtered": bool(filters.get("audience")),
        },
    )


def _form_page(request: HttpRequest, item: CommunicationItem | None) -> HttpResponse:
    form = CommunicationItemForm(
        posted(request), partnership=request.partnership, item=item
    )
    if form.is_valid():
        try:
            if item is None:
                services.communication_item_create(
                    partnership=request.partnership, **form.cleaned_data
                )
            else:
                services.communication_item_update(item=item, **form.cleaned_data)
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("The communication plan has been saved."))
            return _to_plan(request)
    return render(
        request,
        "planning/communication/communication_form.html",
        {"form": form, "item": item},
    )


@partnership_view("planning.manage")
@require_http_methods(["GET", "POST"])
def communication_create(request: HttpRequest) -> HttpResponse:
    return _form_page(request, None)


@partnership_view("planning.manage")
@require_http_methods(["GET", "POST"])
def communication_edit(request: HttpRequest, item_id: int) -> HttpResponse:
    return _form_page(request, _item(request, item_id))


@partnership_view("planning.manage")
@require_http_methods(["GET", "POST"])
def communication_delete(request: HttpRequest, item_id: int) -> HttpResponse:
    item = _item(request, item_id)
    if request.method == "POST":
        services.communication_item_delete(item=item)
        messages.success(request, _("The line has been removed from the plan."))
        return _to_plan(request)
    return render(
        request, "planning/communication/communication_delete.html", {"item": item}
    )
