"""Pages of the pupil file imports, for a decaan of a school: list, upload, map, follow.

Only header names of a file are shown, never its values (those are personal data). The
upload view is CSRF-exempt on the outside only so that its own upload handler can be set
before the body is read; the inner view checks the token as usual.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from doorlopend.core.job_views import job_cancel_page
from doorlopend.partnerships.access import partnership_view

from ..access import schools_where
from ..forms.imports import ColumnMappingForm, ImportUploadForm, PrivateUploadHandler
from ..models import ColumnMapping, TransitionImport
from ..services import imports
from ..services.imports.columns import fields_for, mapping_suggest


def decaan_schools(request: HttpRequest) -> list:
    """The schools this member is decaan of."""
    return schools_where(request.membership, "transitions.import")


def _job(request: HttpRequest, import_id: int) -> TransitionImport:
    ids = [s.pk for s in decaan_schools(request)]
    return get_object_or_404(
        TransitionImport.objects.select_related("organisation", "created_by"),
        pk=import_id,
        partnership=request.partnership,
        organisation_id__in=ids,
    )


@partnership_view("transitions.import")
@require_GET
def import_list(request: HttpRequest) -> HttpResponse:
    """The imports of the member's schools, newest first."""
    schools = decaan_schools(request)
    jobs = (
        TransitionImport.objects.filter(
            partnership=request.partnership, organisation__in=schools
        )
        .select_related("organisation", "created_by")
        .defer("errors", "headers")[:100]
    )
    return render(
        request,
        "transitions/imports/import_list.html",
        {"jobs": jobs, "schools": schools},
    )


@partnership_view("transitions.import")
@csrf_exempt
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    handler = PrivateUploadHandler(request)
    if request.method == "POST":
        request.upload_handlers = [handler]
    try:
        return _import_upload(request, handler)
    finally:
        if request.method == "POST" and not getattr(request, "_import_accepted", False):
            handler.discard_all()


@csrf_protect
def _import_upload(request: HttpRequest, handler: PrivateUploadHandler) -> HttpResponse:
    schools = decaan_schools(request)
    if not schools:
        raise Http404("No school to import for.")
    form = ImportUploadForm(
        request.POST or None,
        request.FILES or None,
        schools=schools,
        too_large=handler.too_large,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            job = imports.import_create(
                partnership=request.partnership,
                school=data["school"],
                kind=data["kind"],
                cohort=data["cohort"],
                stored=data["file"].stored,
                filename=data["file"].name,
                by=request.membership,
                language=get_language(),
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            request._import_accepted = True
            if job.status == TransitionImport.Status.MAPPING:
                return redirect(
                    "transitions:import_mapping", request.partnership.slug, job.pk
                )
            return redirect(
                "transitions:import_detail", request.partnership.slug, job.pk
            )
    return render(request, "transitions/imports/import_upload.html", {"form": form})


@partnership_view("transitions.import")
@require_http_methods(["GET", "POST"])
def import_mapping(request: HttpRequest, import_id: int) -> HttpResponse:
    """Map the file's columns to ours; saved for the school's next file of this kind."""
    job = _job(request, import_id)
    saved = ColumnMapping.objects.filter(
        organisation=job.organisation, kind=job.kind
    ).first()
    initial = job.columns or (
        saved.columns if saved else mapping_suggest(kind=job.kind, headers=job.headers)
    )
    form = ColumnMappingForm(
        request.POST or None,
        kind=job.kind,
        headers=job.headers,
        initial_columns=initial,
    )
    if form.is_valid():
        try:
            imports.import_map(
                job=job, columns=form.cleaned_data, by=request.membership
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(
                "transitions:import_detail", request.partnership.slug, job.pk
            )
    context = {"job": job, "form": form, "saved": saved}
    return render(request, "transitions/imports/import_mapping.html", context)


@partnership_view("transitions.import")
@require_GET
def import_detail(request: HttpRequest, import_id: int) -> HttpResponse:
    """One import; htmx polls its status fragment until it has finished."""
    job = _job(request, import_id)
    labels = {f.name: f.label for f in fields_for(job.kind)}
    mapping = [
        (labels[name], header) for name, header in job.columns.items() if name in labels
    ]
    context = {
        "job": job,
        "mapping": mapping,
        "more_errors": max(0, job.rejected_count - len(job.errors)),
    }
    template = (
        "transitions/imports/_import_status.html"
        if request.htmx
        else "transitions/imports/import_detail.html"
    )
    return render(request, template, context)


@partnership_view("transitions.import")
@require_http_methods(["GET", "POST"])
def import_cancel(request: HttpRequest, import_id: int) -> HttpResponse:
    """Confirm, then cancel an import that waits or runs; its file is deleted at once."""
    job = _job(request, import_id)
    what = _("the import of %(name)s") % {"name": job.original_filename}
    back = reverse("transitions:import_detail", args=[request.partnership.slug, job.pk])
    return job_cancel_page(request, job=job, what=what, back_url=back)
