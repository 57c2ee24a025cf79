"""The monitor's start page, the flow diagram, the charts and the XLSX: figures only.

Every role may open these (`transitions.figures`); they show aggregates with small
numbers hidden (`suppression`) and never a name or a row per pupil, so they write no
access log. Links to pupil pages appear only for the member's own schools.
"""

from __future__ import annotations

from dataclasses import replace

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from doorlopend.partnerships.access import partnership_view

from .. import charts, export
from ..access import pupil_schools, schools_where
from ..forms.figures import WHOLE, FiguresFilterForm, SankeyFilterForm, filter_form
from ..selectors import figures as figure_services
from ..selectors.sankey import sankey_flows, status_legend
from ..selectors.together import together_figures

SVG = "image/svg+xml"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@partnership_view("transitions.figures")
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    cohorts = figure_services.cohorts(partnership=request.partnership)
    form = filter_form(FiguresFilterForm, request, cohorts=cohorts)
    figures = None
    if form.chosen_cohort is not None:
        figures = _figures(request, form)
    context = {
        "form": form,
        "figures": figures,
        "pair": _pair(cohorts, form.chosen_cohort),
        "groups_chart_height": charts.groups_height(
            len(figures.groups) if figures else 0
        ),
        "pupil_schools": pupil_schools(request.membership),
        # The schools whose access log this member keeps.
        "privacy_schools": schools_where(request.membership, "transitions.privacy"),
    }
    return render(request, "transitions/figures/home.html", context)


@partnership_view("transitions.figures")
@require_GET
def sankey(request: HttpRequest) -> HttpResponse:
    cohorts = figure_services.cohorts(partnership=request.partnership)
    form = filter_form(SankeyFilterForm, request, cohorts=cohorts)
    flows = None
    if form.chosen_cohort is not None:
        flows = sankey_flows(
            partnership=request.partnership,
            cohort=form.chosen_cohort,
            middle=form.chosen_middle,
        )
    context = {"form": form, "flows": flows, "status_legend": status_legend()}
    return render(request, "transitions/figures/sankey.html", context)


@partnership_view("transitions.figures")
@require_GET
def chart(request: HttpRequest, name: str) -> HttpResponse:
    """A chart of the start page as an SVG file (an `<img>`: pygal's style stays out)."""
    if name not in charts.CHARTS:
        raise Http404("No such chart.")
    cohorts = figure_services.cohorts(partnership=request.partnership)
    form = filter_form(FiguresFilterForm, request, cohorts=cohorts)
    if form.chosen_cohort is None:
        raise Http404("No figures yet.")
    figures = _figures(request, form)
    return HttpResponse(charts.chart_svg(name, figures), content_type=SVG)


def _figures(request: HttpRequest, form: FiguresFilterForm):
    """The year's figures per grouping; "the whole partnership": the totals alone."""
    dimension = form.chosen_dimension
    figures = figure_services.cohort_figures(
        partnership=request.partnership,
        cohort=form.chosen_cohort,
        dimension="sending" if dimension == WHOLE else dimension,
    )
    return replace(figures, groups=[]) if dimension == WHOLE else figures


def _pair(cohorts: list[int], cohort: int | None) -> list[int]:
    """The year and the one before it, shown together; [] when there is no earlier year."""
    if cohort not in cohorts or cohorts.index(cohort) + 1 >= len(cohorts):
        return []
    return [cohort, cohorts[cohorts.index(cohort) + 1]]


@partnership_view("transitions.figures")
@require_GET
def together(request: HttpRequest) -> HttpResponse:
    """Two years together: the partnership's totals only, so that small leerroutes show."""
    cohorts = figure_services.cohorts(partnership=request.partnership)
    form = filter_form(FiguresFilterForm, request, cohorts=cohorts)
    pair = _pair(cohorts, form.chosen_cohort)
    if not pair:
        raise Http404("No earlier year to add.")
    figures = together_figures(partnership=request.partnership, cohorts=pair)
    context = {"figures": figures, "pair": sorted(pair)}
    return render(request, "transitions/figures/together.html", context)


@partnership_view("transitions.figures")
@require_GET
def figures_export(request: HttpRequest) -> HttpResponse:
    cohorts = figure_services.cohorts(partnership=request.partnership)
    form = filter_form(FiguresFilterForm, request, cohorts=cohorts)
    if form.chosen_cohort is None:
        raise Http404("No figures yet.")
    content = export.figures_xlsx(
        partnership=request.partnership, cohort=form.chosen_cohort
    )
    response = HttpResponse(content, content_type=XLSX)
    filename = f"doorstroom-{request.partnership.slug}-{form.chosen_cohort}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
