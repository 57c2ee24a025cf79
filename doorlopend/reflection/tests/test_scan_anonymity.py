"""The anonymity rule holds for a scan's action lines too, across its themes.

An action line pools statements of several themes. Hypothesis draws rooms as in
test_anonymity_property and a scan whose statements carry action lines across themes;
every figure shown — each theme's, each question's, each group's and each action
line's — is a row over the atoms (cell, question) of the whole scan, and no set of atoms
answered by fewer than k people may follow from all rows together (rank check).
"""

from collections import Counter
from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doorlopend.instruments.definition import Definition, Question, Scale, Source, Theme
from doorlopend.instruments.kinds import ActionLine

from ..selectors.scans import action_line_rows
from .anonymity_check import Person, _subsets, derivable, null_space
from .test_anonymity_property import LAYERS, SECTORS, VALUE, shown

LINES = ("deskundige-lob", "samenwerking-overgangen")


def scan(shape: list[int], tags: list[tuple[str, ...]]) -> Definition:
    tag = iter(tags)
    themes = tuple(
        Theme(
            key=f"t{t}",
            title=f"Element {t}",
            questions=tuple(
                Question(
                    f"t{t}-{i}",
                    f"Stelling {i}",
                    element=f"t{t}",
                    action_lines=next(tag),
                )
                for i in range(n)
            ),
        )
        for t, n in enumerate(shape)
    )
    return Definition(
        key="scan",
        version=1,
        title="Scan",
        source=Source(publisher="Doorlopend", title="proef"),
        scale=Scale(min=1, max=5, labels={1: "1", 5: "5"}, dont_know="weet niet"),
        themes=themes,
        kind="scan",
        action_lines=tuple(ActionLine(k, k) for k in LINES),
    )


@st.composite
def scan_rooms(draw):
    shape = draw(st.lists(st.integers(1, 2), min_size=2, max_size=3))
    keys = [f"t{t}-{i}" for t, n in enumerate(shape) for i in range(n)]
    tags = [
        tuple(draw(st.lists(st.sampled_from(LINES), unique=True, max_size=2)))
        for _ in keys
    ]
    answered = st.one_of(st.just(keys), st.lists(st.sampled_from(keys), unique=True))
    group = st.tuples(
        st.sampled_from(SECTORS[:2]),
        st.sampled_from(LAYERS[:2]),
        st.integers(1, 4),
        answered,
    )
    people = [
        Person(sector, layer, {k: draw(VALUE) for k in keys_answered})
        for sector, layer, n, keys_answered in draw(st.lists(group, max_size=4))
        for _ in range(n)
    ]
    return scan(shape, tags), people


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(scan_rooms())
def test_no_group_under_k_follows_from_a_scans_figures_with_its_action_lines(room):
    definition, people = room
    k = 3
    res = shown(definition, people, k)
    lines = action_line_rows(res)
    tagged = {q.key: q.action_lines for q in definition.questions}
    answerers: dict[tuple, set[int]] = {}
    for i, p in enumerate(people):
        for q in p.answers:
            answerers.setdefault((p.cell, q), set()).add(i)
    atoms = sorted(answerers)

    def vector(member, questions) -> list[int]:
        return [int(member(c) and q in questions) for c, q in atoms]

    rows = []
    for theme in res.themes:
        if not theme.figures.suppressed:
            rows.append(vector(lambda c: True, set(theme.pooled)))
        for q in theme.questions:
            if not q.figures.suppressed:
                rows.append(vector(lambda c: True, {q.key}))
        for s, f in theme.by_sector.items():
            if not f.suppressed:
                rows.append(vector(lambda c, s=s: c[0] == s, set(theme.pooled)))
        for lay, f in theme.by_layer.items():
            if not f.suppressed:
                rows.append(vector(lambda c, lay=lay: c[1] == lay, set(theme.pooled)))
    shown_questions = {q.key for q in res.questions if not q.figures.suppressed}
    for line in lines:
        members = {q for q in shown_questions if line.key in tagged[q]}
        if line.figures.suppressed:
            assert not members
            continue
        # The line's answers are exactly those of its shown statements.
        expected = Counter(
            people[i].answers[q]
            for (c, q), who in answerers.items()
            if q in members
            for i in who
        )
        assert {v: n for v, n in line.figures.distribution.items() if n} == {
            v: n for v, n in expected.items() if v in definition.scale.values
        }
        rows.append(vector(lambda c: True, members))
    if not rows or not atoms:
        return
    basis = null_space(rows, len(atoms))
    everyone = sorted({i for who in answerers.values() for i in who})
    for size in range(1, k):
        for few in combinations(everyone, size):
            inside = [a for a in atoms if answerers[a] <= set(few)]
            for group in _subsets(inside):
                if len(set().union(*(answerers[a] for a in group))) != size:
                    continue
                assert not derivable([int(a in group) for a in atoms], basis), (
                    f"{size} people in {sorted(group)}"
                )
