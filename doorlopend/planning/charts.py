"""The measurement chart of a goal: a small pygal line chart, made on the server.

As in every chart of ours (core.charts), pygal's `<script>` is taken out. The SVG goes into the page as a
data: URI in an `<img>` (the CSP allows data: images): inline `<svg>` markup would carry
pygal's `<style>`, which the CSP's style-src blocks, while an image keeps its own style.
The same figures are in a table next to it, for screen readers and for exact values.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from decimal import Decimal

import pygal
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from pygal.style import Style

from doorlopend.core.charts import strip_scripts

from .models import Goal, Measurement

STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1f2937",
    foreground_strong="#111827",
    foreground_subtle="#9aa3ae",
    # Measured, baseline, target.
    colors=("#1d5fa8", "#6b7280", "#15803d"),
    font_family='system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
    label_font_size=14,
    major_label_font_size=14,
    legend_font_size=14,
    value_font_size=13,
    no_data_font_size=18,
)


def _number(value) -> str:
    return "" if value is None else number_format(Decimal(str(value)).normalize(), -1)


def goal_chart_svg(goal: Goal, measurements: Sequence[Measurement]) -> bytes:
    """The measured values over time, with the baseline and the target as flat lines."""
    chart = pygal.Line(
        style=STYLE,
        js=[],
        width=640,
        height=320,
        dots_size=4,
        legend_at_bottom=True,
        legend_at_bottom_columns=3,
        x_label_rotation=0,
        show_minor_x_labels=False,
        truncate_label=-1,
        value_formatter=_number,
        no_data_text=_("No measurements yet"),
    )
    chart.add_xml_filter(strip_scripts)
    chart.x_labels = [date_format(m.date, "j N Y") for m in measurements]
    # Show about six dates at most: a long series would overlap its labels.
    step = max(1, len(measurements) // 6)
    chart.x_labels_major = chart.x_labels[::step]
    if measurements:
        n = len(measurements)
        chart.add(_("Measured"), [float(m.value) for m in measurements])
        chart.add(
            _("Baseline"),
            [float(goal.baseline)] * n,
            show_dots=False,
            stroke_style={"dasharray": "6, 4"},
        )
        chart.add(
            _("Target"),
            [float(goal.target)] * n,
            show_dots=False,
            stroke_style={"dasharray": "2, 3", "width": 2},
        )
    return chart.render()


def goal_chart_data_uri(goal: Goal, measurements: Sequence[Measurement]) -> str:
    svg = goal_chart_svg(goal, measurements)
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
