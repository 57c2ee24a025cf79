"""The voortgangsrapportage page: make a version (in the background), poll, compare
(`kind_views`, as the covenant's Word file)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from doorlopend.partnerships.access import partnership_view

from . import report_services as services
from .kind_views import KindPages

PAGES = KindPages(
    kind=services.KIND,
    status_template="documents/report/_status.html",
    page="progress_report:report",
    page_label=_("Voortgangsrapportage"),
    compare="progress_report:report_compare",
    making=_("The report is being made; it appears here when it is ready."),
)


@partnership_view("planning.view")
@require_GET
def report(request: HttpRequest) -> HttpResponse:
    context = {"section": PAGES.section(request)}
    return render(request, "documents/report/report.html", context)


@partnership_view("planning.manage")
@require_POST
def report_make(request: HttpRequest) -> HttpResponse:
    return PAGES.make(
        request,
        lambda: services.report_request(
            partnership=request.partnership,
            by=request.membership,
            language=request.LANGUAGE_CODE,
        ),
    )


@partnership_view("planning.view")
@require_GET
def report_status(request: HttpRequest) -> HttpResponse:
    return PAGES.status(request)


@partnership_view("planning.view")
@require_GET
def report_compare(request: HttpRequest) -> HttpResponse:
    return PAGES.compare_page(request)
