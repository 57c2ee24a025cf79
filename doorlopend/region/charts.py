"""The region analysis's charts as SVG files, shown as `<img>` beside their table.

Drawn from the answers the page shows (`selectors`), never from the rows themselves: a
sum with a masked (unknown) part is drawn as its known part and labelled "at least",
as the table beside it says; a masked cell is never drawn as 0. pygal's `<script>` is
taken out (`core.charts.strip_scripts`).
"""

from __future__ import annotations

import pygal
from django.utils.translation import gettext as _
from pygal.style import Style

from doorlopend.core.charts import strip_scripts

from .selectors import Answer, Count

CHARTS = {"sectors": 1, "target": 4, "variant": 5}  # chart → the question it shows
WIDTH = 640

STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1f2937",
    foreground_strong="#111827",
    foreground_subtle="#9aa3ae",
    opacity=".85",
    opacity_hover=".95",
    font_family='system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
    label_font_size=18,
    major_label_font_size=18,
    value_font_size=16,
    legend_font_size=18,
    no_data_font_size=22,
    # BOL in blue, BBL in orange: distinguishable for the common colour blindness.
    colors=("#1d5fa8", "#d97706"),
)


def _count(value: float | None) -> str:
    """A count (and an axis step) as a whole number: pygal hands the axis floats."""
    return "" if value is None else f"{value:.0f}"


def _value(count: Count) -> dict:
    """A bar for `count`: its known part, labelled as the table labels it."""
    if not count.at_least:
        return {"value": count.known}
    label = _("at least %(n)s") % {"n": count.known}
    return {"value": count.known, "formatter": lambda _value: label}


def _chart(cls, *, height: int, **options):
    chart = cls(
        style=STYLE,
        js=[],
        width=WIDTH,
        height=height,
        print_values=True,
        value_formatter=_count,
        legend_at_bottom=True,
        legend_at_bottom_columns=2,
        truncate_legend=-1,
        truncate_label=-1,
        no_data_text=_("No figures to show"),
        allow_interruptions=True,
        **options,
    )
    chart.add_xml_filter(strip_scripts)
    return chart


def height(name: str, answer: Answer) -> int:
    """The chart's height; the page's `<img>` says the same."""
    if name == "sectors":
        return max(260, 60 * len(answer.rows) + 140)
    return 360


def sectors_svg(answer: Answer) -> bytes:
    """Per sector with good prospects, the vacancies in those occupational groups."""
    rows = list(reversed(answer.rows))  # drawn bottom-up: the first sector on top
    chart = _chart(
        pygal.HorizontalBar,
        height=height("sectors", answer),
        show_legend=False,
        show_x_labels=False,  # the value axis: the values are printed on the bars
    )
    chart.x_labels = [row["sector"] for row in rows]
    chart.add(_("Vacancies"), [_value(row["vacancies"]) for row in rows])
    return chart.render()


def target_svg(answer: Answer) -> bytes:
    """Pupils per year."""
    chart = _chart(pygal.Bar, height=height("target", answer), show_legend=False)
    chart.x_labels = [str(row["year"]) for row in answer.rows]
    chart.add(_("Pupils"), [_value(row["count"]) for row in answer.rows])
    return chart.render()


def variant_svg(answer: Answer) -> bytes:
    """BOL and BBL students per year, side by side."""
    chart = _chart(pygal.Bar, height=height("variant", answer))
    chart.x_labels = [str(row["year"]) for row in answer.rows]
    chart.add("BOL", [_value(row["bol"]) for row in answer.rows])
    chart.add("BBL", [_value(row["bbl"]) for row in answer.rows])
    return chart.render()


def chart_svg(name: str, answer: Answer) -> bytes:
    return {"sectors": sectors_svg, "target": target_svg, "variant": variant_svg}[name](
        answer
    )
