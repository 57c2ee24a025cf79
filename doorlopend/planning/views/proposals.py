"""What members who do not keep the plan add to it: a proposed activity (and the
coördinator's decision on it), the evaluation of an activity they are listed on, and a
task for themselves."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from doorlopend.partnerships.access import partnership_view

from ..forms.proposals import DecisionForm, EvaluationForm, OwnTaskForm, ProposalForm
from ..models import Activity
from ..selectors import activities as selectors
from ..services import activities as services
from ..services import tasks as task_services
from .activities import detail_context
from .tasks import posted


def _activity(request: HttpRequest, activity_id: int) -> Activity:
    activity = selectors.activity_for_page(
        partnership=request.partnership, activity_id=activity_id
    )
    if activity is None:
        raise Http404
    return activity


def _to_detail(request: HttpRequest, activity: Activity, anchor: str = ""):
    url = reverse(
        "planning:activity_detail", args=[request.partnership.slug, activity.pk]
    )
    return redirect(f"{url}#{anchor}" if anchor else url)


@partnership_view("planning.propose_activity")
@require_http_methods(["GET", "POST"])
def activity_propose(request: HttpRequest) -> HttpResponse:
    form = ProposalForm(posted(request), partnership=request.partnership)
    if form.is_valid():
        try:
            activity = services.activity_propose(
                partnership=request.partnership,
                by=request.membership,
                **form.cleaned_data,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            text = (
                _("%(title)s has been planned.")
                if activity.is_confirmed
                else _("%(title)s has been proposed; the coördinator confirms it.")
            )
            messages.success(request, text % {"title": activity.title})
            return _to_detail(request, activity)
    return render(
        request,
        "planning/activities/activity_form.html",
        {"form": form, "activity": None, "proposal": True},
    )


@partnership_view("planning.manage")
@require_POST
def activity_decide(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _activity(request, activity_id)
    form = DecisionForm(request.POST)
    if form.is_valid():
        confirm = form.cleaned_data["decision"] == "confirm"
        try:
            services.activity_decide(
                activity=activity,
                by=request.membership,
                confirm=confirm,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            text = (
                _("%(title)s is confirmed.") if confirm else _("%(title)s is declined.")
            )
            messages.success(request, text % {"title": activity.title})
            return _to_detail(request, activity)
    return render(
        request,
        "planning/activities/activity_detail.html",
        detail_context(request, activity, decision_form=form),
    )


@partnership_view("planning.evaluate_activity")
@require_POST
def activity_evaluate(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _activity(request, activity_id)
    # Role-level the guard let every member on staff in; this activity's people decide.
    if not request.membership.has_perm("planning.evaluate_activity", activity):
        raise PermissionDenied
    form = EvaluationForm(request.POST)
    if form.is_valid():
        try:
            services.activity_evaluate(
                activity=activity, by=request.membership, **form.cleaned_data
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("Thank you: the evaluation has been saved."))
            return _to_detail(request, activity, "evaluation")
    return render(
        request,
        "planning/activities/activity_detail.html",
        detail_context(request, activity, evaluation_form=form),
    )


@partnership_view("planning.add_own_task")
@require_http_methods(["GET", "POST"])
def task_add_own(request: HttpRequest) -> HttpResponse:
    form = OwnTaskForm(posted(request), partnership=request.partnership)
    if form.is_valid():
        try:
            task = task_services.own_task_create(
                partnership=request.partnership,
                by=request.membership,
                **form.cleaned_data,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request,
                _("The task “%(title)s” has been saved.") % {"title": task.title},
            )
            return redirect("planning:my_tasks", request.partnership.slug)
    return render(request, "planning/tasks/task_form.html", {"form": form, "own": True})
