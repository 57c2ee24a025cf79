"""The PDF report of a session: an HTML template rendered by WeasyPrint.

Every figure comes from `results.session_results()`, so the anonymity threshold holds in
the PDF as on the page; the radar is the very SVG the facilitator page shows, embedded as
a data: URI so that WeasyPrint never fetches a URL.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from doorlopend.core.pdf import pdf_render

from . import charts, selectors
from .models import ActionPoint, Session
from .selectors import results
from .selectors.open_answers import open_answers
from .selectors.results import Figures, SessionResults, ThemeResult

TEMPLATE = "reflection/report/report.html"
DISAGREEMENTS_SHOWN = 5


def report_filename(session: Session, extension: str) -> str:
    """reflectie-2026-06-12-reflectie-juni.pdf: sortable, and says which session."""
    slug = slugify(session.title)[:60] or "sessie"
    return f"reflectie-{session.date.isoformat()}-{slug}.{extension}"


@dataclass
class Cell:
    """One figure in a table: a number, or None when it is under the threshold."""

    value: float | int | None
    suppressed: bool


@dataclass
class ThemeSection:
    result: ThemeResult
    background: str
    principle: str
    note: str
    action_points: list[ActionPoint]


@dataclass
class GroupRow:
    label: str
    cells: list[Cell]
    total: Cell


def _mean(figures: Figures) -> Cell:
    return Cell(figures.mean, figures.suppressed)


def participation_rows(res: SessionResults) -> list[GroupRow]:
    """Who took part: a row per sector and a column per layer, as far as they are shown.

    Only the breakdowns `results` shows: sectors × layers only while every cell is 0 or
    at least k (then nothing in it is hidden), else the sector or the layer totals
    alone, so that no hidden figure follows from the others by subtraction. The last
    row holds the totals.
    """
    layers = res.layers if res.shows_layers else []
    rows = [
        GroupRow(
            label=label,
            cells=[_count(res.participation[(sector, layer)]) for layer, _l in layers],
            total=_count(res.sector_counts[sector]),
        )
        for sector, label in (res.sectors if res.shows_sectors else [])
    ]
    rows.append(
        GroupRow(
            label=_("Total"),
            cells=[_count(res.layer_counts[layer]) for layer, _l in layers],
            total=_count(res.respondents),
        )
    )
    return rows


def _count(value: int | None) -> Cell:
    return Cell(value, value is None)


def difference_rows(res: SessionResults, groups: str) -> list[GroupRow]:
    """Per theme the mean of each sector (`groups="sectors"`) or layer."""
    keys = [key for key, _label in getattr(res, groups)]
    attribute = "by_sector" if groups == "sectors" else "by_layer"
    return [
        GroupRow(
            label=theme.title,
            cells=[_mean(getattr(theme, attribute)[key]) for key in keys],
            total=_mean(theme.figures),
        )
        for theme in res.themes
    ]


def svg_data_uri(svg: bytes) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def report_context(
    session: Session, res: SessionResults, radar_svg: bytes | None
) -> dict[str, object]:
    """Everything the template shows, shaped so that it needs no lookups by key."""
    definition = res.definition
    participation = participation_rows(res)
    notes = {k: n.text for k, n in selectors.theme_notes(session=session).items()}
    points = selectors.action_point_list(
        partnership=session.partnership, session=session
    )
    sections = [
        ThemeSection(
            result=theme_result,
            background=theme.background,
            principle=theme.principle,
            note=notes.get(theme.key, ""),
            action_points=[p for p in points if p.theme_key == theme.key],
        )
        for theme, theme_result in zip(definition.themes, res.themes, strict=True)
    ]
    return {
        "session": session,
        "partnership": session.partnership,
        "definition": definition,
        "results": res,
        "scale": definition.scale.values,
        "radar_uri": svg_data_uri(radar_svg) if radar_svg else "",
        "participation": participation[:-1],
        "participation_total": participation[-1],
        "participation_columns": res.layers if res.shows_layers else [],
        "difference_tables": [
            {
                "title": title,
                "groups": getattr(res, groups),
                "rows": difference_rows(res, groups),
            }
            for title, groups, shown in (
                (_("Differences between sectors"), "sectors", res.shows_sectors),
                (_("Differences between layers"), "layers", res.shows_layers),
            )
            if shown
        ],
        "disagreements": res.disagreements[:DISAGREEMENTS_SHOWN],
        "sections": sections,
        "action_points": points,
        # Hidden answers and questions under k are left out by the selector.
        "open_answers": open_answers(session=session, respondents=res.respondents),
    }


def report_html(
    session: Session, *, progress: Callable[[int], None] | None = None
) -> str:
    progress = progress or (lambda percent: None)
    res = results.session_results(session)
    progress(40)
    # Under k in all, the report shows no figure and so no chart.
    radar = None if res.suppressed else charts.radar_svg(res)
    progress(60)
    return render_to_string(TEMPLATE, report_context(session, res, radar))


def report_pdf(
    session: Session, *, progress: Callable[[int], None] | None = None
) -> bytes:
    """The report as PDF bytes; `progress(percent)` is called after each step."""
    html = report_html(session, progress=progress)
    title = f"{session.title} · {session.partnership.name}"
    pdf = pdf_render(html, title=title)
    if progress:
        progress(90)
    return pdf
