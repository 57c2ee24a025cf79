"""The receiving school's handover pages (decaan and intake of the mbo school): the
pupils whose dossier is handed to it, one dossier, "besproken", a question back; and the
sending school's answer to such a question.

The school comes from the URL (`school_where(…, "dossier.receive", id)`: 404 unless the
member is decaan or intake there); pupils only through `selectors.handover`, which
applies the handover rule and logs every read.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from doorlopend.partnerships.access import partnership_view
from doorlopend.transitions.access import school_where

from .. import pdf
from ..forms import AnswerForm, QuestionForm
from ..selectors import handover as selectors
from ..selectors.pages import default_cohort
from ..services import handover as services

PERM = "dossier.receive"


def incoming_url(request: HttpRequest, school_id: int, transition_id: int) -> str:
    return reverse(
        "dossier:incoming_detail",
        args=[request.partnership.slug, school_id, transition_id],
    )


@partnership_view(PERM)
@require_GET
def incoming_list(request: HttpRequest, school_id: int) -> HttpResponse:
    school = school_where(request.membership, PERM, school_id)
    years = selectors.cohorts(school=school)
    try:
        cohort = int(request.GET["jaar"])
    except (KeyError, ValueError):
        cohort = None
    if cohort not in years:
        cohort = default_cohort(years)
    rows = []
    if cohort is not None:
        rows = selectors.incoming_list(
            viewer=request.membership, school=school, cohort=cohort, request=request
        )
    context = {"school": school, "years": years, "cohort": cohort, "rows": rows}
    return render(request, "dossier/handover/incoming_list.html", context)


def _detail(request, school, transition_id, *, form=None, status=200):
    row = selectors.incoming_detail(
        viewer=request.membership,
        school=school,
        transition_id=transition_id,
        request=request,
    )
    services.handover_read_record(incoming=row, school=school, by=request.membership)
    context = {"school": school, "row": row, "form": form or QuestionForm()}
    return render(
        request, "dossier/handover/incoming_detail.html", context, status=status
    )


@partnership_view(PERM)
@require_GET
def incoming_detail(
    request: HttpRequest, school_id: int, transition_id: int
) -> HttpResponse:
    school = school_where(request.membership, PERM, school_id)
    return _detail(request, school, transition_id)


@partnership_view(PERM)
@require_GET
def incoming_pdf(
    request: HttpRequest, school_id: int, transition_id: int
) -> HttpResponse:
    """The handed-over parts as a PDF for the intake interview; a read like the page."""
    school = school_where(request.membership, PERM, school_id)
    row = selectors.incoming_detail(
        viewer=request.membership,
        school=school,
        transition_id=transition_id,
        request=request,
        purpose=_("doorstroomdossier: PDF for the intake interview"),
    )
    services.handover_read_record(incoming=row, school=school, by=request.membership)
    return pdf.dossier_pdf_response(row.dossier, for_pupil=False, parts=row.parts)


@partnership_view(PERM)
@require_POST
def incoming_discussed(
    request: HttpRequest, school_id: int, transition_id: int
) -> HttpResponse:
    school = school_where(request.membership, PERM, school_id)
    row = selectors.incoming_get(school=school, transition_id=transition_id)
    try:
        services.handover_discussed(
            incoming=row, school=school, by=request.membership, request=request
        )
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, _("Marked as discussed in the intake interview."))
    return redirect(incoming_url(request, school.pk, transition_id))


@partnership_view(PERM)
@require_POST
def incoming_question(
    request: HttpRequest, school_id: int, transition_id: int
) -> HttpResponse:
    school = school_where(request.membership, PERM, school_id)
    row = selectors.incoming_get(school=school, transition_id=transition_id)
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            services.handover_question_ask(
                incoming=row,
                school=school,
                by=request.membership,
                text=form.cleaned_data["question"],
                request=request,
            )
        except ValidationError as e:
            form.add_error("question" if hasattr(e, "error_dict") else None, e)
        else:
            messages.success(request, _("Your question was sent to the vo school."))
            return redirect(incoming_url(request, school.pk, transition_id) + "#vragen")
    return _detail(request, school, transition_id, form=form, status=200)


@partnership_view("dossier.write")
@require_POST
def question_answer(
    request: HttpRequest, school_id: int, transition_id: int, question_id: int
) -> HttpResponse:
    """The vo school (decaan or mentor of the sending school) answers a question."""
    school = school_where(request.membership, "dossier.write", school_id)
    question = selectors.question_of_sender(
        school=school, transition_id=transition_id, question_id=question_id
    )
    form = AnswerForm(request.POST)
    url = reverse(
        "dossier:dossier_detail",
        args=[request.partnership.slug, school.pk, transition_id],
    )
    if form.is_valid():
        try:
            services.handover_question_answer(
                question=question,
                school=school,
                by=request.membership,
                text=form.cleaned_data["answer"],
                request=request,
            )
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, _("Your answer was sent to the mbo school."))
    else:
        messages.error(request, " ".join(form.errors.get("answer", [])))
    return redirect(f"{url}#vragen")
