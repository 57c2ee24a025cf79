"""The DUO melding as a kept document: the routes app's spreadsheet, versioned here.

The rows and columns are the routes app's (`routes.duo`), so the page, the CSV and this
document say the same; the content text is read back from the workbook, one line per row.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime

from doorlopend.routes.models import Leerroute


def _cell(value) -> str:
    if value is None:
        return ""
    # Dates as the sheet shows them (dd-mm-jjjj), so the content text — and its hash —
    # says what the CSV and the page say. openpyxl reads a date back as a datetime.
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.strftime("%d-%m-%Y")
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value)


def xlsx_text(data: bytes) -> str:
    """Every non-empty row of every sheet as "cell | cell | …"."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines = []
    for sheet in workbook.worksheets:
        if len(workbook.worksheets) > 1:
            lines.append(f"## {sheet.title}")
        for row in sheet.iter_rows(values_only=True):
            cells = [_cell(v) for v in row]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                lines.append(" | ".join(cells))
    workbook.close()
    return "\n".join(lines) + "\n"


def build(
    route: Leerroute, *, progress: Callable[[int], None] | None = None
) -> tuple[bytes, str]:
    from doorlopend.routes.duo import duo_xlsx

    progress = progress or (lambda percent: None)
    data = duo_xlsx(route)
    progress(70)
    return data, xlsx_text(data)
