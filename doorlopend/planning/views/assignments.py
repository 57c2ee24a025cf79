"""The veranderopdracht per school: the cross-school overview, one school, its changes.

Everyone on staff reads; the coördinator changes any school's assignment, a
portefeuillehouder only their own (the rule `planning.assignment` about the school: 403
otherwise, also on showing the form).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from doorlopend.core.submit_once import submit_once
from doorlopend.partnerships.access import partnership_view
from doorlopend.partnerships.models import SCHOOL_KINDS, Organisation

from ..forms.assignments import AssignmentForm, MilestoneForm, ProgressUpdateForm
from ..models import Milestone
from ..selectors import assignments as selectors
from ..services import assignments as services
from .tasks import posted


def _school(request: HttpRequest, organisation_id: int) -> Organisation:
    school = get_object_or_404(
        Organisation,
        pk=organisation_id,
        partnership=request.partnership,
        kind__in=SCHOOL_KINDS,
    )
    school.partnership = request.partnership
    return school


def _changeable(request: HttpRequest, organisation_id: int) -> Organisation:
    school = _school(request, organisation_id)
    if not request.membership.has_perm("planning.assignment", school):
        raise PermissionDenied
    return school


def _to_detail(request: HttpRequest, school: Organisation) -> HttpResponse:
    return redirect("planning:assignment_detail", request.partnership.slug, school.pk)


@partnership_view("planning.view")
@require_GET
def assignments(request: HttpRequest) -> HttpResponse:
    rows = selectors.assignment_overview(partnership=request.partnership)
    return render(request, "planning/assignments/assignments.html", {"rows": rows})


@partnership_view("planning.view")
@require_GET
def assignment_detail(request: HttpRequest, organisation_id: int) -> HttpResponse:
    school = _school(request, organisation_id)
    context = {
        "detail": selectors.assignment_detail(organisation=school),
        "can_change": request.membership.has_perm("planning.assignment", school),
    }
    if context["can_change"]:
        context["milestone_form"] = MilestoneForm()
        context["update_form"] = ProgressUpdateForm()
    return render(request, "planning/assignments/assignment_detail.html", context)


@partnership_view("planning.assignment")
@require_http_methods(["GET", "POST"])
def assignment_edit(request: HttpRequest, organisation_id: int) -> HttpResponse:
    school = _changeable(request, organisation_id)
    detail = selectors.assignment_detail(organisation=school)
    form = AssignmentForm(posted(request), assignment=detail.assignment)
    if form.is_valid():
        try:
            services.assignment_save(
                organisation=school, by=request.membership, **form.cleaned_data
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("The change assignment has been saved."))
            return _to_detail(request, school)
    return render(
        request,
        "planning/assignments/assignment_form.html",
        {"form": form, "detail": detail},
    )


def _add(request: HttpRequest, organisation_id: int, form_class, add, title, saved):
    """A milestone or a progress update for a school's assignment: one form, one button
    (pressed twice, it adds one: core.submit_once)."""
    school = _changeable(request, organisation_id)
    form = form_class(posted(request))
    if form.is_valid():
        try:
            submit_once(
                request,
                lambda: add(
                    organisation=school, by=request.membership, **form.cleaned_data
                ),
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, saved)
            return _to_detail(request, school)
    return render(
        request,
        "planning/assignments/add_form.html",
        {"form": form, "school": school, "title": title},
    )


@partnership_view("planning.assignment")
@require_http_methods(["GET", "POST"])
def milestone_add(request: HttpRequest, organisation_id: int) -> HttpResponse:
    return _add(
        request,
        organisation_id,
        MilestoneForm,
        services.milestone_add,
        _("Add a milestone"),
        _("The milestone has been added."),
    )


def _milestone(school: Organisation, milestone_id: int) -> Milestone:
    milestone = get_object_or_404(
        Milestone.objects.select_related("assignment"),
        pk=milestone_id,
        assignment__organisation=school,
        assignment__partnership=school.partnership,
    )
    milestone.assignment.organisation = school
    return milestone


@partnership_view("planning.assignment")
@require_POST
def milestone_toggle(
    request: HttpRequest, organisation_id: int, milestone_id: int
) -> HttpResponse:
    school = _changeable(request, organisation_id)
    milestone = services.milestone_toggle(
        milestone=_milestone(school, milestone_id), by=request.membership
    )
    if milestone.done:
        messages.success(request, _("Milestone marked as reached."))
    else:
        messages.success(request, _("Milestone marked as not reached."))
    return _to_detail(request, school)


@partnership_view("planning.assignment")
@require_http_methods(["GET", "POST"])
def milestone_delete(
    request: HttpRequest, organisation_id: int, milestone_id: int
) -> HttpResponse:
    school = _changeable(request, organisation_id)
    milestone = _milestone(school, milestone_id)
    if request.method == "POST":
        services.milestone_delete(milestone=milestone, by=request.membership)
        messages.success(request, _("The milestone has been deleted."))
        return _to_detail(request, school)
    return render(
        request,
        "planning/assignments/milestone_delete.html",
        {"milestone": milestone, "school": school},
    )


@partnership_view("planning.assignment")
@require_http_methods(["GET", "POST"])
def update_add(request: HttpRequest, organisation_id: int) -> HttpResponse:
    return _add(
        request,
        organisation_id,
        ProgressUpdateForm,
        services.progress_update_add,
        _("Add a progress update"),
        _("The progress update has been added."),
    )
