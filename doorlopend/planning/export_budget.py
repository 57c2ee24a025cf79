"""The budget as an XLSX an accountant opens: the lines (ending in SUM formulas), and the
totals per source and per organisation as values summed in Decimal by `budget_totals`.
Every amount has the euro number format; headers are bold and frozen."""

from __future__ import annotations

from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from doorlopend.core.xlsx import columns_fit, sheet_add
from doorlopend.partnerships.models import Partnership

from .selectors.budget import Totals, budget_totals

EURO = "€ #,##0.00"
BOLD = Font(bold=True)


def _money(ws: Worksheet, row: int, first_col: int, last_col: int) -> None:
    for col in range(first_col, last_col + 1):
        ws.cell(row=row, column=col).number_format = EURO


def _totals_row(label: str, totals: Totals, granted=None) -> list:
    row = [label, totals.planned, totals.committed, totals.spent, totals.left]
    if granted is not None:
        row.insert(1, granted)
    return row


def budget_xlsx(*, partnership: Partnership) -> bytes:
    """Three sheets: Lines, Per source (with the amount granted), Per organisation."""
    overview = budget_totals(partnership=partnership)
    wb = Workbook()
    wb.remove(wb.active)
    lines = sheet_add(
        wb,
        _("Budget lines"),
        [
            _("Funding source"),
            _("Organisation"),
            _("Description"),
            _("Activity"),
            _("Planned"),
            _("Committed"),
            _("Spent"),
            _("Left"),
        ],
    )
    whole = _("The partnership as a whole")
    for source_row in overview.sources:
        for line in source_row.lines:
            lines.append(
                [
                    source_row.source.name,
                    line.organisation.name if line.organisation else whole,
                    line.description,
                    line.activity.title if line.activity else "",
                    line.planned,
                    line.committed,
                    line.spent,
                    line.planned - line.spent,
                ]
            )
            _money(lines, lines.max_row, 5, 8)
    last = lines.max_row
    if last > 1:
        lines.append(
            [
                _("Total"),
                "",
                "",
                "",
                *(f"=SUM({c}2:{c}{last})" for c in "EFGH"),
            ]
        )
        _money(lines, lines.max_row, 5, 8)
        for cell in lines[lines.max_row]:
            cell.font = BOLD
    columns_fit(lines, max_width=50)

    per_source = sheet_add(
        wb,
        _("Per source"),
        [
            _("Funding source"),
            _("Granted"),
            _("Planned"),
            _("Committed"),
            _("Spent"),
            _("Left"),
        ],
    )
    for s in overview.sources:
        per_source.append(_totals_row(s.source.name, s.totals, granted=s.granted))
        _money(per_source, per_source.max_row, 2, 6)
    per_source.append(_totals_row(_("Total"), overview.total, granted=overview.granted))
    _money(per_source, per_source.max_row, 2, 6)
    for cell in per_source[per_source.max_row]:
        cell.font = BOLD
    columns_fit(per_source, max_width=50)

    per_org = sheet_add(
        wb,
        _("Per organisation"),
        [_("Organisation"), _("Planned"), _("Committed"), _("Spent"), _("Left")],
    )
    for o in overview.organisations:
        name = o.organisation.name if o.organisation else whole
        per_org.append(_totals_row(name, o.totals))
        _money(per_org, per_org.max_row, 2, 5)
    per_org.append(_totals_row(_("Total"), overview.total))
    _money(per_org, per_org.max_row, 2, 5)
    for cell in per_org[per_org.max_row]:
        cell.font = BOLD
    columns_fit(per_org, max_width=50)

    wb.properties.title = _("Budget of %(name)s") % {"name": partnership.name}
    wb.properties.created = timezone.now().replace(tzinfo=None)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
