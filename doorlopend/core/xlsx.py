"""The one XLSX writer every export uses: text stays text, numbers and dates keep their
type, columns fit what is shown, and every sheet prints.

Text (formula injection, see `core.tabular` for which text *looks like a formula*): every
``str`` is written as a string cell, exactly as typed — openpyxl would otherwise make a
formula of any text starting with ``=``. A text that looks like a formula also gets the
quote prefix (Excel's own mark for a typed ``'=…``), so that a person editing the cell
in Excel or LibreOffice does not turn it into one either. The only way to a formula is
a `Formula` the code built itself, such as the budget's ``=SUM(E2:E9)``.

Values: ``int``, ``float`` and ``Decimal`` are number cells (``EURO`` or ``"0.00"`` when
the export names that format); a ``date`` is a date cell shown ``dd-mm-jjjj``, a
``datetime`` one shown with hours and minutes, in local time.

Sheets: a bold, frozen header row that repeats on every printed page; landscape A4, as
wide as one page and as long as needed; page numbers in the footer. Columns are as wide
as their widest cell *as shown* — ``€ 1.250,50`` rather than ``1250.5``, the total a SUM
will show rather than its formula — so no amount prints as ``###``; text wider than the
cap wraps.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .tabular import looks_like_formula

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
EURO = "€ #,##0.00"
DECIMAL_2 = "0.00"
DATE = "dd-mm-yyyy"
DATETIME = "dd-mm-yyyy hh:mm"
NUMBER = (int, float, Decimal)
# Room around a cell's text, in character widths; bold text is wider.
PADDING = 2
BOLD_FACTOR = 1.2
LINE_HEIGHT = 15  # points, of the default font (Calibri 11)


@dataclass(frozen=True)
class Formula:
    """A formula this code wrote itself, e.g. ``Formula("=SUM(E2:E9)")``: the one value
    the writer stores as a formula. Never build one from text a person typed."""

    text: str

    def __post_init__(self) -> None:
        if not self.text.startswith("="):
            raise ValueError("A formula starts with '='.")


def workbook_new() -> Workbook:
    """An empty workbook: its sheets come from `sheet_add`."""
    wb = Workbook()
    wb.remove(wb.active)
    return wb


def sheet_add(wb: Workbook, title: str, header: Sequence[object]) -> Worksheet:
    """A sheet with a bold, frozen header row, set up to print landscape at page width."""
    # Excel allows 31 characters in a sheet name.
    ws = wb.create_sheet(title[:31])
    row_add(ws, header, bold=True)
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    ws.oddFooter.center.text = "&A — &P / &N"
    return ws


def cell_write(cell: Cell, value: object, number_format: str | None = None) -> None:
    """Write one value by the rules of the module docstring."""
    if isinstance(value, Formula):
        cell.value = value.text  # openpyxl makes a formula of "=…"
    elif value is None or isinstance(value, (bool, *NUMBER)):
        cell.value = value
    elif isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value).replace(tzinfo=None)
        cell.value = value
        cell.number_format = DATETIME
    elif isinstance(value, datetime.date):
        cell.value = value
        cell.number_format = DATE
    else:
        # A control character makes the file unreadable; Excel's limit is 32,767.
        text = ILLEGAL_CHARACTERS_RE.sub("", str(value))[:32767]
        cell.value = text
        cell.data_type = "s"  # never "f" (formula) nor "e" (an error such as #N/A)
        if looks_like_formula(text):
            cell.quotePrefix = True
    if number_format is not None and not isinstance(value, str):
        cell.number_format = number_format


def row_add(
    ws: Worksheet,
    values: Sequence[object],
    *,
    formats: Sequence[str | None] = (),
    bold: bool = False,
) -> int:
    """Append one row; `formats[i]` is the number format of column i+1 (None: by type).
    Returns the row's number."""
    ws.append([None] * len(values))  # openpyxl's own idea of the next row
    row = ws.max_row
    for i, value in enumerate(values):
        cell = ws.cell(row=row, column=i + 1)
        cell_write(cell, value, formats[i] if i < len(formats) else None)
        if bold:
            cell.font = BOLD
    return row


def _number_shown(value: float | Decimal, number_format: str) -> str:
    """A number as a spreadsheet shows it in `number_format` (close enough to measure)."""
    section = number_format.split(";")[0]
    pattern = re.search(r"[#0][#0,]*(?:\.(0+))?", section)
    if number_format == "General" or pattern is None:
        return f"{value:.10g}" if isinstance(value, float) else str(value)
    decimals = len(pattern.group(1) or "")
    grouping = "," if "," in pattern.group(0) else ""
    number = float(value) * (100 if "%" in section else 1)
    digits = f"{abs(number):{grouping}.{decimals}f}"
    literal = re.sub(r'["\\_*]|\[[^\]]*\]', "", section[: pattern.start()])
    literal += re.sub(r'["\\_*]|\[[^\]]*\]', "", section[pattern.end() :])
    return ("-" if number < 0 else "") + literal + digits


def _shown(cell: Cell, column_total: float) -> str:
    """The longest line of what the cell shows."""
    value = cell.value
    if value is None:
        return ""
    if cell.data_type == "f":
        # Our formulas are SUMs: the total of the column's numbers bounds what they show.
        return _number_shown(column_total, cell.number_format)
    if isinstance(value, datetime.datetime):
        return "00-00-0000 00:00"
    if isinstance(value, datetime.date):
        return "00-00-0000"
    if isinstance(value, NUMBER) and not isinstance(value, bool):
        return _number_shown(value, cell.number_format)
    return max(str(value).splitlines() or [""], key=len)


def columns_fit(ws: Worksheet, *, max_width: int = 80) -> None:
    """Widen each column to its widest cell as shown, capped at `max_width` characters.
    A text wider than the cap, or of several lines, wraps, and its row is made tall
    enough for it: LibreOffice keeps the default height of a row in an XLSX it opens."""
    lines_of_row: dict[int, int] = {}
    for i, column in enumerate(ws.iter_cols(), start=1):
        total = sum(
            abs(float(c.value))
            for c in column
            if isinstance(c.value, NUMBER) and not isinstance(c.value, bool)
        )
        widths = [
            len(_shown(c, total)) * (BOLD_FACTOR if c.font.bold else 1) for c in column
        ]
        width = min(max_width, max(8, max(widths, default=0) + PADDING))
        ws.column_dimensions[get_column_letter(i)].width = round(width, 1)
        for cell in column:
            if isinstance(cell.value, str):
                lines = _lines(cell.value, width - PADDING)
                if lines > 1:
                    cell.alignment = WRAP
                    lines_of_row[cell.row] = max(lines_of_row.get(cell.row, 1), lines)
    for row, lines in lines_of_row.items():
        ws.row_dimensions[row].height = LINE_HEIGHT * lines
        for cell in ws[row]:
            if not cell.alignment.wrap_text:
                cell.alignment = TOP


def _lines(text: str, per_line: float) -> int:
    """How many lines a wrapped text takes in a column `per_line` characters wide."""
    per_line = max(per_line, 1)
    # A little extra for words that do not fit at the end of a line.
    return sum(
        1 if len(part) <= per_line else math.ceil(len(part) * 1.1 / per_line)
        for part in text.splitlines() or [""]
    )


def workbook_bytes(wb: Workbook, *, max_width: int = 80) -> bytes:
    """Fit the columns of every sheet and return the file."""
    for ws in wb.worksheets:
        columns_fit(ws, max_width=max_width)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
