"""Coverage at a glance: years × the 7 elementen, and the thin places in words.

A cell holds the items of one year with their score on one element: its maximum (the
best any item does) and how many items serve it (score 1 or 2). The thin places name,
in words, the years where an element is not served, the years without any item, and
experiences (a meeloopdag, a stage) without reflection.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..grid import Row, span_label
from ..models import EXPERIENCE_FORMS, ProgrammeItem, Score
from .programmes import RowItems

REFLECTION = "reflectie"  # the key of the element in the list instrument's data file


@dataclass
class Cell:
    row: Row
    element: str
    items: list[tuple[ProgrammeItem, object]]  # (item, its rating or None)
    best: int | None = None  # None: no item rated on this element
    serving: int = 0  # items scoring 1 or 2

    @property
    def tone(self) -> str:
        if not self.items:
            return "empty"
        if self.best is None:
            return "unrated"
        return ("none", "some", "clear")[self.best]

    @property
    def words(self) -> str:
        if not self.items:
            return _("no items")
        if self.best is None:
            return _("not rated")
        return str(Score(self.best).label)


@dataclass
class HeatRow:
    row: Row
    cells: list[Cell]
    item_count: int


@dataclass
class ThinPlace:
    text: str
    row_key: str = ""
    element: str = ""


@dataclass
class HeatMap:
    elements: list[tuple[str, str]]
    rows: list[HeatRow]
    thin: list[ThinPlace] = field(default_factory=list)
    unrated: int = 0

    def cell(self, row_key: str, element: str) -> Cell | None:
        for heat_row in self.rows:
            if heat_row.row.key == row_key:
                return next((c for c in heat_row.cells if c.element == element), None)
        return None


def heat_map(*, grouped: list[RowItems], elements: list[tuple[str, str]]) -> HeatMap:
    """The grid of `items_by_row` (already read) against the elements: no queries."""
    rows = []
    for group in grouped:
        cells = []
        for key, _title in elements:
            pairs = [(item, item.scores.get(key)) for item in group.items]
            scores = [r.score for _i, r in pairs if r is not None]
            cells.append(
                Cell(
                    row=group.row,
                    element=key,
                    items=pairs,
                    best=max(scores) if scores else None,
                    serving=sum(1 for s in scores if s >= Score.ENIGSZINS),
                )
            )
        rows.append(HeatRow(group.row, cells, len(group.items)))
    items = [item for group in grouped for item in group.items]
    result = HeatMap(
        elements=elements,
        rows=rows,
        unrated=sum(1 for item in items if not item.scores),
    )
    result.thin = thin_places(result, items)
    return result


def _spans(rows: list[Row]) -> list[list[Row]]:
    """Rows that follow each other in the grid within one school type, as runs."""
    runs: list[list[Row]] = []
    for row in rows:
        last = runs[-1][-1] if runs else None
        if last and last.level == row.level and last.year + 1 == row.year:
            runs[-1].append(row)
        else:
            runs.append([row])
    return runs


def _named_per_item(cell: Cell) -> bool:
    """Whether every rated item of a cell is an experience named on its own below."""
    rated = [item for item, rating in cell.items if rating is not None]
    return all(item.form in EXPERIENCE_FORMS for item in rated)


def thin_places(heat: HeatMap, items: list[ProgrammeItem]) -> list[ThinPlace]:
    """The thin places in words, years in runs ("vmbo 3–4")."""
    thin = []
    empty = [r.row for r in heat.rows if not r.item_count]
    for run in _spans(empty):
        thin.append(
            ThinPlace(
                _("No activities in %(years)s.") % {"years": span_label(run)},
                run[0].key,
            )
        )
    for index, (key, title) in enumerate(heat.elements):
        # A year where items were rated on the element and none serves it.
        unserved = [
            r.row
            for r in heat.rows
            if r.item_count
            and r.cells[index].best == Score.NIET
            and not (key == REFLECTION and _named_per_item(r.cells[index]))
        ]
        for run in _spans(unserved):
            thin.append(
                ThinPlace(
                    _("No “%(element)s” in %(years)s.")
                    % {"element": title, "years": span_label(run)},
                    run[0].key,
                    key,
                )
            )
    titles = dict(heat.elements)
    if REFLECTION in titles:
        for item in items:
            rating = item.scores.get(REFLECTION)
            if item.form in EXPERIENCE_FORMS and rating and rating.score == Score.NIET:
                thin.append(
                    ThinPlace(
                        _("No reflection after “%(item)s” in %(year)s.")
                        % {"item": item.title, "year": item.row_label},
                        f"{item.level}-{item.year}",
                        REFLECTION,
                    )
                )
    if heat.unrated:
        thin.append(
            ThinPlace(
                ngettext(
                    "%(n)s item is not rated yet: the heat map cannot count it.",
                    "%(n)s items are not rated yet: the heat map cannot count them.",
                    heat.unrated,
                )
                % {"n": heat.unrated}
            )
        )
    return thin
