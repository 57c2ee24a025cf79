"""Inspection and erasure on request: a pupil's (or their parents') rights under the AVG.

Both exports are logged as "export" by the selector; erasure is logged as "erase" by the
service. After erasure the exports hold only the fact of erasure.
"""

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

from .. import access, inspection
from ..forms.pupils import EraseForm
from ..models import Pupil
from ..selectors import inspection as inspection_selectors
from ..selectors import pupils as selectors
from ..selectors._audit import stored
from ..services import erasure


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Personal data: no cache along the way may keep a copy.
    response["Cache-Control"] = "no-store"
    return response


def _inspection(request: HttpRequest, school_id: int, pupil_id: int):
    school = access.school_for_pupils(request.membership, school_id)
    return inspection_selectors.pupil_inspection(
        school=school, pupil_id=pupil_id, viewer=request.membership, request=request
    )


@partnership_view("transitions.pupils")
@require_GET
def pupil_export_json(
    request: HttpRequest, school_id: int, pupil_id: int
) -> HttpResponse:
    found = _inspection(request, school_id, pupil_id)
    return _attachment(
        inspection.inspection_json(found),
        "application/json; charset=utf-8",
        inspection.inspection_filename(found, "json"),
    )


@partnership_view("transitions.pupils")
@require_GET
def pupil_export_pdf(
    request: HttpRequest, school_id: int, pupil_id: int
) -> HttpResponse:
    found = _inspection(request, school_id, pupil_id)
    return _attachment(
        inspection.inspection_pdf(found),
        "application/pdf",
        inspection.inspection_filename(found, "pdf"),
    )


@partnership_view("transitions.pupils")
@require_http_methods(["GET", "POST"])
def pupil_erase(request: HttpRequest, school_id: int, pupil_id: int) -> HttpResponse:
    school = access.school_for_pupils(request.membership, school_id)
    if not request.membership.has_perm("transitions.erase", school):
        # Another school's pupil stays a 404 for a mentor too, as on every pupil page.
        if not access.visible_transitions(school).filter(pupil_id=pupil_id).exists():
            raise Http404("No such pupil here.")
        raise PermissionDenied
    detail = selectors.pupil_detail(
        school=school,
        pupil_id=pupil_id,
        viewer=request.membership,
        request=request,
        purpose=gettext_lazy("erasure request"),
    )
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not detail.pupil.erased_at:
        reason = form.cleaned_data["reason"]
        try:
            erasure.pupils_erase(
                pupils=Pupil.objects.filter(pk=detail.pupil.pk),
                by=request.membership,
                purpose=stored(
                    gettext_lazy("erasure on request: %(reason)s"), {"reason": reason}
                ),
                partnership=request.partnership,
                organisation=school,
                request=request,
            )
        except ValidationError as e:
            service_errors_add(form, e)
        else:
            messages.success(
                request,
                _("The personal data of pupil #%(id)s has been erased.")
                % {"id": detail.pupil.pk},
            )
            return redirect(
                reverse(
                    "transitions:pupil_list",
                    args=[request.partnership.slug, school.pk],
                )
            )
    context = {"school": school, "pupil": detail.pupil, "form": form}
    return render(request, "transitions/pupils/pupil_erase.html", context)
