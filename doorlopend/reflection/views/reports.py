"""The PDF report of a session (asked for, polled, downloaded) and the XLSX of its results."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from doorlopend.core.files import stored_file_response
from doorlopend.core.job_views import job_cancel_page, job_retry_page
from doorlopend.partnerships.access import partnership_view

from .. import export
from ..models import Report, Session
from ..report import report_filename
from ..services import reports as report_services
from .access import session_get

STATUS_TEMPLATE = "reflection/_report_status.html"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _session(request: HttpRequest, session_id: int) -> Session:
    return session_get(
        request,
        session_id,
        queryset=Session.objects.select_related("instrument", "leerroute"),
    )


@partnership_view("reflection.manage")
@require_POST
def report_create(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _session(request, session_id)
    report, error = None, ""
    try:
        report = report_services.report_request(
            session=session, by=request.membership, language=request.LANGUAGE_CODE
        )
    except ValidationError as e:
        error = " ".join(e.messages)
    if request.htmx:
        context = {"session": session, "report": report, "error": error}
        return render(request, STATUS_TEMPLATE, context)
    if error:
        messages.error(request, error)
    else:
        messages.info(
            request, _("The report is being made; it appears here when it is ready.")
        )
    url = reverse(
        "reflection:session_detail", args=[request.partnership.slug, session.pk]
    )
    return redirect(f"{url}?tab=verslag")


@partnership_view("reflection.view")
@require_GET
def report_status(
    request: HttpRequest, session_id: int, report_id: int
) -> HttpResponse:
    """The status fragment; while the report is being made, htmx polls it every 2 s."""
    session = _session(request, session_id)
    report = get_object_or_404(Report, pk=report_id, session=session)
    return render(request, STATUS_TEMPLATE, {"session": session, "report": report})


@partnership_view("reflection.manage")
@require_http_methods(["GET", "POST"])
def report_cancel(
    request: HttpRequest, session_id: int, report_id: int
) -> HttpResponse:
    """Confirm, then cancel a report that waits or is being made."""
    session = _session(request, session_id)
    report = get_object_or_404(Report, pk=report_id, session=session)
    back = (
        reverse(
            "reflection:session_detail", args=[request.partnership.slug, session.pk]
        )
        + "?tab=verslag"
    )
    what = _("making the report")
    return job_cancel_page(request, job=report, what=what, back_url=back)


@partnership_view("reflection.manage")
@require_POST
def report_retry(request: HttpRequest, session_id: int, report_id: int) -> HttpResponse:
    """Make a report that failed, stopped or was cancelled again."""
    session = _session(request, session_id)
    report = get_object_or_404(Report, pk=report_id, session=session)
    back = (
        reverse(
            "reflection:session_detail", args=[request.partnership.slug, session.pk]
        )
        + "?tab=verslag"
    )
    return job_retry_page(request, job=report, back_url=back)


@partnership_view("reflection.view")
@require_GET
def report_download(
    request: HttpRequest, session_id: int, report_id: int
) -> FileResponse:
    session = _session(request, session_id)
    report = get_object_or_404(
        Report, pk=report_id, session=session, status=Report.Status.DONE
    )
    return stored_file_response(
        report.file,
        filename=report_filename(session, "pdf"),
        content_type="application/pdf",
    )


@partnership_view("reflection.view")
@require_GET
def results_xlsx(request: HttpRequest, session_id: int) -> HttpResponse:
    """The session's aggregated results as a workbook; never one row per participant."""
    session = _session(request, session_id)
    response = HttpResponse(export.results_xlsx(session), content_type=XLSX)
    filename = report_filename(session, "xlsx")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
