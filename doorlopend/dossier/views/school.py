"""The sending school's dossier pages (decaan and mentor): the list of a year's leavers
and one pupil's dossier, with part B and part C.

The school comes from the URL (`school_where(…, "dossier.view", id)`: 404 unless the
member is decaan or mentor there); pupils only through `selectors.pages`, which log.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from doorlopend.core.forms import service_errors_add
from doorlopend.partnerships.access import partnership_view
from doorlopend.transitions.access import school_where

from .. import pdf
from ..forms import KeptElsewhereForm, PartBForm, PartCForm
from ..selectors import handover as handover_selectors
from ..selectors import latest_decision, pages
from ..services import parts


def detail_url(request: HttpRequest, school_id: int, transition_id: int) -> str:
    return reverse(
        "dossier:dossier_detail",
        args=[request.partnership.slug, school_id, transition_id],
    )


@partnership_view("dossier.view")
@require_GET
def dossier_list(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_where(request.membership, "dossier.view", school_id)
    years = pages.cohorts(school=school)
    try:
        cohort = int(request.GET["jaar"])
    except (KeyError, ValueError):
        cohort = pages.default_cohort(years)
    if cohort not in years:
        cohort = pages.default_cohort(years)
    page = None
    if cohort is not None:
        page = pages.dossier_rows(
            viewer=request.membership,
            school=school,
            cohort=cohort,
            page_number=request.GET.get("page"),
            request=request,
        )
        handover_selectors.sent_states_attach(page.object_list)
    context = {
        "school": school,
        "years": years,
        "cohort": cohort,
        "page": page,
        "rows": page.object_list if page else [],
        "agreement": pages.agreement_of(request.partnership),
    }
    return render(request, "dossier/dossier_list.html", context)


def _detail(request, school, row, *, forms=None, status=200) -> HttpResponse:
    dossier = row.dossier
    forms = forms or {}
    context = {
        "school": school,
        "row": row,
        "dossier": dossier,
        "agreement": pages.agreement_of(request.partnership),
        "b_form": forms.get("b")
        or PartBForm(
            initial={
                "advice": getattr(dossier, "advice", ""),
                "attendance_results": getattr(dossier, "attendance_results", ""),
            }
        ),
        "c_form": forms.get("c")
        or PartCForm(
            initial={
                "support_needed": getattr(dossier, "support_needed", False),
                "care": getattr(dossier, "care", ""),
            }
        ),
        "elsewhere_form": forms.get("elsewhere") or KeptElsewhereForm(),
        "may_write": request.membership.has_perm("dossier.write", school),
        "may_link": request.membership.has_perm("dossier.links", school),
        "new_link": forms.get("new_link"),
        "approvals": sorted(
            dossier.approvals.all() if dossier else [],
            key=lambda a: (a.at, a.pk),
            reverse=True,
        ),
        # The handover: sent, read, discussed, and the mbo school's questions.
        "sent_state": handover_selectors.sent_states([dossier]).get(
            getattr(dossier, "pk", None)
        ),
        "handover_questions": (
            handover_selectors.questions_for_sender(dossier) if dossier else []
        ),
        "disagreement": (
            row.states and row.states["b"].disagreed and latest_decision(dossier, "b")
        ),
    }
    response = render(request, "dossier/dossier_detail.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@partnership_view("dossier.view")
@require_GET
def dossier_detail(
    request: HttpRequest, school_id: int, transition_id: int
) -> HttpResponse:
    school = school_where(request.membership, "dossier.view", school_id)
    row = pages.dossier_row(
        viewer=request.membership,
        school=school,
        transition_id=transition_id,
        request=request,
    )
    return _detail(request, school, row)


def _writable(request, school_id: int, transition_id: int, purpose):
    """The school, the row (logged as a change) and its dossier, made on first write."""
    school = school_where(request.membership, "dossier.view", school_id)
    if not request.membership.has_perm("dossier.write", school):
        raise PermissionDenied  # before the read: a refused request logs nothing
    row = pages.dossier_row(
        viewer=request.membership,
        school=school,
        transition_id=transition_id,
        request=request,
        purpose=purpose,
        action="update",
    )
    if row.dossier is None:
        row.dossier = parts.dossier_get_or_create(transition=row.transition)
    return school, row


def _part_save(request, school_id: int, transition_id: int, part: str):
    """Part B or C of the school's form: saved once (a version only when its text
    changes), or the form again with its errors and what was typed."""
    form_class, save, purpose, saved = {
        "b": (
            PartBForm,
            parts.part_b_save,
            gettext_lazy("doorstroomdossier: part B"),
            gettext_lazy("Part B saved."),
        ),
        "c": (
            PartCForm,
            parts.part_c_save,
            gettext_lazy("doorstroomdossier: part C"),
            gettext_lazy("Part C saved."),
        ),
    }[part]
    school, row = _writable(request, school_id, transition_id, purpose)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            changed = save(
                dossier=row.dossier, by=request.membership, **form.cleaned_data
            )
        except ValidationError as e:
            service_errors_add(form, e)
        else:
            messages.success(request, saved if changed else _("Nothing changed."))
            url = detail_url(request, school.pk, transition_id)
            return redirect(f"{url}#part-{part}")
    return _detail(request, school, row, forms={part: form})


@partnership_view("dossier.write")
@require_POST
def part_b_save(
    request: HttpRequest, school_id: int, transition_id: int
) -> HttpResponse:
    return _part_save(request, school_id, transition_id, "b")


@partnership_view("dossier.write")
@require_POST
def part_c_save(
    request: HttpRequest, school_id: int, transition_id: int
) -> HttpResponse:
    return _part_save(request, school_id, transition_id, "c")


@partnership_view("dossier.write")
@require_POST
def kept_elsewhere(
    request: HttpRequest, school_id: int, transition_id: int
) -> HttpResponse:
    school, row = _writable(
        request,
        school_id,
        transition_id,
        gettext_lazy("doorstroomdossier: handed over elsewhere"),
    )
    form = KeptElsewhereForm(request.POST)
    if form.is_valid():
        try:
            parts.kept_elsewhere_record(
                dossier=row.dossier, on=form.cleaned_data["on"], by=request.membership
            )
        except ValidationError as e:
            service_errors_add(form, e)
        else:
            messages.success(request, _("Handover recorded."))
            return redirect(detail_url(request, school.pk, transition_id))
    return _detail(request, school, row, forms={"elsewhere": form})


@partnership_view("dossier.view")
@require_GET
def dossier_pdf(
    request: HttpRequest, school_id: int, transition_id: int
) -> HttpResponse:
    school = school_where(request.membership, "dossier.view", school_id)
    row = pages.dossier_row(
        viewer=request.membership,
        school=school,
        transition_id=transition_id,
        request=request,
        purpose=gettext_lazy("doorstroomdossier: PDF"),
        action="export",
    )
    dossier = row.dossier or parts.dossier_get_or_create(transition=row.transition)
    return pdf.dossier_pdf_response(dossier, for_pupil=False)
