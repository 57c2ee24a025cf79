"""What an onlooker can work out from everything one `SessionResults` shows.

The attacker model of the anonymity tests. Every shown figure is a sum over "atoms" of
the answers (an atom: the answers of one sector × layer cell on one question) or, for
people counts, over cells. We grant the attacker the most they could have:

- every shown figure as its exact sums per scale point and "weet niet" (a mean with its
  count is a sum; a distribution is one sum per value), and the number of people who
  answered at least one question (the room's headcount);
- which atoms and cells are empty (someone in the room may know that nobody from the
  hbo was there): empty atoms are left out, as known zeros;
- any linear combination of all of that, across the total, sectors, layers and cells.

A group is worked out when the indicator vector of a set of atoms (or cells) lies in the
row space of the shown figures' vectors; it is a breach when fewer than k distinct people
stand behind that set. The row space is tested exactly, with fractions, against a null
space basis. Every shown figure is also checked against the raw data, so the test never
trusts a claim of `results.py` about what a figure covers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations

from ..choices import DONT_KNOW
from ..selectors.results import Figures, SessionResults

Cell = tuple[str, str]


@dataclass
class Person:
    sector: str
    layer: str
    answers: dict[str, int] = field(default_factory=dict)  # question key → value

    @property
    def cell(self) -> Cell:
        return (self.sector, self.layer)


def null_space(rows: list[list[int]], width: int) -> list[list[Fraction]]:
    """A basis of {x : row · x = 0 for every row}, by exact Gauss–Jordan elimination."""
    matrix = [[Fraction(v) for v in row] for row in rows]
    pivots: list[int] = []
    r = 0
    for col in range(width):
        pivot = next((i for i in range(r, len(matrix)) if matrix[i][col]), None)
        if pivot is None:
            continue
        matrix[r], matrix[pivot] = matrix[pivot], matrix[r]
        lead = matrix[r][col]
        matrix[r] = [v / lead for v in matrix[r]]
        for i in range(len(matrix)):
            if i != r and matrix[i][col]:
                factor = matrix[i][col]
                matrix[i] = [
                    a - factor * b for a, b in zip(matrix[i], matrix[r], strict=True)
                ]
        pivots.append(col)
        r += 1
    basis = []
    for free in (c for c in range(width) if c not in pivots):
        x = [Fraction(0)] * width
        x[free] = Fraction(1)
        for i, col in enumerate(pivots):
            x[col] = -matrix[i][free]
        basis.append(x)
    return basis


def derivable(vector: list[int], basis: list[list[Fraction]]) -> bool:
    """In the row space ⇔ orthogonal to its null space."""
    return all(
        sum(a * b for a, b in zip(vector, n, strict=True) if a) == 0 for n in basis
    )


def _subsets(items: list) -> Iterable[tuple]:
    for size in range(1, len(items) + 1):
        yield from combinations(items, size)


def _check_figures(figures: Figures, values: list[int], where: str) -> None:
    """The figure is what the raw answers of the atoms it claims to cover add up to."""
    expected = {v: values.count(v) for v in set(values) if v != DONT_KNOW}
    shown = {v: c for v, c in figures.distribution.items() if c}
    assert shown == expected, f"{where}: {shown} != {expected}"
    assert figures.dont_know == values.count(DONT_KNOW), where


def count_breaches(res: SessionResults, people: list[Person]) -> list[str]:
    """Groups of cells with 1 … k−1 respondents whose count follows from the counts shown."""
    k = res.min_group
    respondents = [p for p in people if p.answers]
    size = {
        c: sum(p.cell == c for p in respondents) for c in {p.cell for p in respondents}
    }
    atoms = sorted(size)
    rows = [[1] * len(atoms)]  # the headcount of the room is public
    shown = [
        *((lambda c, s=s: c[0] == s, n) for s, n in res.sector_counts.items()),
        *((lambda c, lay=lay: c[1] == lay, n) for lay, n in res.layer_counts.items()),
        *((lambda c, cell=cell: c == cell, n) for cell, n in res.participation.items()),
    ]
    for member, n in shown:
        if n is None:
            continue
        row = [int(member(c)) for c in atoms]
        assert n == sum(size[c] for c, x in zip(atoms, row, strict=True) if x), (
            "count is wrong"
        )
        rows.append(row)
    basis = null_space(rows, len(atoms))
    small = [c for c in atoms if size[c] < k]
    found = []
    for group in _subsets(small):
        n = sum(size[c] for c in group)
        if n >= k or len(group) == len(
            atoms
        ):  # the whole room: its headcount is public
            continue
        if derivable([int(c in group) for c in atoms], basis):
            found.append(f"{n} people in {sorted(group)}")
    return found


def answer_breaches(res: SessionResults, people: list[Person]) -> list[str]:
    """Sets of atoms, answered by 1 … k−1 people, whose sums follow from the figures shown."""
    k = res.min_group
    found = []
    for theme in res.themes:
        keys = [q.key for q in theme.questions]
        answerers: dict[tuple[Cell, str], set[int]] = {}
        for i, p in enumerate(people):
            for q in keys:
                if q in p.answers:
                    answerers.setdefault((p.cell, q), set()).add(i)
        atoms = sorted(answerers)

        def row(member, questions, where, figures, atoms=atoms, answerers=answerers):
            vector = [int(member(c) and q in questions) for c, q in atoms]
            values = [
                people[i].answers[q]
                for (c, q), x in zip(atoms, vector, strict=True)
                if x
                for i in answerers[(c, q)]
            ]
            _check_figures(figures, values, where)
            return vector

        rows = []
        # Which questions a theme's figures pool (all of them, unless results.py says).
        pooled = set(getattr(theme, "pooled", keys))
        if not theme.figures.suppressed:
            rows.append(row(lambda c: True, pooled, theme.key, theme.figures))
        for q in theme.questions:
            if not q.figures.suppressed:
                rows.append(row(lambda c: True, {q.key}, q.key, q.figures))
        for s, figures in theme.by_sector.items():
            if not figures.suppressed:
                rows.append(row(lambda c, s=s: c[0] == s, pooled, s, figures))
        for lay, figures in theme.by_layer.items():
            if not figures.suppressed:
                rows.append(row(lambda c, lay=lay: c[1] == lay, pooled, lay, figures))
        if not rows:
            continue
        basis = null_space(rows, len(atoms))
        # A breach names fewer than k people: look only at atoms answered by at most
        # k − 1 of them, grouped by who those people are.
        everyone = sorted({i for who in answerers.values() for i in who})
        for size in range(1, k):
            for few in combinations(everyone, size):
                inside = [a for a in atoms if answerers[a] <= set(few)]
                for group in _subsets(inside):
                    people_in = set().union(*(answerers[a] for a in group))
                    if len(people_in) != size:
                        continue  # counted under a smaller set of people
                    vector = [int(a in group) for a in atoms]
                    if derivable(vector, basis):
                        found.append(f"{theme.key}: {size} people in {sorted(group)}")
    return found
