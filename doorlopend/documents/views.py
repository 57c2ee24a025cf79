"""The documents of a route: made (in the background), polled, downloaded, compared."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from doorlopend.core.files import stored_file_response
from doorlopend.core.job_views import job_cancel_page, job_retry_page
from doorlopend.partnerships.access import partnership_view
from doorlopend.routes.models import Leerroute

from . import selectors, services
from .kinds import SPECS, KindSpec, spec_for
from .models import GeneratedDocument
from .programme_services import programme_pdf_url

STATUS_TEMPLATE = "documents/_document_status.html"


def _route(request: HttpRequest, route_id: int) -> Leerroute:
    route = get_object_or_404(Leerroute, pk=route_id, partnership=request.partnership)
    route.partnership = request.partnership  # spare a query for what the guard loaded
    return route


def _spec(kind: str) -> KindSpec:
    spec = spec_for(kind)
    if spec is None:
        raise Http404("No such kind of document.")
    return spec


@partnership_view("documents.view")
@require_GET
def route_documents(request: HttpRequest, route_id: int) -> HttpResponse:
    route = _route(request, route_id)
    sections = selectors.kind_sections(route=route)
    return render(
        request,
        "documents/route_documents.html",
        {"route": route, "sections": sections},
    )


def _route_spec(kind: str) -> KindSpec:
    """A kind of a route's documents (not the partnership's voortgangsrapportage)."""
    if kind not in SPECS:
        raise Http404("No such kind of document.")
    return SPECS[kind]


@partnership_view("documents.generate")
@require_POST
def generate(request: HttpRequest, route_id: int, kind: str) -> HttpResponse:
    route, spec = _route(request, route_id), _route_spec(kind)
    error = ""
    try:
        services.document_request(
            route=route,
            kind=spec.kind,
            by=request.membership,
            language=request.LANGUAGE_CODE,
        )
    except ValidationError as e:
        error = " ".join(e.messages)
    if request.htmx:
        section = selectors.kind_section(route=route, kind=spec.kind)
        # oob: a document made at once (no worker queue) shows up in the versions now.
        context = {"route": route, "section": section, "error": error, "oob": True}
        return render(request, STATUS_TEMPLATE, context)
    if error:
        messages.error(request, error)
    else:
        messages.info(
            request, _("The document is being made; it appears here when it is ready.")
        )
    return redirect("documents:route_documents", request.partnership.slug, route.pk)


@partnership_view("documents.view")
@require_GET
def document_status(request: HttpRequest, document_id: int) -> HttpResponse:
    """The status of the document's kind; htmx polls it every 2 s while it is being made,
    and once it is finished the fragment also swaps in the new list of versions."""
    document = get_object_or_404(
        GeneratedDocument.objects.select_related("route"),
        pk=document_id,
        partnership=request.partnership,
        route__isnull=False,
    )
    section = selectors.kind_section(route=document.route, kind=document.kind)
    context = {"route": document.route, "section": section, "oob": True}
    return render(request, STATUS_TEMPLATE, context)


@partnership_view("documents.view")
@require_GET
def download(request: HttpRequest, document_id: int) -> FileResponse:
    document = get_object_or_404(
        GeneratedDocument.objects.select_related("route"),
        pk=document_id,
        partnership=request.partnership,
        status=GeneratedDocument.Status.DONE,
    )
    return stored_file_response(
        document.file,
        filename=document.filename or services.document_filename(document),
        content_type=_spec(document.kind).content_type,
    )


def _version(route: Leerroute, kind: str, value: str) -> GeneratedDocument:
    if not value.isdigit():
        raise Http404("No such version.")
    return get_object_or_404(
        GeneratedDocument,
        pk=int(value),
        partnership=route.partnership,
        route=route,
        kind=kind,
        status=GeneratedDocument.Status.DONE,
    )


@partnership_view("documents.view")
@require_GET
def compare(request: HttpRequest, route_id: int, kind: str) -> HttpResponse:
    """Two versions line by line (?a=<id>&b=<id>), the earlier one first."""
    route, spec = _route(request, route_id), _route_spec(kind)
    section = selectors.kind_section(route=route, kind=spec.kind)
    slug = request.partnership.slug
    context = {
        "route": route,
        "section": section,
        "subject": route.name,
        "back_url": reverse("documents:route_documents", args=[slug, route.pk]),
        "back_label": _("Documents of %(name)s") % {"name": route.name},
        "compare_url": reverse("documents:compare", args=[slug, route.pk, spec.kind]),
    }
    if request.GET.get("a") and request.GET.get("b"):
        a, b = (_version(route, spec.kind, request.GET[key]) for key in ("a", "b"))
        context |= selectors.compare_context(section, a, b)
    return render(request, "documents/compare.html", context)


def _job_document(request: HttpRequest, document_id: int) -> GeneratedDocument:
    return get_object_or_404(
        GeneratedDocument, pk=document_id, partnership=request.partnership
    )


def _documents_url(request: HttpRequest, document: GeneratedDocument) -> str:
    """The page the document is made from: its route's documents, its programme's PDF
    page, or the voortgangsrapportage's page for a document of the whole partnership."""
    slug = request.partnership.slug
    if document.programme_id is not None:
        return programme_pdf_url(slug, document.programme_id, document.leerweg)
    if document.route_id is None:
        return reverse("progress_report:report", args=[slug])
    return reverse("documents:route_documents", args=[slug, document.route_id])


@partnership_view("documents.generate")
@require_http_methods(["GET", "POST"])
def document_cancel(request: HttpRequest, document_id: int) -> HttpResponse:
    """Confirm, then cancel a document that waits or is being made."""
    document = _job_document(request, document_id)
    what = _("making the %(kind)s") % {"kind": document.get_kind_display()}
    back = _documents_url(request, document)
    return job_cancel_page(request, job=document, what=what, back_url=back)


@partnership_view("documents.generate")
@require_POST
def document_retry(request: HttpRequest, document_id: int) -> HttpResponse:
    """Make a document that failed, stopped or was cancelled again."""
    document = _job_document(request, document_id)
    back = _documents_url(request, document)
    return job_retry_page(request, job=document, back_url=back)
