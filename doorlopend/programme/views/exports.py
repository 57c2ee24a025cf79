"""The programme as XLSX, made in the request (well under a second on a large programme).

Its PDF takes seconds: `documents` makes it in the background (documents.programme_views).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from doorlopend.partnerships.access import partnership_view
from doorlopend.registry.education import Leerweg

from .. import exports
from ._common import programme_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _leerweg(request: HttpRequest) -> str:
    """One leerweg's line (?leerweg=tl), or the whole programme."""
    leerweg = request.GET.get("leerweg", "")
    return leerweg if leerweg in Leerweg.values else ""


@partnership_view("programme.view")
@require_GET
def programme_xlsx(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme, leerweg = programme_of(request, programme_id), _leerweg(request)
    return _download(
        exports.programme_xlsx(programme, leerweg),
        XLSX,
        exports.filename(programme, "xlsx", leerweg),
    )
