"""A school's LOB-scan: the scan page (schools, starting a scan, the partnership beside
each other), a school's results, and a weak element made into an action point."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from doorlopend.partnerships.access import partnership_view
from doorlopend.partnerships.models import Organisation

from .. import charts, selectors
from ..forms.scans import ScanStartForm
from ..models import Session
from ..selectors import scans
from ..services import scans as scan_services
from .access import session_get


def _runnable(request: HttpRequest, schools: list[Organisation]) -> list[Organisation]:
    return [
        s
        for s in schools
        if request.membership.has_perm("reflection.run_school_scan", s)
    ]


@partnership_view("reflection.scan_overview")
@require_GET
def scan_overview(request: HttpRequest) -> HttpResponse:
    schools = scans.schools_for(
        partnership=request.partnership, viewer=request.membership
    )
    context = {
        "schools": schools,
        "can_start": bool(_runnable(request, schools)),
        "comparison": scans.comparison(
            partnership=request.partnership, viewer=request.membership
        ),
        "min_schools": scans.MIN_SCHOOLS,
    }
    return render(request, "reflection/scan_overview.html", context)


@partnership_view("reflection.run_school_scan")
@require_http_methods(["GET", "POST"])
def scan_start(request: HttpRequest) -> HttpResponse:
    schools = scans.schools_for(
        partnership=request.partnership, viewer=request.membership
    )
    initial = {"school": request.GET.get("school", "")}
    form = ScanStartForm(
        request.POST or None, initial=initial, schools=_runnable(request, schools)
    )
    if form.is_valid():
        try:
            session = scan_services.scan_start(
                by=request.membership, **form.cleaned_data
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request, _("Scan created. Open it when the team is ready.")
            )
            return redirect(
                "reflection:session_detail", request.partnership.slug, session.pk
            )
    return render(request, "reflection/scan_start.html", {"form": form})


@partnership_view("reflection.view_school_scan")
@require_GET
def scan_school(request: HttpRequest, school_id: int) -> HttpResponse:
    school = get_object_or_404(
        Organisation, pk=school_id, partnership=request.partnership
    )
    if not request.membership.has_perm("reflection.view_school_scan", school):
        raise Http404("No scan of this school for this member")
    all_scans = list(scans.school_scans(partnership=request.partnership, school=school))
    with_results = [s for s in all_scans if s.participant_count]
    summary = scans.scan_summary(with_results[0]) if with_results else None
    context = {
        "school": school,
        "scans": all_scans,
        "summary": summary,
        "uses_radar": bool(summary) and charts.uses_radar(summary.results),
        "trend": scans.school_trend(scans=all_scans),
        "comparison": scans.comparison(
            partnership=request.partnership, viewer=request.membership
        ),
        "can_run": request.membership.has_perm("reflection.run_school_scan", school),
        "action_points": (
            selectors.action_point_list(
                partnership=request.partnership, session=summary.session
            )
            if summary
            else []
        ),
    }
    return render(request, "reflection/scan_school.html", context)


@partnership_view("reflection.run_school_scan")
@require_POST
def scan_action_point(request: HttpRequest, session_id: int) -> HttpResponse:
    session = session_get(
        request,
        session_id,
        perm="reflection.facilitate",
        queryset=Session.objects.select_related("instrument", "organisation"),
    )
    if not session.is_school_scan:
        raise Http404("Not a school's scan")
    try:
        point = scan_services.scan_action_point(
            session=session,
            element_key=request.POST.get("element", ""),
            by=request.membership,
        )
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(
            request, _("Action point “%(title)s” added.") % {"title": point.title}
        )
    url = reverse(
        "reflection:scan_school",
        args=[request.partnership.slug, session.organisation_id],
    )
    return redirect(f"{url}#weak-elements")
