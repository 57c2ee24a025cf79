"""Trends: how a partnership's scores move across repeated sessions of one instrument.

Each closed session's figures come from `results.results_of()` (two queries for
all sessions), so a suppressed figure stays suppressed here and is never part of a change.
Questions are matched across instrument versions by their key, themes by theirs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygal
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from pygal.style import Style

from doorlopend.core.charts import figure, strip_scripts
from doorlopend.partnerships.models import Partnership

from .. import selectors
from ..models import Session
from . import results
from .results import Figures

SCALE_RANGE = (1, 5)
# A change smaller than this shows as "no change": the figures have one decimal.
NO_CHANGE = 0.05

# Six themes, six colours that stay apart for the colour-blind (Okabe–Ito).
STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1f2937",
    foreground_strong="#111827",
    foreground_subtle="#9aa3ae",
    colors=(
        "#0072b2",
        "#d55e00",
        "#009e73",
        "#cc79a7",
        "#e69f00",
        "#56b4e9",
        "#000000",
    ),
    font_family='system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
    # Large for the chart's size: on a phone the SVG shrinks to about half.
    label_font_size=16,
    major_label_font_size=16,
    legend_font_size=16,
    value_font_size=12,
    no_data_font_size=20,
)


@dataclass
class TrendCell:
    """One figure of one session: its mean, or why there is none, and the change."""

    asked: bool  # False: this question was not in the session's instrument version
    suppressed: bool = False
    mean: float | None = None
    change: float | None = (
        None  # against the previous session; None when either is hidden
    )

    @property
    def shown(self) -> bool:
        return self.asked and not self.suppressed and self.mean is not None

    @property
    def direction(self) -> str:
        if self.change is None:
            return ""
        if abs(self.change) < NO_CHANGE:
            return "same"
        return "up" if self.change > 0 else "down"

    @property
    def change_text(self) -> str:
        """ "↑ 0,3", "↓ 0,2" or "= 0,0", in the active language's number format."""
        arrow = {"up": "↑", "down": "↓", "same": "="}.get(self.direction)
        if arrow is None:
            return ""
        return f"{arrow} {figure(abs(self.change), 1)}"

    @property
    def change_words(self) -> str:
        """The change for screen readers, which read "↑" as "upwards arrow"."""
        if not self.direction:
            return ""
        amount = figure(abs(self.change), 1)
        if self.direction == "same":
            return _("the same as the previous session")
        if self.direction == "up":
            return _("%(amount)s higher than the previous session") % {"amount": amount}
        return _("%(amount)s lower than the previous session") % {"amount": amount}


@dataclass
class TrendRow:
    key: str
    label: str
    cells: list[TrendCell] = field(default_factory=list)


@dataclass
class ThemeTrend:
    key: str
    title: str
    theme: TrendRow
    questions: list[TrendRow]


@dataclass
class Trends:
    instrument_key: str
    sessions: list[Session]
    themes: list[ThemeTrend]

    @property
    def enough(self) -> bool:
        """A trend needs at least two closed sessions."""
        return len(self.sessions) >= 2


def _cell(figures: Figures | None, previous: TrendCell | None) -> TrendCell:
    if figures is None:
        return TrendCell(asked=False)
    if figures.suppressed or figures.mean is None:
        return TrendCell(asked=True, suppressed=figures.suppressed)
    cell = TrendCell(asked=True, mean=figures.mean)
    if previous is not None and previous.shown:
        cell.change = figures.mean - previous.mean
    return cell


def _row(key: str, label: str, figures: list[Figures | None]) -> TrendRow:
    row = TrendRow(key=key, label=label)
    for f in figures:
        row.cells.append(_cell(f, row.cells[-1] if row.cells else None))
    return row


def instrument_trends(*, partnership: Partnership, instrument_key: str) -> Trends:
    """Per theme and per question the mean in each closed session, oldest first."""
    sessions = list(
        selectors.trend_sessions(partnership=partnership, instrument_key=instrument_key)
    )
    by_session = results.results_of(sessions)
    per_session = [by_session[s.pk] for s in sessions]
    # The newest wording leads; a theme or question only older versions had follows.
    themes: dict[str, str] = {}
    questions: dict[str, dict[str, str]] = {}
    for res in reversed(per_session):
        for t in res.themes:
            themes.setdefault(t.key, t.title)
            for q in t.questions:
                questions.setdefault(t.key, {}).setdefault(
                    q.key, f"{q.number}. {q.text}"
                )
    theme_figures = [{t.key: t.figures for t in r.themes} for r in per_session]
    question_figures = [{q.key: q.figures for q in r.questions} for r in per_session]
    return Trends(
        instrument_key=instrument_key,
        sessions=sessions,
        themes=[
            ThemeTrend(
                key=key,
                title=title,
                theme=_row(key, title, [f.get(key) for f in theme_figures]),
                questions=[
                    _row(qk, label, [f.get(qk) for f in question_figures])
                    for qk, label in questions.get(key, {}).items()
                ],
            )
            for key, title in themes.items()
        ],
    )


def trend_chart_svg(trends: Trends) -> bytes:
    """One line per theme over the sessions, on the 1–5 scale; gaps where suppressed."""
    chart = pygal.Line(
        style=STYLE,
        js=[],
        range=SCALE_RANGE,
        width=640,
        height=440,
        margin_right=48,  # room for the last date label, which pygal centres on its point
        allow_interruptions=True,
        legend_at_bottom=True,
        legend_at_bottom_columns=2,
        dots_size=4,
        value_formatter=figure,
        no_data_text=_("No figures yet"),
        truncate_legend=-1,
    )
    chart.add_xml_filter(strip_scripts)
    chart.x_labels = [date_format(s.date, "j N Y") for s in trends.sessions]
    for theme in trends.themes:
        chart.add(
            theme.title,
            [round(c.mean, 2) if c.shown else None for c in theme.theme.cells],
        )
    return chart.render()
