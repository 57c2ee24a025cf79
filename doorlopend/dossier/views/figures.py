"""The dossier's figures page: for everyone who sees the monitor's figures; never names."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from doorlopend.partnerships.access import partnership_view

from ..selectors import figures as selectors


@partnership_view("transitions.figures")
@require_GET
def dossier_figures(request: HttpRequest) -> HttpResponse:
    years = selectors.cohorts(partnership=request.partnership)
    try:
        cohort = int(request.GET["jaar"])
    except (KeyError, ValueError):
        cohort = None
    if cohort not in years:
        cohort = years[0] if years else None
    figures = (
        selectors.dossier_figures(partnership=request.partnership, cohort=cohort)
        if cohort is not None
        else None
    )
    context = {"years": years, "cohort": cohort, "figures": figures}
    return render(request, "dossier/handover/figures.html", context)
