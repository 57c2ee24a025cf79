"""The covenant's Word file: made in the background by documents, polled, compared
(`documents.kind_views`, as the voortgangsrapportage).

Files download through documents:download, like every generated document.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from doorlopend.documents.kind_views import KindPages
from doorlopend.documents.models import Kind
from doorlopend.partnerships.access import partnership_view

from .. import services
from .pages import covenant_or_404

PAGES = KindPages(
    kind=Kind.COVENANT,
    status_template="covenant/_document_status.html",
    page="covenant:detail",
    page_label=_("Regional covenant"),
    compare="covenant:document_compare",
    making=_("The Word file is being made; it appears here when it is ready."),
)


@partnership_view("covenant.manage")
@require_POST
def document_make(request: HttpRequest) -> HttpResponse:
    covenant = covenant_or_404(request)
    return PAGES.make(
        request,
        lambda: services.covenant_document_request(
            covenant=covenant, by=request.membership, language=request.LANGUAGE_CODE
        ),
    )


@partnership_view("covenant.view")
@require_GET
def document_status(request: HttpRequest) -> HttpResponse:
    """htmx polls this every 2 s while a version is being made."""
    return PAGES.status(request)


@partnership_view("covenant.view")
@require_GET
def document_compare(request: HttpRequest) -> HttpResponse:
    return PAGES.compare_page(request)
