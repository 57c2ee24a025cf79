"""The heat map: years × the 7 elementen, per leerweg, with the items behind a cell."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from doorlopend.partnerships.access import partnership_view
from doorlopend.registry.education import Leerweg

from ..elements import element_choices_of
from ..grid import row_from_key
from ..selectors import coverage
from ..selectors import programmes as selectors
from ._common import programme_of


@partnership_view("programme.view")
@require_GET
def heat_map(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_of(request, programme_id)
    leerweg = request.GET.get("leerweg", "")
    leerweg = leerweg if leerweg in Leerweg.values else ""
    items = selectors.programme_items(programme=programme, leerweg=leerweg, full=False)
    heat = coverage.heat_map(
        grouped=selectors.items_by_row(items, leerweg),
        elements=element_choices_of(programme),
    )
    row = row_from_key(request.GET.get("row", ""))
    element = request.GET.get("element", "")
    chosen = heat.cell(row.key, element) if row else None
    context = {
        "programme": programme,
        "heat": heat,
        "leerweg": leerweg,
        "leerwegen": Leerweg.choices,
        "chosen": chosen,
        "chosen_title": dict(heat.elements).get(element, ""),
    }
    return render(request, "programme/heat_map.html", context)
