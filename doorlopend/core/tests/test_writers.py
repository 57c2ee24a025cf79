"""The writers themselves: `core.xlsx` (types, our formulas, widths as shown, wrapping)
and `core.tabular` (CSV fields by the formula rule)."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from doorlopend.core import tabular, xlsx


def _read(wb):
    return load_workbook(io.BytesIO(xlsx.workbook_bytes(wb, max_width=40))).active


def test_only_our_formula_is_a_formula_and_text_is_kept_as_typed():
    wb = xlsx.workbook_new()
    ws = xlsx.sheet_add(wb, "Blad", ["Naam", "Bedrag"])
    xlsx.row_add(ws, ["=1+1", Decimal("-12.50")], formats=[None, xlsx.EURO])
    xlsx.row_add(ws, ["#N/A", Decimal("3")], formats=[None, xlsx.EURO])
    xlsx.row_add(
        ws, ["bel\x0bme", xlsx.Formula("=SUM(B2:B3)")], formats=[None, xlsx.EURO]
    )
    ws = _read(wb)
    assert (ws["A2"].value, ws["A2"].data_type, ws["A2"].quotePrefix) == (
        "=1+1",
        "s",
        True,
    )
    assert (ws["A3"].value, ws["A3"].data_type, ws["A3"].quotePrefix) == (
        "#N/A",
        "s",
        False,
    )
    assert ws["A4"].value == "belme"  # a control character would break the file
    assert ws["B2"].value == -12.5 and ws["B2"].number_format == xlsx.EURO
    assert (ws["B4"].value, ws["B4"].data_type) == ("=SUM(B2:B3)", "f")
    with pytest.raises(ValueError, match="starts with"):
        xlsx.Formula("SUM(B2:B3)")


def test_widths_follow_what_is_shown_and_long_text_wraps():
    wb = xlsx.workbook_new()
    ws = xlsx.sheet_add(wb, "Blad", ["Wat", "Bedrag", "Op"])
    when = timezone.make_aware(datetime.datetime(2026, 12, 4, 21, 5))
    long = "woord " * 30
    xlsx.row_add(ws, [long, Decimal("1250000.5"), when], formats=[None, xlsx.EURO])
    xlsx.row_add(ws, ["kort", xlsx.Formula("=SUM(B2:B2)")], formats=[None, xlsx.EURO])
    ws = _read(wb)
    # "€ 1,250,000.50": 14 characters, not the 9 of "1250000.5".
    assert ws.column_dimensions["B"].width >= 16
    assert ws.column_dimensions["A"].width == 40  # capped …
    assert ws["A2"].alignment.wrap_text  # … so the text wraps
    assert ws.row_dimensions[2].height >= 15 * 5
    assert ws["C2"].value == datetime.datetime(2026, 12, 4, 21, 5)  # local time
    assert ws["C2"].number_format == xlsx.DATETIME
    assert ws.column_dimensions["C"].width >= len("04-12-2026 21:05")


def test_csv_quotes_text_that_starts_a_formula_but_not_numbers():
    when = timezone.make_aware(datetime.datetime(2026, 12, 4, 21, 5))
    data = tabular.csv_bytes(
        [
            ["naam", "bedrag", "wanneer", "dag"],
            ["=HYPERLINK(1)", Decimal("-12.50"), when, datetime.date(2026, 12, 4)],
            ["＠SUM(1)", -3, None, "Gewone tekst"],
        ]
    )
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[1] == ["'=HYPERLINK(1)", "-12,50", "2026-12-04 21:05:00", "2026-12-04"]
    assert rows[2] == ["'＠SUM(1)", "-3", "", "Gewone tekst"]
    assert b"\r\n" in data
