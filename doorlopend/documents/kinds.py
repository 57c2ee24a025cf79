"""What each kind of document is: its file name and type, what it holds.

Its builder is registered by kind in `core.document_builders` from an app's
`AppConfig.ready()` (see `documents.apps` and `planning.apps`): it takes a route (or the
partnership) and an optional `progress(percent)` callback and returns the file's bytes
and its content as plain text lines: the text is what the content hash is over and what
two versions are compared on.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from doorlopend.core.document_builders import Builder, builder_for

from .models import Kind

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class KindSpec:
    kind: str
    prefix: str  # the start of the file name
    extension: str
    content_type: str
    description: Promise
    needs_parties: bool = False

    @property
    def label(self) -> str:
        return Kind(self.kind).label

    def build(self) -> Builder:
        return builder_for(self.kind)


SPECS: dict[str, KindSpec] = {
    spec.kind: spec
    for spec in [
        KindSpec(
            Kind.PROJECTPLAN,
            "projectplan",
            "pdf",
            PDF,
            _(
                "The partnership and who steers it, the route, its parties and their "
                "contributions, its aims, the region analysis, the draagvlak result and "
                "design, the step plan with each step's state, owner and due date, the "
                "budget, the deliverables, the councils' consent and the communication "
                "(PDF)."
            ),
        ),
        KindSpec(
            Kind.AGREEMENT,
            "samenwerkingsovereenkomst",
            "docx",
            DOCX,
            _(
                "The parties with BRIN and signatory, the route's content, duration, "
                "tasks and responsibilities and a signature block per party; a Word "
                "file to finish and sign."
            ),
            needs_parties=True,
        ),
        KindSpec(
            Kind.FINANCIAL,
            "financiele-afspraken",
            "docx",
            DOCX,
            _(
                "Each party's contribution and financial arrangements, and the total; "
                "a Word file, an annex to the samenwerkingsovereenkomst."
            ),
            needs_parties=True,
        ),
        KindSpec(
            Kind.DUO_MELDING,
            "duo-melding",
            "xlsx",
            XLSX,
            _(
                "What a school reports to DUO about the route: both schools' BRIN and "
                "location, the route, crebo, leerweg and profile, start date, BOL/BBL "
                "(a spreadsheet)."
            ),
        ),
    ]
}


# Documents of the whole partnership (route None); their builder takes the partnership.
# Apart from SPECS, which are the kinds on a route's documents page.
PARTNERSHIP_SPECS: dict[str, KindSpec] = {
    Kind.PROGRESS_REPORT: KindSpec(
        Kind.PROGRESS_REPORT,
        "voortgangsrapportage",
        "pdf",
        PDF,
        _(
            "The plan's progress for the stuurgroep: goals with their latest measurement "
            "and revisions, activities held, budget planned against spent, progress per "
            "school and the open action points (PDF)."
        ),
    ),
    Kind.COVENANT: KindSpec(
        Kind.COVENANT,
        "regionaal-convenant",
        "docx",
        DOCX,
        _(
            "The parties, aims, themes, funding, governance, duration and evaluation "
            "and a signature block per party; a Word file to finish and sign."
        ),
    ),
}


# A programme's PDF (route None, programme set); its builder takes the programme and the
# leerweg whose line it shows ("" for the whole programme).
PROGRAMME_SPEC = KindSpec(
    Kind.PROGRAMME,
    "programma",
    "pdf",
    PDF,
    _(
        "The heat map of years and the 7 elementen, the thin places, the items with "
        "their scores, samenhang and the eind- and startopdrachten (PDF, A4 landscape)."
    ),
)


def spec_for(kind: str) -> KindSpec | None:
    if kind == Kind.PROGRAMME:
        return PROGRAMME_SPEC
    return SPECS.get(kind) or PARTNERSHIP_SPECS.get(kind)
