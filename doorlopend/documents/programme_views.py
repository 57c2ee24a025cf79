"""A programme's PDF page: make a version (in the background), wait, download, compare.

The programme's pages send the user here by a button that asks for a new version; the
page polls the job with htmx and lists the versions. Files are downloaded through
documents:download, like every generated document.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from doorlopend.partnerships.access import partnership_view
from doorlopend.programme.models import Programme
from doorlopend.programme.selectors import programmes as programmes
from doorlopend.registry.education import Leerweg

from . import programme_services as services
from . import selectors as documents
from .models import GeneratedDocument

STATUS_TEMPLATE = "documents/programme/_status.html"


def _programme(request: HttpRequest, programme_id: int) -> Programme:
    programme = programmes.programme_get(
        partnership=request.partnership, programme_id=programme_id
    )
    if programme is None:
        raise Http404("No such programme.")
    return programme


def _leerweg(value: str) -> str:
    """One leerweg's line (tl), or "" for the whole programme."""
    return value if value in Leerweg.values else ""


def _context(programme: Programme, leerweg: str, **extra) -> dict:
    section = documents.programme_kind_section(programme=programme, leerweg=leerweg)
    return {"programme": programme, "leerweg": leerweg, "section": section, **extra}


@partnership_view("programme.view")
@require_GET
def programme_pdf(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = _programme(request, programme_id)
    context = _context(programme, _leerweg(request.GET.get("leerweg", "")))
    return render(request, "documents/programme/programme_pdf.html", context)


@partnership_view("programme.view")
@require_POST
def programme_pdf_make(request: HttpRequest, programme_id: int) -> HttpResponse:
    """Queue a new version and show it being made (on its page, or in place by htmx)."""
    programme = _programme(request, programme_id)
    leerweg = _leerweg(request.POST.get("leerweg", ""))
    services.programme_pdf_request(
        programme=programme,
        leerweg=leerweg,
        by=request.membership,
        language=request.LANGUAGE_CODE,
    )
    if request.htmx:
        return render(request, STATUS_TEMPLATE, _context(programme, leerweg, oob=True))
    slug = request.partnership.slug
    return redirect(services.programme_pdf_url(slug, programme.pk, leerweg))


@partnership_view("programme.view")
@require_GET
def programme_pdf_status(request: HttpRequest, programme_id: int) -> HttpResponse:
    """htmx polls this every 2 s while a version is being made; once it is finished the
    fragment also swaps in the new list of versions."""
    programme = _programme(request, programme_id)
    leerweg = _leerweg(request.GET.get("leerweg", ""))
    return render(request, STATUS_TEMPLATE, _context(programme, leerweg, oob=True))


def _version(programme: Programme, value: str) -> GeneratedDocument:
    if not value.isdigit():
        raise Http404("No such version.")
    return get_object_or_404(
        GeneratedDocument,
        pk=int(value),
        partnership_id=programme.partnership_id,
        programme=programme,
        kind=services.KIND,
        status=GeneratedDocument.Status.DONE,
    )


@partnership_view("programme.view")
@require_GET
def programme_pdf_compare(request: HttpRequest, programme_id: int) -> HttpResponse:
    """Two versions of one line (?a=<id>&b=<id>) line by line, the earlier one first."""
    programme = _programme(request, programme_id)
    leerweg, versions = _leerweg(request.GET.get("leerweg", "")), None
    if request.GET.get("a") and request.GET.get("b"):
        versions = [_version(programme, request.GET[key]) for key in ("a", "b")]
        leerweg = versions[0].leerweg  # the compare form names versions, not the line
        if versions[1].leerweg != leerweg:
            raise Http404("Versions of two lines.")
    context = _context(programme, leerweg, subject=programme.name)
    slug = request.partnership.slug
    context |= {
        "back_url": services.programme_pdf_url(slug, programme.pk, leerweg),
        "back_label": _("PDF of %(name)s") % {"name": programme.name},
        "compare_url": reverse(
            "programme_pdf:programme_pdf_compare", args=[slug, programme.pk]
        ),
    }
    if versions:
        context |= documents.compare_context(context["section"], *versions)
    return render(request, "documents/compare.html", context)
