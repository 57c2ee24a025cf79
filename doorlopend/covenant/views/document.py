"""The covenant's Word file: made in the background by documents, polled, compared.

Files download through documents:download, like every generated document.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from doorlopend.documents.models import GeneratedDocument, Kind
from doorlopend.documents.selectors import compare_context, partnership_kind_section
from doorlopend.partnerships.access import partnership_view

from .. import services
from .pages import covenant_or_404

STATUS_TEMPLATE = "covenant/_document_status.html"


def _section(request: HttpRequest):
    return partnership_kind_section(partnership=request.partnership, kind=Kind.COVENANT)


@partnership_view("covenant.manage")
@require_POST
def document_make(request: HttpRequest) -> HttpResponse:
    covenant = covenant_or_404(request)
    try:
        services.covenant_document_request(
            covenant=covenant, by=request.membership, language=request.LANGUAGE_CODE
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("covenant:detail", request.partnership.slug)
    if request.htmx:
        context = {"section": _section(request), "oob": True}
        return render(request, STATUS_TEMPLATE, context)
    messages.info(
        request, _("The Word file is being made; it appears here when it is ready.")
    )
    return redirect("covenant:detail", request.partnership.slug)


@partnership_view("covenant.view")
@require_GET
def document_status(request: HttpRequest) -> HttpResponse:
    """htmx polls this every 2 s while a version is being made."""
    context = {"section": _section(request), "oob": True}
    return render(request, STATUS_TEMPLATE, context)


def _version(request: HttpRequest, value: str) -> GeneratedDocument:
    if not value.isdigit():
        raise Http404("No such version.")
    return get_object_or_404(
        GeneratedDocument,
        pk=int(value),
        partnership=request.partnership,
        route__isnull=True,
        kind=Kind.COVENANT,
        status=GeneratedDocument.Status.DONE,
    )


@partnership_view("covenant.view")
@require_GET
def document_compare(request: HttpRequest) -> HttpResponse:
    """Two versions line by line (?a=<id>&b=<id>), the earlier one first."""
    section = _section(request)
    slug = request.partnership.slug
    context = {
        "section": section,
        "back_url": reverse("covenant:detail", args=[slug]),
        "back_label": _("Regional covenant"),
        "compare_url": reverse("covenant:document_compare", args=[slug]),
    }
    if request.GET.get("a") and request.GET.get("b"):
        a, b = (_version(request, request.GET[key]) for key in ("a", "b"))
        context |= compare_context(section, a, b)
    return render(request, "documents/compare.html", context)
