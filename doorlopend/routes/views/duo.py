"""The DUO melding of a route: a printable page and the same rows as CSV and XLSX."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from doorlopend.partnerships.access import partnership_view

from .. import duo
from ..models import Leerroute
from .common import route_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@partnership_view("routes.view")
@require_GET
def duo_melding(request: HttpRequest, route_id: int) -> HttpResponse:
    route = route_of(request, route_id)
    rows = duo.duo_rows(route)
    context = {
        "route": route,
        "columns": duo.DUO_COLUMNS,
        "rows": [
            [(row[c], c in duo.OPTIONAL_COLUMNS) for c in duo.DUO_COLUMNS]
            for row in rows
        ],
        "problems": duo.duo_problems(route),
    }
    return render(request, "routes/duo_melding.html", context)


def _download(
    content: bytes, content_type: str, route: Leerroute, ext: str
) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    filename = f"duo-melding-{slugify(route.name) or route.pk}.{ext}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@partnership_view("routes.view")
@require_GET
def duo_melding_csv(request: HttpRequest, route_id: int) -> HttpResponse:
    route = route_of(request, route_id)
    return _download(duo.duo_csv(route), "text/csv; charset=utf-8", route, "csv")


@partnership_view("routes.view")
@require_GET
def duo_melding_xlsx(request: HttpRequest, route_id: int) -> HttpResponse:
    route = route_of(request, route_id)
    return _download(duo.duo_xlsx(route), XLSX, route, "xlsx")
