"""Charts of the cohort figures as SVG files, shown as `<img>` beside their data table.

Only `selectors.figures.CohortFigures` goes in — the suppressed figures — so a hidden
number is a gap in the chart, never a bar. pygal's `<script>` is taken out
(`core.charts.strip_scripts`), its `<style>` is harmless in an `<img>`.
"""

from __future__ import annotations

import pygal
from django.utils.translation import gettext as _
from pygal.style import Style

from doorlopend.core.charts import figure, strip_scripts

from .selectors.figures import FUNNEL, LEERROUTE, REGULAR, CohortFigures

CHARTS = ("funnel", "groups")
FUNNEL_HEIGHT = 480


def _style(*colors: str) -> Style:
    return Style(**{**BASE_STYLE, "colors": colors})


BASE_STYLE = {
    "background": "#ffffff",
    "plot_background": "#ffffff",
    "foreground": "#1f2937",
    "foreground_strong": "#111827",
    "foreground_subtle": "#9aa3ae",
    "opacity": ".85",
    "opacity_hover": ".95",
    "font_family": 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
    "label_font_size": 18,
    "major_label_font_size": 18,
    "value_font_size": 16,
    "legend_font_size": 18,
    "no_data_font_size": 22,
    "title_font_size": 18,
}
# Regular in blue, leerroute in orange: distinguishable for the common colour blindness.
LINE_STYLE = _style("#1d5fa8", "#d97706")
# The groups chart compares two measures, not the two routes: other colours.
MEASURE_STYLE = _style("#0f766e", "#4b5563")


def _percent(value: float | None) -> str:
    return "" if value is None else f"{figure(value, 0)}%"


def _chart(cls, *, style: Style = LINE_STYLE, **options):
    chart = cls(
        style=style,
        js=[],
        range=(0, 100),
        print_values=True,
        value_formatter=_percent,
        legend_at_bottom=True,
        legend_at_bottom_columns=1,
        y_labels=[0, 25, 50, 75, 100],
        truncate_legend=-1,
        truncate_label=-1,
        no_data_text=_("No figures to show"),
        allow_interruptions=True,
        **options,
    )
    chart.add_xml_filter(strip_scripts)
    return chart


def funnel_svg(figures: CohortFigures) -> bytes:
    """Per measure, the share of the year's pupils (or of those a year on), regular vs leerroute."""
    labels = {key: str(label) for key, label, _help in figures.measures}
    # pygal draws a horizontal bar chart bottom-up: reversed, the first measure is on top.
    measures = list(reversed(FUNNEL))
    chart = _chart(pygal.HorizontalBar, width=760, height=FUNNEL_HEIGHT)
    chart.x_labels = [labels[m] for m in measures]
    for key in (REGULAR, LEERROUTE):
        line = figures.total.line(key)
        if not line.pupils.empty:
            chart.add(line.label, [line.figures[m].percent for m in measures])
    return chart.render()


def groups_height(count: int) -> int:
    """The chart's height for `count` groups; the page's `<img>` says the same."""
    return max(300, 70 * count + 150)


def groups_svg(figures: CohortFigures) -> bytes:
    """Per group (all its pupils), the share registered by the deadline and started."""
    groups = list(reversed(figures.groups))  # drawn bottom-up: the first group on top
    labels = {key: str(label) for key, label, _help in figures.measures}
    chart = _chart(
        pygal.HorizontalBar,
        style=MEASURE_STYLE,
        width=760,
        height=groups_height(len(groups)),
    )
    chart.x_labels = [g.label for g in groups]
    for key in ("registered", "started"):
        chart.add(labels[key], [g.total.figures[key].percent for g in groups])
    return chart.render()


def chart_svg(name: str, figures: CohortFigures) -> bytes:
    return {"funnel": funnel_svg, "groups": groups_svg}[name](figures)
