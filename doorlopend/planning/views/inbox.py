"""The plan's inbox: reflection action points waiting to be turned into plan work."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from doorlopend.core.forms import service_errors_add
from doorlopend.partnerships.access import partnership_view

from ..forms.inbox import FORMS
from ..selectors import inbox as selectors
from ..services import inbox as services

DONE = {
    "task": gettext_lazy("The action point is now a task of the plan."),
    "activity": gettext_lazy("The action point is now an activity of the plan."),
    "goal": gettext_lazy("The action point is now a goal of the plan."),
    "revision": gettext_lazy("The action point revised the goal."),
    "declined": gettext_lazy("The action point was declined; the reason is kept."),
}


@partnership_view("planning.view")
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    context = {
        "open_points": selectors.inbox_open(partnership=request.partnership),
        "handled": selectors.inbox_handled(partnership=request.partnership),
        "theme_titles": selectors.theme_titles(),
    }
    return render(request, "planning/inbox/inbox.html", context)


def _forms(request: HttpRequest, point, outcomes, outcome: str = "", data=None) -> dict:
    kwargs = {
        "task": {"partnership": request.partnership, "point": point},
        "activity": {"point": point},
        "goal": {"partnership": request.partnership, "point": point},
        "revision": {"partnership": request.partnership, "point": point},
        "declined": {},
    }
    # The forms on one page share field names; their ids (and so each label's target)
    # must differ.
    return {
        name: form_class(
            data if name == outcome else None, auto_id=f"id_{name}_%s", **kwargs[name]
        )
        for name, form_class in FORMS.items()
        if name in outcomes
    }


def _handle(request: HttpRequest, point, outcome: str, data: dict):
    by = request.membership
    if outcome == "task":
        return services.triage_task(point=point, by=by, **data)
    if outcome == "activity":
        return services.triage_activity(point=point, by=by, **data)
    if outcome == "revision":
        return services.triage_revision(point=point, by=by, **data)
    if outcome == "goal":
        return services.triage_goal(point=point, by=by, **data)
    return services.triage_decline(point=point, by=by, **data)


def _point_to_handle(request: HttpRequest, action_id: int):
    """The point and what this member may make of it: a school's point that the member
    may not even read (another school's scan) is 404, one they read but may not handle
    403."""
    point = selectors.inbox_point(partnership=request.partnership, action_id=action_id)
    if point is None:
        raise Http404("No such action point.")
    outcomes = selectors.triage_outcomes(point=point, membership=request.membership)
    if not outcomes:
        school = selectors.point_school(point)
        if school is not None and not request.membership.has_perm(
            "reflection.view_school_scan", school
        ):
            raise Http404("No such action point.")
        raise PermissionDenied
    return point, outcomes


def _back(request: HttpRequest, point) -> tuple[str, bool]:
    """Where to return: the school's plan page for a school's point handled from there
    (or by a school's own keeper), else the inbox."""
    school = selectors.point_school(point)
    to_school = school is not None and (
        request.GET.get("terug") == "school"
        or not request.membership.has_perm("planning.manage")
    )
    if to_school:
        return reverse(
            "planning:school_plan", args=[request.partnership.slug, school.pk]
        ), True
    return reverse("planning:inbox", args=[request.partnership.slug]), False


@partnership_view("planning.school_plan")
@require_http_methods(["GET", "POST"])
def triage(request: HttpRequest, action_id: int) -> HttpResponse:
    point, outcomes = _point_to_handle(request, action_id)
    back, to_school = _back(request, point)
    if hasattr(point, "triage"):
        messages.info(
            request, _("This action point has already been handled in the plan.")
        )
        return redirect(back)
    outcome = request.POST.get("outcome", "") if request.method == "POST" else ""
    if request.method == "POST" and outcome not in outcomes:
        outcome = "declined"  # a tampered form: the decline form, which needs a reason
    forms = _forms(request, point, outcomes, outcome, request.POST or None)
    form = forms.get(outcome)
    if form is not None and form.is_valid():
        try:
            _handle(request, point, outcome, dict(form.cleaned_data))
        except ValidationError as e:
            if getattr(e, "code", None) == "already_triaged":
                messages.info(request, " ".join(e.messages))
                return redirect(back)
            service_errors_add(form, e)
        else:
            messages.success(request, DONE[outcome])
            return redirect(back)
    context = {
        "point": point,
        "forms": forms,
        "outcome": outcome,
        "theme_title": selectors.point_theme_title(point, selectors.theme_titles()),
        "back": back,
        "to_school": to_school,
        "school": selectors.point_school(point),
    }
    return render(request, "planning/inbox/triage.html", context)
