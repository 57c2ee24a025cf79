"""The proof of the anonymity rule: for any room, nothing shown gives away a small group.

Hypothesis draws rooms — people in up to three sectors × three layers, in groups that
answer or skip the same questions, "weet niet" included — and `results.tabulate()`, the
function behind every output, says what is shown. `anonymity_check` then looks for any
set of cells (for counts) or of cell × question answers (for figures) with 1 … k−1
people behind it that follows, exactly, from all the shown figures together.

Why it holds (per theme; people counts are the case of one question). Every shown figure
is a sum over atoms (cell, question); empty atoms are known zeros. Let B be the shown
groups (cells when both partitions show, else sectors or layers) and H the hidden rest.
Every row is constant on each (b, q) — a group's pooled questions, or a question's total
— and the rule gives every b in B at least k people on every shown question q. So a
derivable 0/1 set is α_b + β_q on (b, q) and β_q on (H, q). If it touches some (b, q) it
holds all of b's answers on q: k people or more. If not, α_b + β_q = 0 everywhere, so β
is one number: the set is all of H or nothing, and the rule keeps H empty or at least k
on some question. (No B at all: only question totals, each of k or more.) A hidden
question is in no figure at all, so nothing about it can be derived.
"""

from collections import Counter

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from doorlopend.instruments.definition import Definition, Question, Scale, Source, Theme

from ..choices import DONT_KNOW
from ..selectors import results
from ..selectors.results import tabulate
from .anonymity_check import Person, answer_breaches, count_breaches

SECTORS = ["vo", "mbo", "hbo"]
LAYERS = ["bestuur", "management", "uitvoering"]
VALUE = st.sampled_from([DONT_KNOW, 1, 2, 3, 4, 5])


def definition(questions_per_theme: list[int]) -> Definition:
    themes = tuple(
        Theme(
            key=f"t{t}",
            title=f"Thema {t}",
            questions=tuple(Question(f"t{t}-{i}", f"Vraag {i}") for i in range(n)),
        )
        for t, n in enumerate(questions_per_theme)
    )
    return Definition(
        key="proef",
        version=1,
        title="Proef",
        source=Source(publisher="Doorlopend", title="proef"),
        scale=Scale(min=1, max=5, labels={1: "1", 5: "5"}, dont_know="weet niet"),
        themes=themes,
    )


@st.composite
def rooms(draw):
    shape = draw(st.lists(st.integers(1, 3), min_size=1, max_size=2))
    keys = [f"t{t}-{i}" for t, n in enumerate(shape) for i in range(n)]
    # People come in groups that sit in one cell and answer the same questions: a
    # late group, a hasty one, one that skips a theme. Mostly everything is answered.
    answered = st.one_of(st.just(keys), st.lists(st.sampled_from(keys), unique=True))
    group = st.tuples(
        st.sampled_from(SECTORS), st.sampled_from(LAYERS), st.integers(1, 5), answered
    )
    people = [
        Person(sector, layer, {k: draw(VALUE) for k in keys_answered})
        for sector, layer, n, keys_answered in draw(st.lists(group, max_size=5))
        for _ in range(n)
    ]
    return definition(shape), people, draw(st.sampled_from([3, 3, 4]))


def shown(definition: Definition, people: list[Person], k: int):
    """What every output gets: `tabulate` on the counts the two queries would return."""
    cells = Counter(p.cell for p in people if p.answers)
    answers = Counter((q, p.cell, v) for p in people for q, v in p.answers.items())
    finished = sum(len(p.answers) == len(definition.questions) for p in people)
    return tabulate(
        definition,
        k=k,
        joined=len(people),
        finished=finished,
        cells=cells,
        answers=answers,
    )


def issue_room() -> tuple[Definition, list[Person], int]:
    """The issue's seven phones, on a one-theme, two-question instrument."""
    d = definition([2])
    plan = [("vo", "bestuur", 2)] * 3 + [("mbo", "bestuur", 5)]
    plan += [("mbo", "uitvoering", 3)] * 3
    return d, [Person(s, lay, {"t0-0": v, "t0-1": v}) for s, lay, v in plan], 3


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(rooms())
@example(issue_room())
@example(  # a cell where one of three skipped a question
    (
        definition([2]),
        [Person("vo", "bestuur", {"t0-0": 4, "t0-1": 4}) for _ in range(3)]
        + [Person("mbo", "bestuur", {"t0-0": 1})]
        + [Person("mbo", "bestuur", {"t0-0": 2, "t0-1": 2}) for _ in range(2)]
        + [Person("mbo", "uitvoering", {"t0-0": 3, "t0-1": 3}) for _ in range(3)],
        3,
    )
)
@example(  # vo answered only the first question: total − vo gave mbo's one answer on it
    (
        definition([2]),
        [Person("vo", "bestuur", {"t0-0": 4}) for _ in range(3)]
        + [Person("mbo", "uitvoering", {"t0-0": 1})]
        + [Person("mbo", "management", {"t0-1": 2}) for _ in range(3)],
        3,
    )
)
def test_no_group_under_k_follows_from_everything_shown(room):
    definition, people, k = room
    res = shown(definition, people, k)
    assert count_breaches(res, people) == []
    assert answer_breaches(res, people) == []
    if res.suppressed:  # under k in all: nothing but the room's headcount
        assert not res.breakdowns and not res.shows_cells
        assert all(t.figures.suppressed for t in res.themes)
        assert all(q.figures.suppressed for q in res.questions)


def test_the_check_finds_the_issue_example_under_a_naive_rule(monkeypatch):
    """The proof can fail: show every group of k or more, and it finds the board member."""

    def naive(cells, k, *, within=None):
        sizes = {}
        for (s, lay), v in cells.items():
            for group in (s, lay):
                sizes[group] = [
                    a + b
                    for a, b in zip(sizes.get(group, [0] * len(v)), v, strict=True)
                ]
        big = {g for g, v in sizes.items() if min(v) >= k}
        return results.Disclosure(
            frozenset(g for g in big if g in SECTORS),
            frozenset(g for g in big if g in LAYERS),
        )

    monkeypatch.setattr(results, "disclose", naive)
    d, people, k = issue_room()
    res = shown(d, people, k)
    assert res.sector_counts["vo"] == 3 and res.layer_counts["bestuur"] == 4
    assert count_breaches(res, people) == ["1 people in [('mbo', 'bestuur')]"]
    assert answer_breaches(res, people)


@pytest.mark.parametrize(
    ("sizes", "shown_groups"),
    [
        ({("vo", "bestuur"): 3, ("mbo", "uitvoering"): 4}, ("sector", "layer")),
        (
            {("vo", "bestuur"): 5, ("vo", "uitvoering"): 2, ("mbo", "uitvoering"): 4},
            ("sector",),
        ),
        (
            {("vo", "bestuur"): 2, ("mbo", "bestuur"): 2, ("hbo", "uitvoering"): 4},
            ("layer",),
        ),
        ({("vo", "bestuur"): 2, ("mbo", "uitvoering"): 2}, ()),
    ],
)
def test_which_breakdowns_a_room_gets(sizes, shown_groups):
    d = definition([1])
    people = [
        Person(s, lay, {"t0-0": 3}) for (s, lay), n in sizes.items() for _ in range(n)
    ]
    assert shown(d, people, 3).breakdowns == shown_groups
