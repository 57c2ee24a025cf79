"""Each builder's file, opened and read back: the content a reader would find in it."""

import io
import zipfile

import pytest
from django.utils import translation
from django.utils.translation import gettext as _
from django_scopes import scope
from docx import Document
from openpyxl import load_workbook

from doorlopend.core.testing.pdf import pdf_text, squeezed
from doorlopend.roadmaps.models import Status
from doorlopend.routes.duo import DUO_COLUMNS

from .. import agreement, duo_melding, projectplan
from ..agreement import euro
from ..docx import make_templates
from .factories import (
    MBO_BRIN,
    SIGNATORIES,
    VMBO_BRIN,
    VMBO_VESTIGING,
    make_route,
    member,
    work_every_step,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def route(partnership):
    route = make_route(partnership)
    owners = [
        member(partnership, "stuurgroep", "Petra Jansen"),
        member(partnership, "coordinator", "Kees Bakker"),
    ]
    work_every_step(route, owners)
    return route


def build(route, builder):
    with scope(partnership=route.partnership), translation.override("nl"):
        return builder(route)


def test_projectplan_pdf_shows_the_route_every_step_and_its_state(route):
    pdf, text = build(route, projectplan.build)
    assert pdf.startswith(b"%PDF")
    read = pdf_text(pdf)
    assert route.name in read and route.partnership.name in read
    assert "Petra Jansen" in read and "Kees Bakker" in read
    assert VMBO_BRIN in read and VMBO_VESTIGING in read and "25180" in read
    with scope(partnership=route.partnership):
        blocks = route.step_plan.definition.blocks
        states = {s.item_key: s for s in route.step_plan.states.all()}
    with translation.override("nl"):
        for item in (i for b in blocks for i in b.items):
            assert squeezed(item.title) in squeezed(read), item.title
            label = str(Status(states[item.key].status).label)
            row = f"{item.title} | {label} |"
            assert row in text, row  # the content text has the step with its state
        for status in Status:
            assert _(status.label) in read
        assert _("Step plan and planning") in read
        assert _("page") + " 2" in read


def test_projectplan_text_is_the_same_for_the_same_data(route):
    _pdf, first = build(route, projectplan.build)
    _pdf, second = build(route, projectplan.build)
    assert first == second and route.name in first


def test_agreement_docx_names_every_party_with_brin_and_signatory(route):
    data, text = build(route, agreement.build_agreement)
    doc = Document(io.BytesIO(data))  # opens: a valid Word file
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    paragraphs = [p.text for p in doc.paragraphs]
    for brin in (VMBO_BRIN, MBO_BRIN):
        assert brin in cells
    for signatory in SIGNATORIES:
        assert signatory in cells
        assert f"Naam: {signatory}" in paragraphs  # the signature block
    assert VMBO_VESTIGING in cells
    assert any(route.name in p for p in paragraphs)
    assert any("crebo 25180" in p for p in paragraphs)
    assert "{{" not in text and "{%" not in text  # every tag was filled
    assert "Meer leerlingen kiezen techniek." in text


def test_agreement_keeps_special_characters_of_names(partnership):
    route = make_route(partnership, name="Zorg & Welzijn <regio>")
    data, text = build(route, agreement.build_agreement)
    assert "Zorg & Welzijn <regio>" in text
    Document(io.BytesIO(data))


def test_financial_docx_has_each_contribution_and_the_total(route):
    data, text = build(route, agreement.build_financial)
    doc = Document(io.BytesIO(data))
    rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    assert ["Totaal", "€ 19.750,50", ""] in rows
    assert any("€ 12.500,00" in row for row in rows)
    assert any("€ 7.250,50" in row for row in rows)
    assert "Totaal | € 19.750,50" in text


def test_euro_uses_the_dutch_decimal_comma():
    from decimal import Decimal

    assert euro(Decimal("1234567.8")) == "€ 1.234.567,80"
    assert euro(Decimal("0")) == "€ 0,00"
    assert euro(None) == "—"


def test_duo_melding_xlsx_reads_back_with_both_schools(route):
    data, text = build(route, duo_melding.build)
    sheet = load_workbook(io.BytesIO(data)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == DUO_COLUMNS
    row = dict(zip(DUO_COLUMNS, rows[1], strict=True))
    assert (row["BRIN vo"], row["Vestiging vo"]) == (VMBO_BRIN, VMBO_VESTIGING)
    assert row["BRIN mbo"] == MBO_BRIN and row["Crebo"] == "25180"
    assert text.splitlines()[0] == " | ".join(DUO_COLUMNS)
    assert f"{VMBO_BRIN} | {VMBO_VESTIGING} |" in text


def test_the_docx_templates_are_what_make_templates_writes(tmp_path):
    """Edit make_templates.py, run it, commit both: this fails when one was forgotten."""
    for path in make_templates.main(tmp_path):
        committed = agreement.TEMPLATES / path.name
        # Every part, not only the text: widths, header rows and language count too.
        assert _parts(path.read_bytes()) == _parts(committed.read_bytes()), (
            f"run make_templates.py: {path.name} is out of date"
        )


def _parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_duo_melding_text_shows_the_start_date_as_the_csv_does(route):
    _data, text = build(route, duo_melding.build)
    assert route.start_date.strftime("%d-%m-%Y") in text
