"""Charts of a session's results as SVG: the same file in the page, the beamer and the PDF.

pygal's `<script>` is taken out of the tree before the SVG is written (`core.charts`).
Only figures from `results.session_results()` go in, so a suppressed theme never reaches
a chart.
"""

from __future__ import annotations

from functools import partial

import pygal
from django.utils.translation import gettext as _
from pygal.style import Style

from doorlopend.core.charts import figure, strip_scripts

from .selectors.results import SessionResults, ThemeResult

STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1f2937",
    foreground_strong="#111827",
    foreground_subtle="#9aa3ae",
    colors=("#1d5fa8",),
    opacity=".35",
    opacity_hover=".5",
    font_family='system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
    label_font_size=24,
    major_label_font_size=24,
    value_font_size=22,
    no_data_font_size=28,
    title_font_size=20,
)


def _finish(root, *, numbers_axis: str):
    """Take out pygal's `<script>` and make the scale's numbers smaller than the themes' names."""
    strip_scripts(root)
    for parent in list(root.iter()):
        for child in list(parent):
            tag = str(child.tag).rsplit("}", 1)[-1]
            if tag == "style":
                # pygal scopes its rules by the chart's id; so must ours, to win. (Its
                # `no_prefix` option leaves empty selectors that WeasyPrint rejects.)
                chart = "#" + root.get("id")
                child.text += f"{chart} .axis.{numbers_axis} text{{font-size:16px}}"
    return root


def _decimal(value: float | None) -> str:
    # The active language's decimal separator: "3,5" in Dutch.
    return figure(value, 1)


def charted_themes(results: SessionResults) -> list[ThemeResult]:
    """The themes with a mean to show; suppressed or unscored themes stay out."""
    return [
        t
        for t in results.themes
        if not t.figures.suppressed and t.figures.mean is not None
    ]


def uses_radar(results: SessionResults) -> bool:
    """A radar needs three axes; with fewer themes a bar chart says the same thing."""
    return len(results.definition.themes) > 1 and len(charted_themes(results)) >= 3


def radar_svg(results: SessionResults) -> bytes:
    """The theme means on a 1–5 radar (or horizontal bars when a radar would mislead)."""
    themes = charted_themes(results)
    # The instrument's own scale: 1–5 for the reflectietool and the scan, 1–2 for a poll.
    low, high = results.definition.scale.min, results.definition.scale.max
    options = {
        "style": STYLE,
        "js": [],
        "show_legend": False,
        "no_data_text": _("too few participants"),
        "width": 760,
    }
    radar = uses_radar(results)
    if radar:
        # pygal's radar has 0 at its centre; the scale starts at 1. Plot the distance
        # from 1 and label the rings with the scale's own numbers.
        chart = pygal.Radar(
            fill=True,
            dots_size=5,
            print_values=True,
            height=640,
            margin=20,
            range=(0, high - low),
            y_labels=[
                {"label": str(v), "value": v - low} for v in range(low, high + 1)
            ],
            value_formatter=lambda v: _decimal(v + low),
            **options,
        )
        offset = low
    else:
        # Bars grow from 1, the lowest score. (pygal fails on axis options without data.)
        axis = {"range": (low, high), "zero": low, "y_labels": [*range(low, high + 1)]}
        chart = pygal.HorizontalBar(
            height=max(260, 90 * len(themes) + 120),
            print_values=True,
            value_formatter=_decimal,
            **(axis if themes else {}),
            **options,
        )
        offset = 0
    # A horizontal bar chart has the numbers on its x axis.
    chart.add_xml_filter(partial(_finish, numbers_axis="y" if radar else "x"))
    # A theme's short name where the data file gives one (the scan's nine elements).
    chart.x_labels = [
        getattr(results.definition.theme(t.key), "short", "") or t.title for t in themes
    ]
    if themes:
        chart.add(_("Mean"), [round(t.figures.mean - offset, 2) for t in themes])
    return chart.render()
