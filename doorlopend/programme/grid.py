"""The years of a doorlopende leerlijn, from vmbo 1 to the hbo propedeuse: the grid's rows.

A programme item sits in one school year of one kind of education (`level` and `year`).
The heat map and the programme page show them in this order, the order a pupil meets
them; vmbo 1–4 and mbo 1–2 are always shown (the heart of a vmbo-mbo line), the other
rows only when an item sits there.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from doorlopend.registry.education import Leerweg


class Level(models.TextChoices):
    VMBO = "vmbo", _("vmbo")
    HAVO = "havo", _("havo")
    VWO = "vwo", _("vwo")
    MBO = "mbo", _("mbo")
    HBO = "hbo", _("hbo")


# The years each level has, in the order a pupil meets them. The hbo has its propedeuse.
YEARS: dict[str, range] = {
    Level.VMBO: range(1, 5),
    Level.HAVO: range(1, 6),
    Level.VWO: range(1, 7),
    Level.MBO: range(1, 5),
    Level.HBO: range(1, 2),
}
ALWAYS_SHOWN = {(Level.VMBO, y) for y in range(1, 5)} | {(Level.MBO, 1), (Level.MBO, 2)}
YEAR_CHOICES = [(n, str(n)) for n in range(1, 7)]


@dataclass(frozen=True)
class Row:
    level: str
    year: int
    leerweg: str = ""  # a heat map for one leerweg names it in the vmbo rows

    @property
    def key(self) -> str:
        return f"{self.level}-{self.year}"

    @property
    def order(self) -> int:
        return row_order(self.level, self.year)

    @property
    def label(self) -> str:
        return row_label(self.level, self.year, self.leerweg)


def row_order(level: str, year: int) -> int:
    """A number that sorts (level, year) in the order of the transition."""
    levels = list(YEARS)
    return levels.index(level) * 10 + year if level in YEARS else 999


def row_label(level: str, year: int, leerweg: str = "") -> str:
    """'vmbo 3', 'vmbo TL 3', 'mbo 1', 'hbo propedeuse'."""
    if level == Level.HBO:
        return str(_("hbo propedeuse"))
    name = Level(level).label if level in Level.values else level
    if level == Level.VMBO and leerweg in Leerweg.values:
        return f"{name} {leerweg.upper()} {year}"
    return f"{name} {year}"


def row_from_key(key: str) -> Row | None:
    """The row a query string names ('vmbo-3'), or None for anything else."""
    level, _dash, year = key.partition("-")
    if level in YEARS and year.isdigit() and int(year) in YEARS[level]:
        return Row(level, int(year))
    return None


def rows_shown(used: set[tuple[str, int]], leerweg: str = "") -> list[Row]:
    """The rows of a grid: those always shown and those where an item sits, in order."""
    wanted = ALWAYS_SHOWN | used
    return sorted(
        (Row(level, year, leerweg) for level, year in wanted if level in YEARS),
        key=lambda row: row.order,
    )


def span_label(rows: list[Row]) -> str:
    """Consecutive rows of one level in words: 'vmbo 3–4', 'mbo 1'."""
    first, last = rows[0], rows[-1]
    if first == last:
        return first.label
    return f"{first.label}–{last.year}"
