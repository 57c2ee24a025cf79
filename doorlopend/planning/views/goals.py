"""SMART goals: the list, one goal with its measurements and history, and their forms."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from doorlopend.partnerships.access import partnership_view

from .. import charts
from ..action_lines import action_line_choices
from ..forms.goals import GoalEditForm, GoalForm, MeasurementForm
from ..models import Goal, Measurement
from ..selectors import goals as selectors
from ..services import goals as services
from ._schools import filter_context, preset_school, require_keep


def _goal(request: HttpRequest, goal_id: int) -> Goal:
    return get_object_or_404(
        Goal.objects.select_related("owner__user", "partnership", "school"),
        pk=goal_id,
        partnership=request.partnership,
    )


def _goal_to_keep(request: HttpRequest, goal_id: int) -> Goal:
    goal = _goal(request, goal_id)
    require_keep(request, goal)
    return goal


def _to_goal(request: HttpRequest, goal: Goal, anchor: str = "") -> HttpResponse:
    response = redirect("planning:goal_detail", request.partnership.slug, goal.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


@partnership_view("planning.view")
@require_GET
def goal_list(request: HttpRequest) -> HttpResponse:
    choices = action_line_choices()
    chosen = request.GET.get("line", "")
    chosen = chosen if chosen in dict(choices) else ""
    context = filter_context(request)
    lines = selectors.goal_lines(
        partnership=request.partnership,
        action_line=chosen,
        line_choices=choices,
        owner=context["owner"],
    )
    context |= {"lines": lines, "action_lines": choices, "chosen_line": chosen}
    return render(request, "planning/goals/goal_list.html", context)


@partnership_view("planning.keep_item")
@require_http_methods(["GET", "POST"])
def goal_create(request: HttpRequest) -> HttpResponse:
    form = GoalForm(
        request.POST or None,
        partnership=request.partnership,
        membership=request.membership,
        school=preset_school(request),
    )
    if form.is_valid():
        try:
            goal = services.goal_create(
                partnership=request.partnership,
                by=request.membership,
                **form.cleaned_data,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("The goal has been saved."))
            return _to_goal(request, goal)
    return render(
        request, "planning/goals/goal_form.html", {"form": form, "goal": None}
    )


@partnership_view("planning.view")
@require_GET
def goal_detail(request: HttpRequest, goal_id: int) -> HttpResponse:
    page = selectors.goal_page(goal=_goal(request, goal_id))
    return render(
        request,
        "planning/goals/goal_detail.html",
        {
            "page": page,
            "goal": page.goal,
            "chart": charts.goal_chart_data_uri(page.goal, page.measurements),
            "form": MeasurementForm(),
            "can_manage": request.membership.has_perm("planning.keep_item", page.goal),
        },
    )


@partnership_view("planning.keep_item")
@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = _goal_to_keep(request, goal_id)
    form = GoalEditForm(
        request.POST or None,
        partnership=request.partnership,
        goal=goal,
        membership=request.membership,
    )
    if form.is_valid():
        try:
            services.goal_update(goal=goal, by=request.membership, **form.cleaned_data)
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("The goal has been saved."))
            return _to_goal(request, goal)
    return render(
        request, "planning/goals/goal_form.html", {"form": form, "goal": goal}
    )


@partnership_view("planning.keep_item")
@require_http_methods(["GET", "POST"])
def goal_delete(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = _goal_to_keep(request, goal_id)
    if request.method == "POST":
        try:
            services.goal_delete(goal=goal, by=request.membership)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
            return _to_goal(request, goal)
        messages.success(
            request, _("The goal %(title)s has been deleted.") % {"title": goal}
        )
        return redirect("planning:goal_list", request.partnership.slug)
    blockers = services.goal_delete_blockers(goal=goal)
    return render(
        request, "planning/goals/goal_delete.html", {"goal": goal, "blockers": blockers}
    )


@partnership_view("planning.keep_item")
@require_http_methods(["GET", "POST"])
def measurement_add(request: HttpRequest, goal_id: int) -> HttpResponse:
    goal = _goal_to_keep(request, goal_id)
    form = MeasurementForm(request.POST or None)
    if form.is_valid():
        try:
            services.measurement_add(
                goal=goal, by=request.membership, **form.cleaned_data
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("The measurement has been added."))
            return _to_goal(request, goal, "measurements")
    return render(
        request, "planning/goals/measurement_add.html", {"form": form, "goal": goal}
    )


@partnership_view("planning.keep_item")
@require_http_methods(["GET", "POST"])
def measurement_delete(
    request: HttpRequest, goal_id: int, measurement_id: int
) -> HttpResponse:
    goal = _goal_to_keep(request, goal_id)
    measurement = get_object_or_404(Measurement, pk=measurement_id, goal=goal)
    if request.method == "POST":
        services.measurement_delete(measurement=measurement, by=request.membership)
        messages.success(request, _("The measurement has been deleted."))
        return _to_goal(request, goal, "measurements")
    return render(
        request,
        "planning/goals/measurement_delete.html",
        {"goal": goal, "measurement": measurement},
    )
