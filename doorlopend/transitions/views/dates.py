"""The dates page: per year of transition the registration deadline and the start check.

Saving re-evaluates the signals at once, so that the decanen see the effect of a moved
date the same day (signals raised on the old date close themselves with a reason).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from doorlopend.partnerships.access import partnership_view

from ..forms.dates import CohortDatesForm, cohort_from
from ..models import CohortSettings
from ..services import cohort_settings as service


@partnership_view("transitions.settings")
@require_http_methods(["GET", "POST"])
def cohort_settings(request: HttpRequest) -> HttpResponse:
    years = service.cohort_dates_list(partnership=request.partnership)
    bound = None
    if request.method == "POST":
        cohort = cohort_from(request.POST.get("cohort"))
        if cohort not in {year.cohort for year in years}:
            return HttpResponseBadRequest(_("Unknown year."))
        bound = _bound_form(request, cohort)
        if bound.is_valid():
            try:
                result = service.cohort_dates_save(
                    partnership=request.partnership, cohort=cohort, **bound.cleaned_data
                )
            except ValidationError as e:
                bound.add_error(None, e)
            else:
                return _saved(request, cohort, result)
    return render(
        request,
        "transitions/dates/cohort_settings.html",
        {"years": _with_forms(years, bound)},
    )


def _bound_form(request: HttpRequest, cohort: int) -> CohortDatesForm:
    if "reset" in request.POST:  # "use the defaults": the dates typed do not matter
        data = {
            f"y{cohort}-registration_deadline": CohortSettings.default_deadline(cohort),
            f"y{cohort}-start_check_on": CohortSettings.default_start_check(cohort),
            f"y{cohort}-dossier_complete_by": (
                CohortSettings.default_dossier_complete_by(cohort)
            ),
            f"y{cohort}-dossier_read_by": CohortSettings.default_dossier_read_by(
                cohort
            ),
        }
        return CohortDatesForm(data, cohort=cohort)
    return CohortDatesForm(request.POST, cohort=cohort)


def _with_forms(years, bound: CohortDatesForm | None) -> list:
    """(dates, form) per year; the submitted form keeps what was typed and its errors."""
    rows = []
    for year in years:
        form = CohortDatesForm(
            cohort=year.cohort,
            initial={
                "registration_deadline": year.registration_deadline,
                "start_check_on": year.start_check_on,
                "dossier_complete_by": year.dossier_complete_by,
                "dossier_read_by": year.dossier_read_by,
            },
        )
        rows.append((year, bound if bound and bound.cohort == year.cohort else form))
    return rows


def _saved(request: HttpRequest, cohort: int, result) -> HttpResponse:
    messages.success(
        request,
        _(
            "The dates of %(year)s are saved. The signals were checked again straight "
            "away: %(opened)s opened, %(closed)s closed."
        )
        % {"year": cohort, "opened": result.opened, "closed": result.closed},
    )
    url = reverse("transitions:cohort_settings", args=[request.partnership.slug])
    return redirect(f"{url}#year-{cohort}")
