"""Trends across the partnership's closed sessions of one instrument."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.instruments.selectors import newest_version
from doorlopend.partnerships.access import partnership_view

from ..selectors import trends as trend_data


def _instrument(instrument_key: str) -> InstrumentVersion:
    """The newest version of the instrument: its title heads the page."""
    instrument = newest_version(
        kind=InstrumentVersion.Kind.QUESTIONNAIRE, key=instrument_key
    )
    if instrument is None:
        raise Http404("No such instrument.")
    return instrument


@partnership_view("reflection.view")
@require_GET
def trends(request: HttpRequest, instrument_key: str) -> HttpResponse:
    instrument = _instrument(instrument_key)
    data = trend_data.instrument_trends(
        partnership=request.partnership, instrument_key=instrument_key
    )
    context = {"instrument": instrument, "trends": data}
    return render(request, "reflection/trends.html", context)


@partnership_view("reflection.view")
@require_GET
def trend_chart(request: HttpRequest, instrument_key: str) -> HttpResponse:
    """The line chart as an SVG file: an `<img>` keeps pygal's `<style>` out of the page."""
    _instrument(instrument_key)
    data = trend_data.instrument_trends(
        partnership=request.partnership, instrument_key=instrument_key
    )
    return HttpResponse(trend_data.trend_chart_svg(data), content_type="image/svg+xml")
