"""The plan's inbox: reflection action points waiting to be turned into plan work."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from doorlopend.partnerships.access import partnership_view

from ..forms.inbox import FORMS
from ..selectors import inbox as selectors
from ..services import inbox as services

DONE = {
    "task": gettext_lazy("The action point is now a task of the plan."),
    "activity": gettext_lazy("The action point is now an activity of the plan."),
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


def _forms(request: HttpRequest, point, outcome: str = "", data=None) -> dict:
    kwargs = {
        "task": {"partnership": request.partnership, "point": point},
        "activity": {"point": point},
        "revision": {"partnership": request.partnership, "point": point},
        "declined": {},
    }
    # Four forms on one page share field names; their ids (and so each label's target)
    # must differ.
    return {
        name: form_class(
            data if name == outcome else None, auto_id=f"id_{name}_%s", **kwargs[name]
        )
        for name, form_class in FORMS.items()
    }


def _handle(request: HttpRequest, point, outcome: str, data: dict):
    by = request.membership
    if outcome == "task":
        return services.triage_task(point=point, by=by, **data)
    if outcome == "activity":
        return services.triage_activity(point=point, by=by, **data)
    if outcome == "revision":
        return services.triage_revision(point=point, by=by, **data)
    return services.triage_decline(point=point, by=by, **data)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


@partnership_view("planning.manage")
@require_http_methods(["GET", "POST"])
def triage(request: HttpRequest, action_id: int) -> HttpResponse:
    point = selectors.inbox_point(partnership=request.partnership, action_id=action_id)
    if point is None:
        raise Http404("No such action point.")
    if hasattr(point, "triage"):
        messages.info(
            request, _("This action point has already been handled in the plan.")
        )
        return redirect("planning:inbox", request.partnership.slug)
    outcome = request.POST.get("outcome", "") if request.method == "POST" else ""
    if request.method == "POST" and outcome not in FORMS:
        outcome = "declined"  # a tampered form: the decline form, which needs a reason
    forms = _forms(request, point, outcome, request.POST or None)
    form = forms.get(outcome)
    if form is not None and form.is_valid():
        try:
            _handle(request, point, outcome, dict(form.cleaned_data))
        except ValidationError as e:
            if getattr(e, "code", None) == "already_triaged":
                messages.info(request, " ".join(e.messages))
                return redirect("planning:inbox", request.partnership.slug)
            _add_errors(form, e)
        else:
            messages.success(request, DONE[outcome])
            return redirect("planning:inbox", request.partnership.slug)
    context = {
        "point": point,
        "forms": forms,
        "outcome": outcome,
        "theme_titles": selectors.theme_titles(),
    }
    return render(request, "planning/inbox/triage.html", context)
