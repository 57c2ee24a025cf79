"""The privacy officer's pages for their school: the access log (page and CSV) and the
retention report. The school in the URL must be one where the member is privacy officer."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from doorlopend.core import tabular
from doorlopend.partnerships.access import partnership_view

from ..forms.pupils import PrivacyLogFilterForm
from ..selectors import privacy as selectors

PER_PAGE = 50


def _entries(request: HttpRequest, school):
    form = PrivacyLogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = selectors.access_log(
        school=school,
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
        action=filters.get("action", ""),
    )
    return form, entries


@partnership_view("transitions.privacy")
@require_GET
def privacy_log(request: HttpRequest, school_id: int) -> HttpResponse:
    school = selectors.school_for_privacy(request.membership, school_id)
    form, entries = _entries(request, school)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    context = {"school": school, "form": form, "page": page}
    return render(request, "transitions/privacy/privacy_log.html", context)


@partnership_view("transitions.privacy")
@require_GET
def privacy_log_export(request: HttpRequest, school_id: int) -> HttpResponse:
    school = selectors.school_for_privacy(request.membership, school_id)
    _form, entries = _entries(request, school)
    header = [
        _("when"),
        _("who"),
        _("action"),
        _("object type"),
        _("pupils (ids)"),
        _("purpose"),
        _("description"),
        _("request id"),
    ]

    def rows():
        yield header
        for e in entries.iterator(chunk_size=2000):
            yield (
                [
                    e.at,
                    e.actor_label,
                    e.action,
                    e.object_type,
                    " ".join(str(i) for i in e.object_ids),
                    e.purpose,
                    e.object_label,
                    e.request_id,
                ]
            )

    response = StreamingHttpResponse(
        tabular.csv_lines(rows()), content_type="text/csv; charset=utf-8"
    )
    filename = f"logboek-{school.pk}-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@partnership_view("transitions.privacy")
@require_GET
def retention_report(request: HttpRequest, school_id: int) -> HttpResponse:
    school = selectors.school_for_privacy(request.membership, school_id)
    rows = selectors.retention_rows(partnership=request.partnership, school=school)
    context = {
        "school": school,
        "rows": rows,
        "announced": sum(1 for r in rows if r.announced_on),
        "notice_days": settings.TRANSITIONS_RETENTION_NOTICE_DAYS,
        "retention_years": settings.TRANSITIONS_RETENTION_YEARS,
    }
    return render(request, "transitions/privacy/retention_report.html", context)
