"""The budget as an XLSX an accountant opens: the lines (ending in SUM formulas), and the
totals per source and per organisation as values summed in Decimal by `budget_totals`.
Every amount has the euro number format; headers are bold and frozen."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.core import xlsx
from doorlopend.core.xlsx import EURO, Formula
from doorlopend.partnerships.models import Partnership

from .selectors.budget import Totals, budget_totals

__all__ = ["EURO", "budget_xlsx"]


def _money_from(column: int) -> list[str | None]:
    """Number formats for a row whose amounts start at `column` (1-based)."""
    return [None] * (column - 1) + [EURO] * 6


def _totals_row(label: str, totals: Totals, granted=None) -> list:
    row = [label, totals.planned, totals.committed, totals.spent, totals.left]
    if granted is not None:
        row.insert(1, granted)
    return row


def budget_xlsx(*, partnership: Partnership) -> bytes:
    """Three sheets: Lines, Per source (with the amount granted), Per organisation."""
    overview = budget_totals(partnership=partnership)
    wb = xlsx.workbook_new()
    lines = xlsx.sheet_add(
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
            xlsx.row_add(
                lines,
                [
                    source_row.source.name,
                    line.organisation.name if line.organisation else whole,
                    line.description,
                    line.activity.title if line.activity else "",
                    line.planned,
                    line.committed,
                    line.spent,
                    line.planned - line.spent,
                ],
                formats=_money_from(5),
            )
    last = lines.max_row
    if last > 1:
        xlsx.row_add(
            lines,
            [
                _("Total"),
                "",
                "",
                "",
                *(Formula(f"=SUM({c}2:{c}{last})") for c in "EFGH"),
            ],
            formats=_money_from(5),
            bold=True,
        )

    per_source = xlsx.sheet_add(
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
        row = _totals_row(s.source.name, s.totals, granted=s.granted)
        xlsx.row_add(per_source, row, formats=_money_from(2))
    total = _totals_row(_("Total"), overview.total, granted=overview.granted)
    xlsx.row_add(per_source, total, formats=_money_from(2), bold=True)

    per_org = xlsx.sheet_add(
        wb,
        _("Per organisation"),
        [_("Organisation"), _("Planned"), _("Committed"), _("Spent"), _("Left")],
    )
    for o in overview.organisations:
        name = o.organisation.name if o.organisation else whole
        xlsx.row_add(per_org, _totals_row(name, o.totals), formats=_money_from(2))
    total = _totals_row(_("Total"), overview.total)
    xlsx.row_add(per_org, total, formats=_money_from(2), bold=True)

    wb.properties.title = _("Budget of %(name)s") % {"name": partnership.name}
    wb.properties.created = timezone.now().replace(tzinfo=None)
    return xlsx.workbook_bytes(wb, max_width=50)
