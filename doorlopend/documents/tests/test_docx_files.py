"""The Word files as Word and LibreOffice read them: Dutch, header rows, widths, dates.

Opened back with python-docx and its XML: what a spell checker, a screen reader (header
rows repeat and are announced), a table layout and a file list would use.
"""

import io
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django_scopes import scope
from docx import Document
from docx.oxml.ns import qn

from .. import agreement
from .factories import make_route

pytestmark = pytest.mark.django_db
BUILDERS = [agreement.build_agreement, agreement.build_financial]
# Bold DejaVu Sans 10.5 pt, what LibreOffice shows where Calibri and Carlito are missing,
# averages 0.24 cm a letter ("Vertegenwoordigd": 3.86 cm); a cell has 0.19 cm padding a side.
CM_PER_LETTER, CELL_PADDING_CM = 0.24, 0.38


@pytest.fixture
def route(partnership):
    return make_route(partnership, name="Zorg en Welzijn Rivierenland")


def build(route, builder) -> Document:
    with scope(partnership=route.partnership), translation.override("nl"):
        data, _text = builder(route)
    return Document(io.BytesIO(data))


@pytest.mark.parametrize("builder", BUILDERS)
def test_the_document_language_is_dutch(route, builder):
    doc = build(route, builder)
    [default] = doc.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang")
    assert default.get(qn("w:val")) == "nl-NL"
    # No style or run may switch back to English.
    assert not doc.element.xpath('//w:lang[@w:val!="nl-NL"]')
    assert not doc.styles.element.xpath('//w:lang[@w:val!="nl-NL"]')
    assert doc.core_properties.language == "nl-NL"


@pytest.mark.parametrize("builder", BUILDERS)
def test_table_header_rows_are_marked_and_repeat(route, builder):
    doc = build(route, builder)
    assert doc.tables
    for table in doc.tables:
        first, *rest = table.rows
        assert first._tr.xpath("w:trPr/w:tblHeader")
        assert not any(row._tr.xpath("w:trPr/w:tblHeader") for row in rest)


@pytest.mark.parametrize("builder", BUILDERS)
def test_columns_have_fixed_widths_that_fit_each_header_word(route, builder):
    """LibreOffice lays a table out by its grid: equal columns broke
    "Vertegenwoo|rdigd" over two lines."""
    doc = build(route, builder)
    section = doc.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    for table in doc.tables:
        [layout] = table._tbl.xpath("w:tblPr/w:tblLayout")
        assert layout.get(qn("w:type")) == "fixed"
        grid = [column.w for column in table._tbl.tblGrid.gridCol_lst]
        assert sum(grid) <= text_width
        for cell, width in zip(table.rows[0].cells, grid, strict=True):
            assert cell.width == width  # Word reads the cells, LibreOffice the grid
            longest = max(cell.text.split(), key=len)
            needed = len(longest) * CM_PER_LETTER + CELL_PADDING_CM
            assert width.cm >= needed, f"{longest!r} needs {needed:.1f} cm"


@pytest.mark.parametrize("builder", BUILDERS)
def test_the_file_says_when_it_was_made_and_for_whom(route, builder):
    before = timezone.now().replace(microsecond=0)
    props = build(route, builder).core_properties
    after = timezone.now() + timedelta(seconds=1)
    assert before <= props.created <= after
    assert props.modified == props.created
    assert props.author == route.partnership.name
    assert route.name in props.title
    assert props.revision == 1
