"""LOB activities: the list with its filters, one activity's page, the forms, the people."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from doorlopend.partnerships.access import partnership_view

from ..action_lines import action_line_choices
from ..elements import element_choices
from ..forms.activities import ActivityForm, PersonForm
from ..forms.proposals import DecisionForm, EvaluationForm
from ..models import (
    Activity,
    ActivityAudience,
    ActivityKind,
    ActivityPerson,
    ActivityStatus,
)
from ..selectors import activities as selectors
from ..services import activities as services
from ._schools import filter_context, preset_school, require_keep


def _activity(request: HttpRequest, activity_id: int) -> Activity:
    activity = get_object_or_404(
        Activity.objects.select_related("school").prefetch_related(
            "organisations", "goals"
        ),
        pk=activity_id,
        partnership=request.partnership,
    )
    require_keep(request, activity)
    return activity


def _to_detail(request: HttpRequest, activity: Activity, anchor: str = ""):
    url = reverse(
        "planning:activity_detail", args=[request.partnership.slug, activity.pk]
    )
    return redirect(f"{url}#{anchor}" if anchor else url)


def _warn_about_date(request: HttpRequest, activity: Activity) -> None:
    """Saved all the same: say so when the date falls on a holiday or in a weekend."""
    for warning in selectors.activity_date_warnings(
        activity=activity, partnership=request.partnership
    ):
        messages.warning(request, warning)


def _name(person: ActivityPerson) -> str:
    if person.membership_id:
        return str(person.membership.user)
    return person.name


@partnership_view("planning.view")
@require_GET
def activity_list(request: HttpRequest) -> HttpResponse:
    choices = element_choices()
    lines = action_line_choices()
    owner = filter_context(request)
    filters = selectors.ActivityFilter.from_query(
        request.GET,
        {key for key, _title in choices},
        {key for key, _t in lines},
        owner=owner["owner"],
    )
    context = owner | {
        "page": selectors.activity_page(
            partnership=request.partnership,
            filters=filters,
            page_number=request.GET.get("page"),
            choices=choices,
        ),
        "filters": filters,
        "kinds": ActivityKind.choices,
        "statuses": ActivityStatus.choices,
        "elements": choices,
        "audiences": ActivityAudience.choices,
        "action_lines": lines,
        "coverage": selectors.element_coverage(
            partnership=request.partnership, choices=choices, owner=filters.owner
        ),
    }
    context["thin"] = selectors.thin_elements(context["coverage"])
    return render(request, "planning/activities/activity_list.html", context)


@partnership_view("planning.keep_item")
@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest) -> HttpResponse:
    form = ActivityForm(
        request.POST or None,
        partnership=request.partnership,
        membership=request.membership,
        school=preset_school(request),
    )
    if form.is_valid():
        try:
            activity = services.activity_create(
                partnership=request.partnership,
                by=request.membership,
                **form.cleaned_data,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request, _("%(title)s has been planned.") % {"title": activity.title}
            )
            _warn_about_date(request, activity)
            return _to_detail(request, activity)
    return render(
        request,
        "planning/activities/activity_form.html",
        {"form": form, "activity": None},
    )


@partnership_view("planning.view")
@require_GET
def activity_detail(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = selectors.activity_for_page(
        partnership=request.partnership, activity_id=activity_id
    )
    if activity is None:
        raise Http404
    return render(
        request,
        "planning/activities/activity_detail.html",
        detail_context(request, activity),
    )


def detail_context(request: HttpRequest, activity: Activity, **forms) -> dict:
    """The activity's page: what this member may do on it, and its forms (bound ones
    passed in when a post comes back with errors)."""
    membership = request.membership
    may_evaluate = (
        activity.is_confirmed
        and activity.status != ActivityStatus.CANCELLED
        and activity.starts_at <= timezone.now()
        and membership.has_perm("planning.evaluate_activity", activity)
    )
    return {
        "activity": activity,
        "manage": membership.has_perm("planning.keep_item", activity),
        "may_evaluate": may_evaluate,
        "evaluation_form": forms.get("evaluation_form")
        or EvaluationForm(initial={"evaluation": activity.evaluation}),
        "decision_form": forms.get("decision_form") or DecisionForm(),
        "date_warnings": selectors.activity_date_warnings(
            activity=activity, partnership=request.partnership
        ),
    }


@partnership_view("planning.keep_item")
@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _activity(request, activity_id)
    form = ActivityForm(
        request.POST or None,
        partnership=request.partnership,
        activity=activity,
        membership=request.membership,
    )
    if form.is_valid():
        try:
            services.activity_update(
                activity=activity, by=request.membership, **form.cleaned_data
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request, _("%(title)s has been saved.") % {"title": activity.title}
            )
            _warn_about_date(request, activity)
            return _to_detail(request, activity)
    return render(
        request,
        "planning/activities/activity_form.html",
        {"form": form, "activity": activity},
    )


@partnership_view("planning.keep_item")
@require_http_methods(["GET", "POST"])
def activity_delete(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _activity(request, activity_id)
    if request.method == "POST":
        services.activity_delete(activity=activity, by=request.membership)
        messages.success(
            request, _("%(title)s has been deleted.") % {"title": activity.title}
        )
        return redirect("planning:activity_list", request.partnership.slug)
    return render(
        request, "planning/activities/activity_delete.html", {"activity": activity}
    )


@partnership_view("planning.keep_item")
@require_http_methods(["GET", "POST"])
def person_add(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _activity(request, activity_id)
    form = PersonForm(request.POST or None, partnership=request.partnership)
    if form.is_valid():
        try:
            person = services.person_add(
                activity=activity, by=request.membership, **form.cleaned_data
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request,
                _("%(name)s has been added to the activity.") % {"name": _name(person)},
            )
            return _to_detail(request, activity, "people")
    return render(
        request,
        "planning/activities/person_form.html",
        {"form": form, "activity": activity},
    )


@partnership_view("planning.keep_item")
@require_http_methods(["GET", "POST"])
def person_remove(
    request: HttpRequest, activity_id: int, person_id: int
) -> HttpResponse:
    activity = _activity(request, activity_id)
    person = get_object_or_404(
        ActivityPerson.objects.select_related("membership__user"),
        pk=person_id,
        activity=activity,
    )
    if request.method == "POST":
        services.person_remove(person=person, by=request.membership)
        messages.success(
            request,
            _("%(name)s has been removed from the activity.") % {"name": _name(person)},
        )
        return _to_detail(request, activity, "people")
    return render(
        request,
        "planning/activities/person_remove.html",
        {"activity": activity, "person": person},
    )
