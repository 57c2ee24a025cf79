"""The samenwerkingsovereenkomst and the financiële afspraken: Word files from templates.

The templates (`docx/*.docx`, made by `docx/make_templates.py`) are Dutch legal texts with
docxtpl tags; this module fills them from the route and its parties. The content text
(what the hash is over) is read back from the filled file, so it is exactly what Word
shows, template text included.

What the templates get:
    partnership                 the partnership's name
    route.name, .qualification, .crebo, .leerweg, .profile, .mbo_leerweg (labels),
         .vmbo_schools, .mbo_school, .first_school_year ("2027-2028"),
         .last_school_year, .start_date ("1 augustus 2027"), .duration_years,
         .aims, .design, .overstapoptie, .examination (multi-line; "" when empty)
    parties[]: .name, .brin, .vestiging, .place, .signatory, .position,
         .responsibilities, .financial_notes (multi-line), .contribution ("€ 1.250,00")
    total                       the sum of the contributions ("€ 3.750,00")
    dossier: .name, .handover_by the partnership's dossier agreement (dossier app);
         "" when none is agreed yet (the article then says it is still to be agreed)
"""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from django.utils import formats, timezone, translation

from doorlopend.core.document_content import euro
from doorlopend.dossier.selectors.pages import agreement_of
from doorlopend.routes.models import Leerroute

TEMPLATES = Path(__file__).resolve().parent / "docx"
AGREEMENT_TEMPLATE = TEMPLATES / "samenwerkingsovereenkomst.docx"
FINANCIAL_TEMPLATE = TEMPLATES / "financiele-afspraken.docx"
# The templates are Dutch texts: the labels filled into them are Dutch too.
LANGUAGE = "nl"
NONE = "—"


def _multiline(text: str):
    """Multi-line text as docxtpl keeps its line breaks; "" when empty (the template
    then shows its "fill in" marker)."""
    from docxtpl import Listing

    text = (text or "").replace("\r", "").strip()
    return Listing(text) if text else ""


def _school_year(year: int) -> str:
    return f"{year}-{year + 1}"


def agreement_context(route: Leerroute) -> dict:
    """What both templates are filled with (the names are listed in the module's doc)."""
    with translation.override(LANGUAGE):
        parties = list(
            route.parties.select_related("organisation__register_entry").order_by(
                "organisation__name", "pk"
            )
        )
        vmbo = list(route.vmbo_locations.all())
        rows = []
        for party in parties:
            org = party.organisation
            entry = org.register_entry
            rows.append(
                {
                    "name": org.name,
                    "brin": entry.brin if entry else NONE,
                    "vestiging": (entry.vestiging if entry else "") or NONE,
                    "place": org.place or (entry.place if entry else ""),
                    "signatory": party.signatory_name,
                    "position": party.signatory_role,
                    "responsibilities": _multiline(party.responsibilities),
                    "contribution": euro(party.contribution),
                    "financial_notes": _multiline(party.financial_notes),
                }
            )
        dossier = agreement_of(route.partnership)
        last_year = route.start_year + max(route.duration_years, 1) - 1
        context = {
            "partnership": route.partnership.name,
            "route": {
                "name": route.name,
                "qualification": route.qualification,
                "crebo": route.crebo,
                "leerweg": str(route.get_leerweg_display()),
                "profile": str(route.get_profile_display()),
                "mbo_leerweg": str(route.get_mbo_leerweg_display()),
                "vmbo_schools": ", ".join(o.name for o in vmbo) or NONE,
                "mbo_school": route.mbo_location.name,
                "first_school_year": _school_year(route.start_year),
                "last_school_year": _school_year(last_year),
                "start_date": formats.date_format(route.start_date, "j F Y"),
                "duration_years": route.duration_years,
                "aims": _multiline(route.aims),
                "design": _multiline(route.design),
                "overstapoptie": _multiline(route.overstapoptie),
                "examination": _multiline(route.examination),
            },
            "parties": rows,
            "dossier": (
                {"name": dossier.name, "handover_by": dossier.handover_by}
                if dossier is not None
                else ""
            ),
            "total": euro(
                sum((p.contribution or Decimal(0) for p in parties), Decimal(0))
            ),
        }
    return context


def docx_text(data: bytes) -> str:
    """The text of a Word file in reading order: paragraphs, and each table row as one
    line of cells separated by " | ". Opening it with python-docx also proves it opens."""
    from docx import Document

    lines = []
    for block in Document(io.BytesIO(data)).iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                cells = [" / ".join(c.text.split("\n")).strip() for c in row.cells]
                if any(cells):
                    lines.append(" | ".join(cells))
        else:
            lines += [line.strip() for line in block.text.split("\n") if line.strip()]
    return "\n".join(lines) + "\n"


def _describe(props, route: Leerroute) -> None:
    """What a file list and Word's properties show: the route in the title, the
    partnership as author, and when this file was made (the template holds a fixed date)."""
    props.title = f"{props.title} · {route.name}"
    props.author = route.partnership.name
    props.last_modified_by = "Doorlopend"
    props.created = props.modified = timezone.now().replace(microsecond=0)
    props.revision = 1


def _fill(
    template: Path, route: Leerroute, progress: Callable[[int], None] | None
) -> tuple[bytes, str]:
    from docxtpl import DocxTemplate

    progress = progress or (lambda percent: None)
    context = agreement_context(route)
    progress(30)
    doc = DocxTemplate(template)
    doc.render(context, autoescape=True)  # "&" or "<" in a name must not break the XML
    _describe(doc.docx.core_properties, route)
    progress(60)
    out = io.BytesIO()
    doc.save(out)
    data = out.getvalue()
    progress(80)
    return data, docx_text(data)


def build_agreement(
    route: Leerroute, *, progress: Callable[[int], None] | None = None
) -> tuple[bytes, str]:
    return _fill(AGREEMENT_TEMPLATE, route, progress)


def build_financial(
    route: Leerroute, *, progress: Callable[[int], None] | None = None
) -> tuple[bytes, str]:
    return _fill(FINANCIAL_TEMPLATE, route, progress)
