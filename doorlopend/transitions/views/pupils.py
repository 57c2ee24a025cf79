"""The decaan's and mentor's pupil pages: the list of a year and one pupil's page.

Every view takes the school from the URL (`access.school_for_pupils`: 404 unless the
member is decaan or mentor there) and reads pupils only through `selectors`, which write
the access log. Inspection and erasure: views/pupils_inspection.py.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from doorlopend.core.forms import service_errors_add
from doorlopend.partnerships.access import partnership_view

from .. import access
from ..forms.pupils import PupilFilterForm, StatusAddForm
from ..selectors import pupils as selectors
from ..services import history


def pupil_url(request: HttpRequest, school_id: int, pupil_id: int) -> str:
    return reverse(
        "transitions:pupil_detail",
        args=[request.partnership.slug, school_id, pupil_id],
    )


@partnership_view("transitions.pupils")
@require_GET
def pupil_list(request: HttpRequest, school_id: int) -> HttpResponse:
    school = access.school_for_pupils(request.membership, school_id)
    cohorts = selectors.cohort_list(school=school)
    form = PupilFilterForm(request.GET or None, cohorts=cohorts)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.PupilFilters(
        **{k: v for k, v in data.items() if v not in (None, "")}
    )
    result = selectors.pupil_page(
        school=school,
        viewer=request.membership,
        filters=filters,
        page_number=request.GET.get("page"),
        request=request,
        cohorts=cohorts,
    )
    context = {"school": school, "form": form, "result": result, "page": result.page}
    return render(request, "transitions/pupils/pupil_list.html", context)


def _detail_page(request, school, detail, *, status_form=None, status=200):
    context = {
        "school": school,
        "pupil": detail.pupil,
        "transitions": detail.transitions,
        "status_form": status_form or StatusAddForm(transitions=detail.transitions),
        "can_import": request.membership.has_perm("transitions.import"),
        "can_erase": request.membership.has_perm("transitions.erase", school),
        "can_record": request.membership.has_perm(access.WRITE_PERM, school),
    }
    return render(
        request, "transitions/pupils/pupil_detail.html", context, status=status
    )


@partnership_view("transitions.pupils")
@require_GET
def pupil_detail(request: HttpRequest, school_id: int, pupil_id: int) -> HttpResponse:
    school = access.school_for_pupils(request.membership, school_id)
    detail = selectors.pupil_detail(
        school=school, pupil_id=pupil_id, viewer=request.membership, request=request
    )
    return _detail_page(request, school, detail)


@partnership_view("transitions.pupils")
@require_POST
def pupil_status_add(
    request: HttpRequest, school_id: int, pupil_id: int
) -> HttpResponse:
    school = access.school_for_pupils(request.membership, school_id)
    detail = selectors.pupil_detail(
        school=school,
        pupil_id=pupil_id,
        viewer=request.membership,
        request=request,
        purpose=gettext_lazy("record a status by hand"),
    )
    form = StatusAddForm(request.POST, transitions=detail.transitions)
    if form.is_valid():
        chosen = {t.pk: t for t in detail.transitions}[form.cleaned_data["transition"]]
        try:
            history.status_record(
                transition=chosen,
                status=form.cleaned_data["status"],
                on=form.cleaned_data["on"],
                by=request.membership,
                source=_("entered by hand"),
                organisation=school,
                request=request,
            )
        except ValidationError as e:
            service_errors_add(form, e)
        else:
            messages.success(request, _("Status recorded."))
            return redirect(pupil_url(request, school.pk, pupil_id) + "#history")
    return _detail_page(request, school, detail, status_form=form)
