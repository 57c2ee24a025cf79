"""Aggregated results of a session, with the anonymity rule applied in one place.

Every figure shown anywhere — page, live fragments, beamer, XLSX, PDF, trends, the
roadmap's decision statements — comes from `session_results()`, and which groups it may
show is decided by one function, `disclose()`. A hidden group gets `suppressed=True`
and no figures (a hidden count is None), so a template or export cannot show what is
not there. The rule holds for everything shown together: no figure or count of fewer
than k people follows from the total, the sectors, the layers and the sector × layer
table, whatever one adds or subtracts (proved in tests/test_anonymity_property.py).
"Weet niet" counts as an answer but never in a mean, a spread or the disagreement
ranking.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count

from doorlopend.instruments.definition import Definition

from ..choices import Layer, Sector
from ..figures import (
    LAYER,
    SECTOR,
    Cell,
    Figures,
    QuestionResult,
    SessionResults,
    ThemeResult,
    figures_of,
)
from ..models import Answer, Participant, Session

__all__ = [
    "Figures",
    "QuestionResult",
    "SessionResults",
    "ThemeResult",
    "disclose",
    "min_group",
    "session_results",
    "tabulate",
]


def min_group() -> int:
    """k: the smallest group whose figures may be shown; never below 3."""
    return max(3, getattr(settings, "REFLECTION_MIN_GROUP", 3))


def visible_groups(sizes: dict[str, int], k: int) -> set[str]:
    """The groups of one partition whose people count may be shown (see `_visible`)."""
    return _visible({g: [n] for g, n in sizes.items()}, k)


def _visible(
    blocks: dict[str, list[int]], k: int, hidden: frozenset[str] = frozenset()
) -> set[str]:
    """The groups of one partition (sectors, or layers) whose figures may be shown.

    A group's entry per question (or its one people count) must each reach k, else it is
    hidden. Hiding it alone is not enough: the total minus the shown groups would give
    it. So while the hidden groups together hold fewer than k on every question, the
    smallest shown group is hidden too. `hidden`: groups hidden for another reason.
    """
    width = max((len(v) for v in blocks.values()), default=0)
    if not width:
        return set()
    nonempty = {g for g, v in blocks.items() if any(v)}
    shown = sorted(
        (min(v), g) for g, v in blocks.items() if min(v) >= k and g not in hidden
    )
    out = nonempty - {g for _n, g in shown}

    def remainder() -> int:
        return max(sum(blocks[g][i] for g in out) for i in range(width))

    while out and shown and remainder() < k:
        out.add(shown.pop(0)[1])
    return {g for _n, g in shown}


@dataclass(frozen=True)
class Disclosure:
    """Which groups of one table (the people counts, or one theme) may be shown."""

    sectors: frozenset[str] = frozenset()
    layers: frozenset[str] = frozenset()
    cells: bool = False  # the sector × layer table too; only with both partitions

    @property
    def partitions(self) -> tuple[str, ...]:
        return (SECTOR,) * bool(self.sectors) + (LAYER,) * bool(self.layers)


def disclose(
    cells: dict[Cell, list[int]], k: int, *, within: Disclosure | None = None
) -> Disclosure:
    """THE RULE: the groups whose figures may be shown, given their sizes per cell.

    `cells`: (sector, layer) → the number of people counted, per question (for a theme:
    who answered each of its pooled questions; for people counts: one number each).
    Both partitions, and the cells, only while every cell is empty or has at least k
    on every question: then every figure shown is a sum of such cells. Otherwise one
    partition, the one that shows more people (sectors on a tie), with `_visible`: the
    shown groups and what the total leaves over each reach k. `within`: a theme shows
    no group the people counts hide. See README, "Anonymity", for why this holds.
    """
    within = within or Disclosure(
        frozenset({c[0] for c in cells}), frozenset({c[1] for c in cells}), True
    )
    full = [v for v in cells.values() if any(v)]
    if within.cells and all(min(v) >= k for v in full):
        return Disclosure(
            frozenset(s for (s, _l), v in cells.items() if any(v)),
            frozenset(lay for (_s, lay), v in cells.items() if any(v)),
            cells=True,
        )
    options = []
    for index, allowed, name in (
        (0, within.sectors, SECTOR),
        (1, within.layers, LAYER),
    ):
        blocks: dict[str, list[int]] = {}
        for cell, v in cells.items():
            before = blocks.get(cell[index], [0] * len(v))
            blocks[cell[index]] = [a + b for a, b in zip(before, v, strict=True)]
        shown = _visible(blocks, k, frozenset(blocks) - allowed)
        options.append(
            (sum(min(blocks[g]) for g in shown), -index, name, frozenset(shown))
        )
    _score, _i, name, shown = max(options)
    return Disclosure(**{f"{name}s": shown}) if shown else Disclosure()


def session_results(session: Session, *, k: int | None = None) -> SessionResults:
    """All figures of `session` in two queries, through the rule of `disclose`."""
    k = max(3, k) if k is not None else min_group()
    definition = session.instrument.definition
    total_questions = len(definition.questions)

    # Query 1: every participant with the number of questions they answered.
    joined = finished = 0
    cells: Counter = Counter()  # (sector, layer) → respondents (answered at least once)
    for p in (
        Participant.objects.filter(session=session)
        .annotate(answered=Count("answers"))
        .values("sector", "layer", "answered")
    ):
        joined += 1
        if p["answered"]:
            cells[(p["sector"], p["layer"])] += 1
        if p["answered"] >= total_questions:
            finished += 1

    # Query 2: answers counted per question, sector, layer and value.
    answers: Counter = Counter()
    for r in (
        Answer.objects.filter(participant__session=session)
        .values("question_key", "participant__sector", "participant__layer", "value")
        .annotate(n=Count("id"))
        .order_by()
    ):
        cell = (r["participant__sector"], r["participant__layer"])
        answers[(r["question_key"], cell, r["value"])] += r["n"]
    return tabulate(
        definition, k=k, joined=joined, finished=finished, cells=cells, answers=answers
    )


def tabulate(
    definition: Definition,
    *,
    k: int,
    joined: int,
    finished: int,
    cells: Counter,
    answers: Counter,
) -> SessionResults:
    """Every figure that may be shown, from counts alone (no database: the proof uses it).

    `cells`: (sector, layer) → people who answered at least once; `answers`: (question,
    (sector, layer), value) → number of answers. A question's figures need k people who
    answered it; a theme's figures pool only its shown questions, so a hidden question
    never follows from its theme minus the others.
    """
    scale = definition.scale.values
    respondents = sum(cells.values())
    present = [c for c, n in cells.items() if n]
    sectors = [
        (v, str(lbl)) for v, lbl in Sector.choices if any(c[0] == v for c in present)
    ]
    layers = [
        (v, str(lbl)) for v, lbl in Layer.choices if any(c[1] == v for c in present)
    ]
    # An instrument that asks no layer (draagvlak: the kind of party alone) breaks down
    # by sector only; the rule then keeps the total and hides a second sector where the
    # total minus the shown ones would give away a small one.
    only_sectors = (
        None
        if definition.ask_layer
        else Disclosure(frozenset(c[0] for c in present), frozenset(), cells=False)
    )
    people = (
        disclose({c: [cells[c]] for c in present}, k, within=only_sectors)
        if respondents >= k
        else Disclosure()
    )
    # question → cell → value → answers: every figure below reads one question's cells.
    per_question: dict[str, dict[Cell, Counter]] = defaultdict(
        lambda: defaultdict(Counter)
    )
    for (q, cell, value), n in answers.items():
        per_question[q][cell][value] += n

    def pooled_counts(keys: list[str], member) -> Counter:
        total: Counter = Counter()
        for q in keys:
            for cell, c in per_question.get(q, {}).items():
                if member(cell):
                    total.update(c)
        return total

    def answered(q: str, cell: Cell) -> int:
        by_cell = per_question.get(q)
        return sum(by_cell[cell].values()) if by_cell and cell in by_cell else 0

    themes = []
    for theme in definition.themes:
        shown_keys = [
            q.key
            for q in theme.questions
            if respondents >= k and sum(answered(q.key, c) for c in present) >= k
        ]
        rule = (
            disclose(
                {c: [answered(q, c) for q in shown_keys] for c in present},
                k,
                within=people,
            )
            if shown_keys
            else Disclosure()
        )

        def figures(member, shown: bool, keys=shown_keys) -> Figures:
            if not shown:
                return Figures(0, {}, 0, suppressed=True)
            counts = pooled_counts(keys, member)
            most = max(
                sum(
                    sum(c.values())
                    for cell, c in per_question.get(q, {}).items()
                    if member(cell)
                )
                for q in keys
            )
            return figures_of(counts, most, scale)

        themes.append(
            ThemeResult(
                key=theme.key,
                title=theme.title,
                figures=figures(lambda c: True, bool(shown_keys)),
                questions=[
                    QuestionResult(
                        key=q.key,
                        number=i,
                        text=q.text,
                        theme_key=theme.key,
                        theme_title=theme.title,
                        figures=figures(lambda c: True, q.key in shown_keys, [q.key]),
                    )
                    for i, q in enumerate(theme.questions, start=1)
                ],
                by_sector={
                    s: figures(lambda c, s=s: c[0] == s, s in rule.sectors)
                    for s, _ in sectors
                },
                by_layer={
                    lay: figures(lambda c, lay=lay: c[1] == lay, lay in rule.layers)
                    for lay, _ in layers
                },
                pooled=shown_keys,
            )
        )
    return SessionResults(
        definition=definition,
        min_group=k,
        joined=joined,
        finished=finished,
        respondents=respondents,
        suppressed=respondents < k,
        themes=themes,
        sectors=sectors,
        layers=layers,
        breakdowns=people.partitions,
        participation={
            (s, lay): cells[(s, lay)] if people.cells else None
            for s, _ in sectors
            for lay, _ in layers
        },
        sector_counts={
            s: sum(n for c, n in cells.items() if c[0] == s)
            if s in people.sectors
            else None
            for s, _ in sectors
        },
        layer_counts={
            lay: sum(n for c, n in cells.items() if c[1] == lay)
            if lay in people.layers
            else None
            for lay, _ in layers
        },
    )


def results_of(sessions: list[Session]) -> dict[int, SessionResults]:
    """`session_results` of many sessions in two queries: the same counts, through the
    same `tabulate`, so the same figures are shown and hidden."""
    if not sessions:
        return {}
    ids = [s.pk for s in sessions]
    questions = {s.pk: len(s.instrument.definition.questions) for s in sessions}
    joined: Counter = Counter()
    finished: Counter = Counter()
    cells: dict[int, Counter] = defaultdict(Counter)
    for p in (
        Participant.objects.filter(session__in=ids)
        .annotate(answered=Count("answers"))
        .values("session_id", "sector", "layer", "answered")
    ):
        joined[p["session_id"]] += 1
        if p["answered"]:
            cells[p["session_id"]][(p["sector"], p["layer"])] += 1
        if p["answered"] >= questions[p["session_id"]]:
            finished[p["session_id"]] += 1
    answers: dict[int, Counter] = defaultdict(Counter)
    for r in (
        Answer.objects.filter(participant__session__in=ids)
        .values(
            "participant__session_id",
            "question_key",
            "participant__sector",
            "participant__layer",
            "value",
        )
        .annotate(n=Count("id"))
        .order_by()
    ):
        cell = (r["participant__sector"], r["participant__layer"])
        answers[r["participant__session_id"]][
            (r["question_key"], cell, r["value"])
        ] += r["n"]
    return {
        s.pk: tabulate(
            s.instrument.definition,
            k=min_group(),
            joined=joined[s.pk],
            finished=finished[s.pk],
            cells=cells[s.pk],
            answers=answers[s.pk],
        )
        for s in sessions
    }
