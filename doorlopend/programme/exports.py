"""The programme as XLSX (items with their ratings, the heat map, the eind- and
startopdrachten) and as PDF, A4 landscape. Both read what the programme page reads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from doorlopend.core import xlsx
from doorlopend.core.pdf import pdf_render

from .elements import element_choices_of
from .models import AssignmentPair, Programme
from .selectors import coverage
from .selectors import programmes as selectors


@dataclass
class Content:
    programme: Programme
    elements: list[tuple[str, str]]
    grouped: list
    heat: coverage.HeatMap
    lines: list
    pairs: list[AssignmentPair]


def content_of(programme: Programme, leerweg: str = "") -> Content:
    items = selectors.programme_items(programme=programme, leerweg=leerweg)
    grouped = selectors.items_by_row(items, leerweg)
    elements = element_choices_of(programme)
    for item in items:
        item.score_row = [
            r.score if (r := item.scores.get(key)) else None for key, _t in elements
        ]
    return Content(
        programme=programme,
        elements=elements,
        grouped=grouped,
        heat=coverage.heat_map(grouped=grouped, elements=elements),
        lines=selectors.samenhang_lines(items),
        pairs=list(selectors.pairs_of(programme=programme)),
    )


def filename(programme: Programme, extension: str, leerweg: str = "") -> str:
    name = f"programma-{slugify(programme.name)}-{programme.school_year}"
    return f"{name}-{leerweg}.{extension}" if leerweg else f"{name}.{extension}"


def programme_xlsx(programme: Programme, leerweg: str = "") -> bytes:
    """Sheets: the items with a score (0, 1, 2) per element, each rating's why, the heat
    map (best score and how many items serve it), the eind- and startopdrachten."""
    c = content_of(programme, leerweg)
    wb = xlsx.workbook_new()
    titles = [title for _key, title in c.elements]
    items = xlsx.sheet_add(
        wb,
        _("Programme"),
        [
            _("Year"),
            _("When"),
            _("Title"),
            _("Form"),
            _("For whom"),
            _("Organised by"),
            _("Leads to"),
            *titles,
        ],
    )
    why = xlsx.sheet_add(
        wb, _("Ratings"), [_("Year"), _("Title"), _("Element"), _("Score"), _("Why")]
    )
    for group in c.grouped:
        for item in group.items:
            scores = [item.scores.get(key) for key, _title in c.elements]
            xlsx.row_add(
                items,
                [
                    group.row.label,
                    item.get_period_display(),
                    item.title,
                    item.get_form_display(),
                    item.get_audience_display(),
                    ", ".join(o.name for o in item.organisation_list),
                    item.leads_to.title if item.leads_to else "",
                    *(r.score if r else None for r in scores),
                ],
            )
            for (_key, title), rating in zip(c.elements, scores, strict=True):
                if rating is not None:
                    xlsx.row_add(
                        why,
                        [
                            group.row.label,
                            item.title,
                            title,
                            rating.get_score_display(),
                            rating.why,
                        ],
                    )
    heat = xlsx.sheet_add(wb, _("Coverage"), [_("Year"), *titles])
    for heat_row in c.heat.rows:
        xlsx.row_add(
            heat,
            [
                heat_row.row.label,
                *(
                    f"{cell.words} ({cell.serving}/{len(cell.items)})"
                    if cell.items
                    else cell.words
                    for cell in heat_row.cells
                ),
            ],
        )
    pairs = xlsx.sheet_add(
        wb,
        _("Eind- and startopdracht"),
        [
            _("Title"),
            _("Eindopdracht vo"),
            _("Startopdracht mbo"),
            _("Criteria"),
            _("Owner in vo"),
            _("When in vo"),
            _("Owner in mbo"),
            _("When in mbo"),
        ],
    )
    for pair in c.pairs:
        xlsx.row_add(
            pairs,
            [
                pair.title,
                pair.eindopdracht,
                pair.startopdracht,
                pair.criteria,
                ", ".join(filter(None, [str(pair.vo_owner or ""), pair.vo_contact])),
                pair.vo_when,
                ", ".join(filter(None, [str(pair.mbo_owner or ""), pair.mbo_contact])),
                pair.mbo_when,
            ],
        )
    return xlsx.workbook_bytes(wb)


def programme_pdf(
    programme: Programme,
    *,
    leerweg: str = "",
    progress: Callable[[int], None] | None = None,
) -> tuple[bytes, str]:
    """The heat map, the thin places, the items with their scores, samenhang and the
    eind- and startopdrachten; with `leerweg`, that leerweg's line only. The PDF's bytes
    and its content as text lines (what `documents` keeps and compares versions on).

    Made in the background by `documents` (its `programme` kind, registered in apps.py):
    rendering a large programme takes seconds, more than a request may wait.
    """
    progress = progress or (lambda percent: None)
    c = content_of(programme, leerweg)
    progress(30)
    title = f"{programme.name} {programme.school_year_label}"
    if leerweg:
        title = f"{title} · {leerweg.upper()}"
    html = render_to_string(
        "programme/pdf/programme.html",
        {"c": c, "title": title, "made_at": timezone.localtime()},
    )
    progress(50)
    pdf = pdf_render(html, title=title)
    progress(90)
    return pdf, _content_text(c, title)


def _content_text(c: Content, title: str) -> str:
    """The PDF's content as lines: equal for equal content, whenever it was made."""
    lines = [f"# {title}", "", f"## {_('Coverage at a glance')}"]
    for heat_row in c.heat.rows:
        cells = "; ".join(
            f"{element}: {cell.words}"
            for (_key, element), cell in zip(c.elements, heat_row.cells, strict=True)
        )
        lines.append(f"{heat_row.row.label} – {cells}")
    lines += ["", f"## {_('Thin places')}", *(place.text for place in c.heat.thin)]
    lines += ["", f"## {_('Year by year')}"]
    for group in c.grouped:
        for item in group.items:
            scores = " ".join("–" if s is None else str(s) for s in item.score_row)
            lines.append(f"{group.row.label} – {item.title} ({scores})")
    lines += ["", f"## {_('Samenhang')}"]
    lines += [" → ".join(step.title for step in line) for line in c.lines]
    lines += ["", f"## {_('Eindopdracht vo and startopdracht mbo')}"]
    lines += [f"{p.title}: {p.eindopdracht} / {p.startopdracht}" for p in c.pairs]
    return "\n".join(lines) + "\n"
