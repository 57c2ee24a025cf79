"""Small helpers every XLSX export shares: a sheet with a bold, frozen header row, and
columns widened to their contents as a person would."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

BOLD = Font(bold=True)


def sheet_add(wb: Workbook, title: str, header: list[str]) -> Worksheet:
    # Excel allows 31 characters in a sheet name.
    ws = wb.create_sheet(title[:31])
    ws.append(header)
    for cell in ws[1]:
        cell.font = BOLD
    ws.freeze_panes = "A2"
    return ws


def columns_fit(ws: Worksheet, *, max_width: int = 80) -> None:
    """Widen each column to its longest value, capped at `max_width` characters."""
    for i, column in enumerate(ws.iter_cols(values_only=True), start=1):
        longest = max((len(str(v)) for v in column if v is not None), default=8)
        ws.column_dimensions[get_column_letter(i)].width = min(
            max_width, max(8, longest + 2)
        )
