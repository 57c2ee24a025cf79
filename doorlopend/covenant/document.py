"""The regional covenant as a Word file, from a template (`docx/convenant.docx`, made by
`docx/make_template.py`) filled with docxtpl, like the route agreements. documents makes
and keeps each version (a GeneratedDocument of the partnership, kind "covenant").

What the template gets:
    title, partnership, approved ("Vastgesteld door de stuurgroep op …" or "")
    parties[]: .name, .kind, .place, .signatory, .function, .commitment (multi-line),
         .signed ("ondertekend op 3 maart 2027" or "")
    aims (multi-line), themes[] (text), funding[]: .name, .kind, .amount
    funding_notes, governance (multi-line; "" when empty), stuurgroep[] (names)
    starts_on, ends_on, evaluation_on ("1 augustus 2027")
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from doorlopend.approvals.selectors import approval_state
from doorlopend.core.document_content import euro
from doorlopend.documents.agreement import docx_text
from doorlopend.partnerships.models import Partnership

from . import selectors
from .approval import KIND

TEMPLATE = Path(__file__).resolve().parent / "docx" / "convenant.docx"


def _multiline(text: str):
    from docxtpl import Listing

    text = (text or "").replace("\r", "").strip()
    return Listing(text) if text else ""


def _date(value) -> str:
    return formats.date_format(value, "j F Y") if value else ""


def covenant_context(partnership: Partnership) -> dict:
    """What the template is filled with (the names are listed in the module's doc)."""
    covenant = selectors.covenant_of(partnership=partnership)
    with translation.override("nl"):
        parties = [
            {
                "name": p.organisation.name,
                "kind": str(p.organisation.get_kind_display()),
                "place": p.organisation.place,
                "signatory": p.signatory_name,
                "function": p.signatory_function,
                "commitment": _multiline(p.commitment),
                "signed": (
                    _("signed on %(date)s") % {"date": _date(p.signed_on)}
                    if p.signed_on
                    else ""
                ),
            }
            for p in selectors.party_list(covenant=covenant)
        ]
        state = approval_state(partnership=partnership, kind=KIND)
        approved = (
            _("Vastgesteld door de stuurgroep op %(date)s")
            % {"date": _date(timezone.localtime(state.approved.decided_at))}
            if state.current_is_approved
            else ""
        )
        return {
            "title": covenant.title,
            "partnership": partnership.name,
            "approved": approved,
            "parties": parties,
            "aims": _multiline(covenant.aims),
            "themes": covenant.theme_list,
            "funding": [
                {
                    "name": s.name,
                    "kind": str(s.get_kind_display()),
                    "amount": euro(s.amount),
                }
                for s in covenant.funding_sources.all()
            ],
            "funding_notes": _multiline(covenant.funding_notes),
            "governance": _multiline(covenant.governance),
            "stuurgroep": [
                m.name for m in selectors.stuurgroep(partnership=partnership)
            ],
            "starts_on": _date(covenant.starts_on),
            "ends_on": _date(covenant.ends_on),
            "evaluation_on": _date(covenant.evaluation_on),
        }


def build(
    partnership: Partnership, *, progress: Callable[[int], None] | None = None
) -> tuple[bytes, str]:
    """The covenant as Word bytes and its text as Word shows it."""
    from docxtpl import DocxTemplate

    progress = progress or (lambda percent: None)
    context = covenant_context(partnership)
    progress(30)
    doc = DocxTemplate(TEMPLATE)
    doc.render(context, autoescape=True)  # "&" or "<" in a name must not break the XML
    props = doc.docx.core_properties
    props.title = f"{context['title']} · {partnership.name}"
    props.author = partnership.name
    props.last_modified_by = "Doorlopend"
    props.created = props.modified = timezone.now().replace(microsecond=0)
    progress(60)
    out = io.BytesIO()
    doc.save(out)
    data = out.getvalue()
    progress(80)
    return data, docx_text(data)
