"""A school's own LOB plan: its vision (with versions), goals, activities and budget,
kept by its portefeuillehouder and decaan.

Everyone on staff reads every school's plan; the coördinator changes any school's, a
portefeuillehouder or decaan only their own (the rule `planning.school_plan` about the
school: 403 otherwise, also on showing the form). The pages are those of the
partnership's vision, with the school's versions (`selectors.vision` with `school=`); its
goals, activities and budget lines are added and edited on the plan's own pages.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from doorlopend.partnerships.access import partnership_view
from doorlopend.partnerships.models import SCHOOL_KINDS, Organisation

from ..forms.vision import SchoolVisionForm
from ..selectors import school_plans as selectors
from ..selectors import vision as vision_selectors
from ..services import vision as vision_services


def _school(request: HttpRequest, organisation_id: int) -> Organisation:
    school = get_object_or_404(
        Organisation,
        pk=organisation_id,
        partnership=request.partnership,
        kind__in=SCHOOL_KINDS,
    )
    school.partnership = request.partnership
    return school


@partnership_view("planning.view")
@require_GET
def school_plans(request: HttpRequest) -> HttpResponse:
    rows = selectors.school_plan_rows(partnership=request.partnership)
    return render(request, "planning/school_plan/school_plans.html", {"rows": rows})


@partnership_view("planning.view")
@require_GET
def school_plan(request: HttpRequest, organisation_id: int) -> HttpResponse:
    school = _school(request, organisation_id)
    plan = selectors.school_plan(school=school, membership=request.membership)
    return render(request, "planning/school_plan/school_plan.html", {"plan": plan})


@partnership_view("planning.school_plan")
@require_http_methods(["GET", "POST"])
def school_vision_edit(request: HttpRequest, organisation_id: int) -> HttpResponse:
    school = _school(request, organisation_id)
    if not request.membership.has_perm("planning.school_plan", school):
        raise PermissionDenied
    current = vision_selectors.current_vision(
        partnership=request.partnership, school=school
    )
    fields = SchoolVisionForm.base_fields
    initial = {n: getattr(current, n) for n in fields} if current else {}
    form = SchoolVisionForm(request.POST or None, initial=initial)
    if form.is_valid():
        version = vision_services.vision_save(
            partnership=request.partnership,
            school=school,
            definition="",
            by=request.membership,
            **form.cleaned_data,
        )
        if version is None:
            messages.info(request, _("Nothing changed; no new version was saved."))
        else:
            messages.success(
                request, _("The school's vision has been saved as a new version.")
            )
        return redirect("planning:school_plan", request.partnership.slug, school.pk)
    return render(
        request,
        "planning/school_plan/school_vision_edit.html",
        {"form": form, "school": school},
    )


@partnership_view("planning.view")
@require_GET
def school_vision_history(request: HttpRequest, organisation_id: int) -> HttpResponse:
    school = _school(request, organisation_id)
    entries = vision_selectors.vision_history(
        partnership=request.partnership, school=school
    )
    return render(
        request,
        "planning/school_plan/school_vision_history.html",
        {"entries": entries, "school": school},
    )
