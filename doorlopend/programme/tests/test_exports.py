"""The programme as XLSX (read back) and as an A4 landscape PDF (read back)."""

import io

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled
from openpyxl import load_workbook
from pypdf import PdfReader

from doorlopend.core.testing.pdf import pdf_text

from .. import exports
from .factories import (
    AssignmentPairFactory,
    ItemRatingFactory,
    ProgrammeFactory,
    ProgrammeItemFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(partnership):
    programme = ProgrammeFactory(partnership=partnership, name="Leerlijn Techniek")
    later = ProgrammeItemFactory(
        programme=programme, level="mbo", year=1, title="Startopdracht"
    )
    item = ProgrammeItemFactory(
        programme=programme, title="Meeloopdag ROC", leads_to=later
    )
    ItemRatingFactory(item=item, element="praktijkervaring", score=2, why="Zelf doen")
    ItemRatingFactory(item=item, element="reflectie", score=0)
    AssignmentPairFactory(programme=programme, title="Loopbaanreflectie")
    return programme


def test_the_xlsx_holds_items_scores_coverage_and_the_pair(programme):
    with scopes_disabled():
        wb = load_workbook(io.BytesIO(exports.programme_xlsx(programme)))
    assert wb.sheetnames == [
        "Programma",
        "Beoordelingen",
        "Dekking",
        "Eind- en startopdracht",
    ]
    rows = list(wb["Programma"].iter_rows(values_only=True))
    assert rows[0][7] == "Praktijkervaring opdoen"
    meeloopdag = next(r for r in rows if r[2] == "Meeloopdag ROC")
    assert meeloopdag[0] == "vmbo 3"
    assert meeloopdag[6] == "Startopdracht"
    assert meeloopdag[7] == 2  # a number, to sort and sum
    assert meeloopdag[10] == 0
    assert (
        "vmbo 3",
        "Meeloopdag ROC",
        "Praktijkervaring opdoen",
        "duidelijk",
        "Zelf doen",
    ) in list(wb["Beoordelingen"].iter_rows(values_only=True))
    coverage = {r[0]: r for r in wb["Dekking"].iter_rows(values_only=True)}
    assert coverage["vmbo 3"][1] == "duidelijk (1/1)"
    assert coverage["vmbo 1"][1] == "geen onderdelen"
    assert wb["Eind- en startopdracht"]["A2"].value == "Loopbaanreflectie"


def test_the_pdf_is_a4_landscape_with_the_heat_map(programme):
    with scopes_disabled():
        pdf, content = exports.programme_pdf(programme)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert width > height
    assert round(width / 72 * 25.4) == 297
    text = pdf_text(pdf)
    assert "Leerlijn Techniek 2026–2027" in text
    assert "Dekking in één oogopslag" in text
    assert "Geen reflectie na “Meeloopdag ROC” in vmbo 3." in text
    assert "Loopbaanreflectie" in text
    # The text documents compares versions on holds the same content, line by line.
    assert "# Leerlijn Techniek 2026–2027" in content.splitlines()
    assert "vmbo 3 – Meeloopdag ROC (2 – – 0 – – –)" in content.splitlines()
    assert "Meeloopdag ROC → Startopdracht" in content.splitlines()


def test_one_leerwegs_line_as_pdf(programme):
    ProgrammeItemFactory(programme=programme, year=3, leerweg="tl", title="PGP-project")
    ProgrammeItemFactory(programme=programme, year=3, leerweg="kb", title="Keuzevak")
    with scopes_disabled():
        pdf, _content = exports.programme_pdf(programme, leerweg="tl")
    text = pdf_text(pdf)
    assert "Leerlijn Techniek 2026–2027 · TL" in text
    assert "PGP-project" in text
    assert "Keuzevak" not in text


def test_the_xlsx_download_carries_a_file_name(client_for, partnership, programme):
    client = client_for("stuurgroep")
    response = client.get(
        reverse("programme:programme_xlsx", args=[partnership.slug, programme.pk])
    )
    assert response.status_code == 200
    assert (
        'filename="programma-leerlijn-techniek-2026.xlsx"'
        in response["Content-Disposition"]
    )


def test_one_leerwegs_line_as_xlsx(client_for, partnership, programme):
    ProgrammeItemFactory(programme=programme, year=3, leerweg="tl", title="PGP-project")
    ProgrammeItemFactory(programme=programme, year=3, leerweg="kb", title="Keuzevak")
    client = client_for("stuurgroep")
    sheet = reverse("programme:programme_xlsx", args=[partnership.slug, programme.pk])
    wb = load_workbook(io.BytesIO(client.get(f"{sheet}?leerweg=kb").content))
    titles = [row[2] for row in wb["Programma"].iter_rows(values_only=True)]
    assert "Keuzevak" in titles
    assert "PGP-project" not in titles
