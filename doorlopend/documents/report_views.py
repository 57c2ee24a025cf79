"""The voortgangsrapportage page: make a version (in the background), poll, compare.

The files are downloaded through documents:download, like every generated document.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from doorlopend.partnerships.access import partnership_view

from . import report_services as services
from . import selectors as documents
from .models import GeneratedDocument

STATUS_TEMPLATE = "documents/report/_status.html"


def _section(request: HttpRequest):
    return documents.partnership_kind_section(
        partnership=request.partnership, kind=services.KIND
    )


@partnership_view("planning.view")
@require_GET
def report(request: HttpRequest) -> HttpResponse:
    context = {"section": _section(request)}
    return render(request, "documents/report/report.html", context)


@partnership_view("planning.manage")
@require_POST
def report_make(request: HttpRequest) -> HttpResponse:
    services.report_request(
        partnership=request.partnership,
        by=request.membership,
        language=request.LANGUAGE_CODE,
    )
    if request.htmx:
        context = {"section": _section(request), "oob": True}
        return render(request, STATUS_TEMPLATE, context)
    messages.info(
        request, _("The report is being made; it appears here when it is ready.")
    )
    return redirect("progress_report:report", request.partnership.slug)


@partnership_view("planning.view")
@require_GET
def report_status(request: HttpRequest) -> HttpResponse:
    """htmx polls this every 2 s while a version is being made; once it is finished the
    fragment also swaps in the new list of versions."""
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
        kind=services.KIND,
        status=GeneratedDocument.Status.DONE,
    )


@partnership_view("planning.view")
@require_GET
def report_compare(request: HttpRequest) -> HttpResponse:
    """Two versions line by line (?a=<id>&b=<id>), the earlier one first."""
    section = _section(request)
    slug = request.partnership.slug
    context = {
        "section": section,
        "back_url": reverse("progress_report:report", args=[slug]),
        "back_label": _("Voortgangsrapportage"),
        "compare_url": reverse("progress_report:report_compare", args=[slug]),
    }
    if request.GET.get("a") and request.GET.get("b"):
        a, b = (_version(request, request.GET[key]) for key in ("a", "b"))
        context |= documents.compare_context(section, a, b)
    return render(request, "documents/compare.html", context)
