"""The aggregated figures of one year as an XLSX workbook.

Only the suppressed results of `selectors.figures` and `selectors.sankey` go in —
never a transition — so the threshold holds in the spreadsheet as on the page: a hidden
figure is the text "x" (explained on the first sheet), never its number.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook

from doorlopend.core import xlsx
from doorlopend.core.xlsx import BOLD
from doorlopend.partnerships.models import Partnership

from .selectors import figures as figure_services
from .selectors.figures import DIMENSIONS, CohortFigures
from .selectors.sankey import MIDDLES, Flows, sankey_flows
from .suppression import Shown


def hidden_mark() -> str:
    return pgettext("hidden figure", "x")


def _cell(shown: Shown) -> object:
    return hidden_mark() if shown.hidden else shown.count


def _explanation(wb: Workbook, partnership, figures: CohortFigures) -> None:
    ws = xlsx.sheet_add(wb, _("Explanation"), [_("Item"), _("Value")])
    k = figures.k
    rows = [
        (_("Partnership"), partnership.name),
        (_("Year of transition"), figures.cohort),
        (_("Registration deadline"), figures.deadline),
        (_("Figures as of"), figures.today),
        (
            _("Small numbers"),
            _(
                "No figure describes fewer than %(k)s pupils. A hidden figure is "
                "shown as “%(x)s”: a count under %(k)s, a count whose complement "
                "(the group minus the count) is under %(k)s, every figure of a group "
                "of fewer than %(k)s pupils, and where needed one more figure in the "
                "same row or column, so that no hidden figure can be worked out from "
                "a total."
            )
            % {"k": k, "x": hidden_mark()},
        ),
        (
            _("Flows"),
            _(
                "Flows of fewer than %(k)s pupils are merged into “other” flows; "
                "schools with fewer than %(k)s pupils into “other schools”."
            )
            % {"k": k},
        ),
    ]
    rows += [
        (str(label), str(help_text)) for _key, label, help_text in figures.measures
    ]
    for row in rows:
        xlsx.row_add(ws, row)
    for cell in ws["A"]:
        cell.font = BOLD


def _figures_sheet(wb: Workbook, figures: CohortFigures) -> None:
    header = [figures.dimension_label.capitalize(), _("Regular or leerroute")]
    header += [str(label) for _key, label, _help in figures.measures]
    ws = xlsx.sheet_add(wb, str(DIMENSIONS[figures.dimension]).capitalize(), header)
    for group in [*figures.groups, figures.total]:
        for line in group.visible_lines:
            row = [group.label, line.label, *(_cell(c) for c in line.cells)]
            xlsx.row_add(ws, row)


def _flows_sheet(wb: Workbook, flows: Flows) -> None:
    title = _("Flows via %(middle)s") % {"middle": flows.middle_label}
    ws = xlsx.sheet_add(wb, title, [_("From"), _("To"), _("Pupils")])
    for column in (0, 1):
        for row in flows.rows(column):
            xlsx.row_add(ws, list(row))


def figures_xlsx(*, partnership: Partnership, cohort: int) -> bytes:
    """Explanation, the figures per grouping, and the flows, for one year."""
    deadline = figure_services.registration_deadline(
        partnership=partnership, cohort=cohort
    )
    wb = xlsx.workbook_new()
    all_figures = [
        figure_services.cohort_figures(
            partnership=partnership, cohort=cohort, dimension=d, deadline=deadline
        )
        for d in DIMENSIONS
    ]
    _explanation(wb, partnership, all_figures[0])
    for figures in all_figures:
        _figures_sheet(wb, figures)
    for middle in MIDDLES:
        _flows_sheet(
            wb, sankey_flows(partnership=partnership, cohort=cohort, middle=middle)
        )
    return xlsx.workbook_bytes(wb, max_width=70)
