"""The aggregated results of a session as an XLSX workbook.

Only figures from `results.session_results()` go in — never an answer row — so the
anonymity threshold holds in the spreadsheet too: a suppressed figure is the text
"too few participants" in the cells where its numbers would be.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl import Workbook

from doorlopend.core import xlsx
from doorlopend.core.xlsx import BOLD, DECIMAL_2

from .models import Session
from .selectors import results
from .selectors.open_answers import open_answers
from .selectors.results import Figures, SessionResults

MAX_WIDTH = 80


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _scale_text(res: SessionResults) -> str:
    scale = res.definition.scale
    points = "; ".join(f"{v} = {label}" for v, label in scale.labels.items())
    return _("%(points)s; “%(dont_know)s” is not in the mean") % {
        "points": points,
        "dont_know": scale.dont_know,
    }


def _overview(wb: Workbook, session: Session, res: SessionResults) -> None:
    d = res.definition
    ws = xlsx.sheet_add(wb, _("Overview"), [_("Item"), _("Value")])
    rows = [
        (_("Session"), session.title),
        (_("Date"), session.date),
        (_("Partnership"), session.partnership.name),
        (_("Route"), session.route_name or "—"),
        (
            _("Instrument"),
            _("%(title)s (version %(version)s)")
            % {"title": d.title, "version": d.version},
        ),
        (_("Source"), f"{d.source.title}, {d.source.publisher}"),
        (_("Source address"), d.source.url or "—"),
        (_("Joined"), res.joined),
        (_("Answered every question"), res.finished),
        (_("Answered at least one question"), res.respondents),
        (_("Scale"), _scale_text(res)),
        (
            _("Anonymity"),
            _(
                "No figure is shown for a group of fewer than %(k)s people: "
                "those cells say “too few participants”."
            )
            % {"k": res.min_group},
        ),
    ]
    for row in rows:
        xlsx.row_add(ws, row)
    for cell in ws["A"]:
        cell.font = BOLD


def _figures_row(figures: Figures, scale: list[int]) -> list[object]:
    """n, 1…max, weet niet, mean, spread — or the suppression text in each cell."""
    if figures.suppressed:
        return [_("too few participants")] * (len(scale) + 4)
    return [
        figures.respondents,
        *(figures.distribution.get(v, 0) for v in scale),
        figures.dont_know,
        _round(figures.mean),
        _round(figures.spread),
    ]


def _questions(wb: Workbook, res: SessionResults) -> None:
    scale = res.definition.scale.values
    header = [
        _("Theme"),
        _("Number"),
        _("Question"),
        _("n"),
        *(str(v) for v in scale),
        res.definition.scale.dont_know,
        _("Mean"),
        _("Spread"),
    ]
    ws = xlsx.sheet_add(wb, _("Questions"), header)
    # Mean and spread, the last two columns, with two decimals.
    formats = [None] * (len(header) - 2) + [DECIMAL_2] * 2
    for q in res.questions:
        row = [q.theme_title, q.number, q.text, *_figures_row(q.figures, scale)]
        xlsx.row_add(ws, row, formats=formats)


def _groups(
    wb: Workbook,
    res: SessionResults,
    title: str,
    groups: list[tuple[str, str]],
    attr: str,
) -> None:
    header = [_("Theme"), *(str(label) for _key, label in groups), _("All")]
    ws = xlsx.sheet_add(wb, title, header)
    formats = [None] + [DECIMAL_2] * (len(header) - 1)
    for theme in res.themes:
        by_group = getattr(theme, attr)
        row: list[object] = [theme.title]
        for figures in [*(by_group[key] for key, _label in groups), theme.figures]:
            row.append(
                _("too few participants")
                if figures.suppressed
                else _round(figures.mean)
            )
        xlsx.row_add(ws, row, formats=formats)


def _open_answers(wb: Workbook, session: Session, res: SessionResults) -> None:
    """One row per shown answer; hidden answers and questions under k are left out by
    the selector. Written as text through the formula-safe helper: "=1+1" stays text."""
    questions = open_answers(session=session, respondents=res.respondents)
    if not questions:
        return
    ws = xlsx.sheet_add(wb, _("Open answers"), [_("Theme"), _("Question"), _("Answer")])
    for question in questions:
        texts = [i.text for i in question.shown] or [_("too few answers")]
        for text in texts:
            xlsx.row_add(ws, [question.theme_title, question.text, text])


def results_xlsx(session: Session) -> bytes:
    """The workbook: overview, questions, and theme means per sector and per layer
    (each breakdown only while the anonymity rule shows it)."""
    res = results.session_results(session)
    wb = xlsx.workbook_new()
    _overview(wb, session, res)
    _questions(wb, res)
    # A breakdown the anonymity rule hides gets no sheet at all: even its column
    # headings would tell which sectors or layers had someone present.
    if res.shows_sectors:
        _groups(wb, res, _("Themes by sector"), res.sectors, "by_sector")
    if res.shows_layers:
        _groups(wb, res, _("Themes by layer"), res.layers, "by_layer")
    _open_answers(wb, session, res)
    return xlsx.workbook_bytes(wb, max_width=MAX_WIDTH)
