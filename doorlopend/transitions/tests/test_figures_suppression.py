"""The small-numbers rules of `suppression`, on hand-made grids (no database)."""

import itertools

import pytest

from doorlopend.transitions.suppression import (
    OTHER,
    TOTAL,
    Grid,
    merge_small,
    min_cell,
    passes,
)

K = 5


def grid(cells: dict, bases: dict | None = None, *, cols=("a", "b")) -> Grid:
    """A grid from {(row, col): value}; totals are summed here."""
    rows = sorted({r for r, _c in cells})
    bases = bases or cells
    values, base_values = {}, {}
    for source, target in ((cells, values), (bases, base_values)):
        for r in [*rows, TOTAL]:
            for c in [*cols, TOTAL]:
                target[(r, c)] = sum(
                    v
                    for (rr, cc), v in source.items()
                    if (r == TOTAL or rr == r) and (c == TOTAL or cc == c)
                )
    return Grid(rows=rows, cols=list(cols), values=values, bases=base_values)


def recoverable(g: Grid) -> set:
    """Hidden places an attacker can compute exactly from one row or column."""
    found = set()
    lines = [([(r, c) for c in g.cols], (r, TOTAL)) for r in [*g.rows, TOTAL]] + [
        ([(r, c) for r in g.rows], (TOTAL, c)) for c in [*g.cols, TOTAL]
    ]
    for cells, total in lines:
        hidden = [p for p in [*cells, total] if p in g.hidden]
        if len(hidden) == 1:
            found.add(hidden[0])
    return found


def test_passes_rules():
    assert passes(10, 20, K)
    assert not passes(4, 20, K)  # small count
    assert not passes(17, 20, K)  # complement 3
    assert not passes(4, 4, K)  # group under k
    assert passes(0, 20, K) and passes(20, 20, K)  # nobody / everyone of a big group
    assert passes(0, 0, K)  # no pupils: nothing to protect


def test_min_cell_never_below_three(settings):
    settings.TRANSITIONS_MIN_CELL = 1
    assert min_cell() == 3
    settings.TRANSITIONS_MIN_CELL = 7
    assert min_cell() == 7


def test_one_small_cell_gets_a_partner_in_its_row_and_column():
    g = grid({("x", "a"): 30, ("x", "b"): 3, ("y", "a"): 40, ("y", "b"): 20})
    g.suppress(K)
    assert ("x", "b") in g.hidden
    assert ("x", "a") in g.hidden  # row x: the total would give b away
    assert ("y", "b") in g.hidden  # column b
    assert not recoverable(g)
    # The totals of the table never depend on which cells are hidden inside it.
    assert (TOTAL, TOTAL) not in g.hidden


def test_hidden_pair_whose_sum_is_still_small_grows():
    # Row x: a = 2 and b = 1 hidden, their sum 3 would be total − nothing shown.
    g = grid({("x", "a"): 2, ("x", "b"): 1, ("y", "a"): 30, ("y", "b"): 30})
    g.suppress(K)
    assert {("x", "a"), ("x", "b"), ("x", TOTAL)} <= g.hidden
    # Column a: 2 hidden + the next smallest hidden; their sum 32 passes.
    assert ("y", "a") in g.hidden and ("y", "b") in g.hidden
    assert not recoverable(g)


def test_complement_is_hidden():
    counts = {("x", "a"): 18, ("x", "b"): 10, ("y", "a"): 12, ("y", "b"): 10}
    bases = {("x", "a"): 20, ("x", "b"): 20, ("y", "a"): 20, ("y", "b"): 20}
    g = grid(counts, bases)
    g.suppress(K)
    assert ("x", "a") in g.hidden  # 20 − 18 = 2 did not …
    assert not recoverable(g)


def test_forced_places_are_hidden_and_protected():
    g = grid({("x", "a"): 30, ("x", "b"): 30, ("y", "a"): 30, ("y", "b"): 30})
    g.suppress(K, forced={("x", "a")})
    assert ("x", "a") in g.hidden
    assert not recoverable(g)


@pytest.mark.parametrize("seed", range(40))
def test_random_grids_never_show_a_small_or_recoverable_cell(seed):
    import random

    rng = random.Random(seed)
    rows = [f"r{i}" for i in range(rng.randint(1, 6))]
    cells = {
        (r, c): rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 15, 40])
        for r, c in itertools.product(rows, ("a", "b"))
    }
    g = grid(cells)
    g.suppress(K)
    for position, value in g.values.items():
        if position not in g.hidden:
            assert not 0 < value < K, (position, value)
    assert not recoverable(g), (cells, g.hidden)


def test_merge_small_never_leaves_a_small_flow():
    parts = {"a": 40, "b": 3, "c": 1, "d": 12}
    mapping = merge_small(parts, K)
    assert mapping["b"] == mapping["c"] == OTHER
    # 3 + 1 = 4 is still small: the smallest remaining part (12) joins "other".
    assert mapping["d"] == OTHER and mapping["a"] == "a"
    assert merge_small({"a": 2, "b": 2}, K) is None
    assert merge_small({}, K) == {}
