"""Every XLSX export prints and reads as a person expects: each sheet landscape and one
page wide with its header row on every page, columns wide enough for what they show (no
amount as ``###``), dates as date cells, amounts as numbers. Read back with openpyxl."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django_scopes import scopes_disabled
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from .test_exports_safe import EXPORTS

pytestmark = pytest.mark.django_db

XLSX_EXPORTS = {
    name: build
    for name, build in EXPORTS.items()
    if "csv" not in name and "views" not in name
}


def _workbook(data: bytes):
    return load_workbook(io.BytesIO(data))


@pytest.mark.parametrize("build", XLSX_EXPORTS.values(), ids=XLSX_EXPORTS.keys())
def test_every_sheet_prints_landscape_one_page_wide_with_its_header(
    build, request, partnership
):
    kind, data, _texts = build(request, partnership)
    assert kind == "xlsx"
    for ws in _workbook(data).worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
        assert ws.print_title_rows == "$1:$1", ws.title
        assert ws.freeze_panes == "A2"
        for column in range(1, ws.max_column + 1):
            header = str(ws.cell(1, column).value or "")
            width = ws.column_dimensions[get_column_letter(column)].width
            assert width >= len(header), (ws.title, header, width)


def test_budget_amounts_and_totals_fit_their_columns(partnership):
    from doorlopend.planning.export_budget import budget_xlsx
    from doorlopend.planning.tests.factories import (
        BudgetLineFactory,
        FundingSourceFactory,
    )

    source = FundingSourceFactory(
        partnership=partnership, name="Regio", amount=Decimal("9000000.00")
    )
    for _ in range(2):
        BudgetLineFactory(
            source=source,
            description="Inhuur",
            planned=Decimal("1250000.50"),
            committed=Decimal("1250000.50"),
            spent=Decimal("1000000.25"),
        )
    with scopes_disabled():
        wb = _workbook(budget_xlsx(partnership=partnership))
    lines = wb.worksheets[0]
    assert lines["E2"].value == Decimal("1250000.50") or lines["E2"].value == 1250000.5
    assert lines["E4"].value == "=SUM(E2:E3)"
    # The SUM shows "€ 2.500.001,00" (14 characters, bold): it must not print as ###.
    for column in "EFGH":
        assert lines.column_dimensions[column].width >= 15, column
    # "€ 9.000.000,00" granted, per source.
    per_source = wb.worksheets[1]
    assert per_source["B2"].value == 9000000
    assert per_source.column_dimensions["B"].width >= 15


def test_reflection_date_is_a_date_cell(partnership):
    from doorlopend.reflection.choices import State
    from doorlopend.reflection.export import results_xlsx
    from doorlopend.reflection.tests.factories import SessionFactory

    session = SessionFactory(
        partnership=partnership, date=datetime.date(2026, 6, 12), state=State.CLOSED
    )
    with scopes_disabled():
        overview = _workbook(results_xlsx(session)).worksheets[0]
    [date_cell] = [row[1] for row in overview.iter_rows() if row[1].is_date]
    assert date_cell.value == datetime.datetime(2026, 6, 12)
    assert date_cell.number_format == "dd-mm-yyyy"


def test_doorstroom_deadline_and_date_are_date_cells(partnership):
    from doorlopend.transitions.export import figures_xlsx
    from doorlopend.transitions.tests.figures_helpers import make, school, started

    make(partnership, 6, sending_organisation=school(partnership, "Vo"), **started())
    with scopes_disabled():
        explanation = _workbook(figures_xlsx(partnership=partnership, cohort=2025))[
            "Toelichting"
        ]
    dates = [row[1] for row in explanation.iter_rows() if row[1].is_date]
    assert [d.value.date() for d in dates][0] == datetime.date(2025, 4, 1)
    assert len(dates) == 2
    assert all(d.number_format == "dd-mm-yyyy" for d in dates)


def test_duo_start_date_is_a_date_and_codes_stay_text(partnership):
    from doorlopend.routes.duo import DUO_COLUMNS, duo_xlsx
    from doorlopend.routes.tests.factories import LeerrouteFactory

    route = LeerrouteFactory(
        partnership=partnership, start_date=datetime.date(2027, 8, 25)
    )
    with scopes_disabled():
        ws = _workbook(duo_xlsx(route)).active
    row = dict(zip(DUO_COLUMNS, ws[2], strict=True))
    assert row["Startdatum"].value == datetime.datetime(2027, 8, 25)
    assert row["Startdatum"].number_format == "dd-mm-yyyy"
    assert row["Crebo"].value == "25180" and row["Crebo"].data_type == "s"
