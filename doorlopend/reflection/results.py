"""Aggregated results of a session, with the anonymity threshold applied in one place.

Every figure shown anywhere — page, presenter, XLSX, PDF, trends — comes from
`session_results()`. A group (the whole session, a sector, a layer, a sector × layer
cell) with fewer than `min_group` respondents gets `suppressed=True` and no figures, so a
template or export cannot show what is not there. "Weet niet" counts as an answer but
never in a mean, a spread or the disagreement ranking.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count

from doorlopend.instruments.definition import Definition

from .choices import DONT_KNOW, Layer, Sector
from .models import Answer, Participant, Session


def min_group() -> int:
    """k: the smallest group whose figures may be shown; never below 3."""
    return max(3, getattr(settings, "REFLECTION_MIN_GROUP", 3))


@dataclass
class Figures:
    """Counts of answers of one group on one question or theme."""

    respondents: int  # distinct people in the group who answered
    distribution: dict[int, int]  # scale point → count
    dont_know: int
    suppressed: bool
    mean: float | None = None
    spread: float | None = None  # population standard deviation of the scores

    @property
    def scored(self) -> int:
        return sum(self.distribution.values())

    @property
    def answered(self) -> int:
        return self.scored + self.dont_know


def _figures(counts: Counter, respondents: int, scale: list[int], k: int) -> Figures:
    """`counts`: value → number of answers, for one group and question (or theme)."""
    if respondents < k:
        return Figures(respondents, {}, 0, suppressed=True)
    distribution = {v: counts.get(v, 0) for v in scale}
    n = sum(distribution.values())
    mean = spread = None
    if n:
        # From the counts, not from a list of every score: a national day has 22,000.
        mean = sum(v * c for v, c in distribution.items()) / n
        spread = math.sqrt(
            sum(c * (v - mean) ** 2 for v, c in distribution.items()) / n
        )
    return Figures(
        respondents=respondents,
        distribution=distribution,
        dont_know=counts.get(DONT_KNOW, 0),
        suppressed=False,
        mean=mean,
        spread=spread,
    )


@dataclass
class QuestionResult:
    key: str
    number: int  # 1-based within its theme, as in the handreiking
    text: str
    theme_key: str
    theme_title: str
    figures: Figures


@dataclass
class ThemeResult:
    key: str
    title: str
    figures: Figures
    questions: list[QuestionResult]
    by_sector: dict[str, Figures] = field(default_factory=dict)
    by_layer: dict[str, Figures] = field(default_factory=dict)


@dataclass
class GroupCount:
    label: str
    respondents: int | None  # None when under the threshold


@dataclass
class SessionResults:
    definition: Definition
    min_group: int
    joined: int
    finished: int
    respondents: int
    suppressed: bool
    themes: list[ThemeResult]
    sectors: list[tuple[str, str]]  # (value, label) of the sectors present, in order
    layers: list[tuple[str, str]]
    participation: dict[tuple[str, str], int | None]  # (sector, layer) → count or None
    sector_counts: dict[
        str, int | None
    ]  # None: hidden (under k, or to protect one that is)
    layer_counts: dict[str, int | None]

    @property
    def questions(self) -> list[QuestionResult]:
        return [q for t in self.themes for q in t.questions]

    @property
    def disagreements(self) -> list[QuestionResult]:
        """Questions with a spread, the largest disagreement first."""
        shown = [
            q for q in self.questions if not q.figures.suppressed and q.figures.spread
        ]
        return sorted(shown, key=lambda q: (-q.figures.spread, q.theme_key, q.number))


def visible_groups(sizes: dict[str, int], k: int) -> set[str]:
    """The groups of one partition (sectors, or layers) whose figures may be shown.

    A group under k is hidden. Hiding it alone is not enough: the session's figures minus
    the shown groups' figures would give the hidden group's answers. So while the hidden
    groups together hold fewer than k people, the smallest shown group is hidden too.
    """
    hidden = {g for g, n in sizes.items() if 0 < n < k}
    shown = sorted((n, g) for g, n in sizes.items() if n >= k)
    while hidden and sum(sizes[g] for g in hidden) < k and shown:
        hidden.add(shown.pop(0)[1])
    return {g for _n, g in shown}


def session_results(session: Session, *, k: int | None = None) -> SessionResults:
    """All figures of `session` in two queries, suppressed below k respondents."""
    k = max(3, k) if k is not None else min_group()
    definition = session.instrument.definition
    scale = definition.scale.values
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

    # Query 2: answers counted per question, value, sector and layer.
    counts: dict[tuple[str, str | None, str | None], Counter] = defaultdict(Counter)
    for r in (
        Answer.objects.filter(participant__session=session)
        .values("question_key", "value", "participant__sector", "participant__layer")
        .annotate(n=Count("id"))
        .order_by()
    ):
        q, v, n = r["question_key"], r["value"], r["n"]
        s, lay = r["participant__sector"], r["participant__layer"]
        for key in ((q, None, None), (q, s, None), (q, None, lay)):
            counts[key][v] += n

    respondents = sum(cells.values())
    sector_sizes = _sizes(cells, 0)
    layer_sizes = _sizes(cells, 1)
    sectors = [(v, str(lbl)) for v, lbl in Sector.choices if v in sector_sizes]
    layers = [(v, str(lbl)) for v, lbl in Layer.choices if v in layer_sizes]
    shown_sectors = visible_groups(sector_sizes, k)
    shown_layers = visible_groups(layer_sizes, k)

    def group_figures(question_keys, sector=None, layer=None) -> Figures:
        if sector is not None:
            size, visible = sector_sizes[sector], sector in shown_sectors
        elif layer is not None:
            size, visible = layer_sizes[layer], layer in shown_layers
        else:
            size, visible = respondents, respondents >= k
        total: Counter = Counter()
        answering = 0
        for qk in question_keys:
            c = counts.get((qk, sector, layer), Counter())
            total.update(c)
            answering = max(answering, sum(c.values()))
        # Both the group and the people who answered these questions must reach k.
        if not visible or answering < k:
            return Figures(size, {}, 0, suppressed=True)
        return _figures(total, min(size, answering), scale, k)

    themes = []
    for theme in definition.themes:
        keys = [q.key for q in theme.questions]
        themes.append(
            ThemeResult(
                key=theme.key,
                title=theme.title,
                figures=group_figures(keys),
                questions=[
                    QuestionResult(
                        key=q.key,
                        number=i,
                        text=q.text,
                        theme_key=theme.key,
                        theme_title=theme.title,
                        figures=group_figures([q.key]),
                    )
                    for i, q in enumerate(theme.questions, start=1)
                ],
                by_sector={s: group_figures(keys, sector=s) for s, _ in sectors},
                by_layer={lay: group_figures(keys, layer=lay) for lay, _ in layers},
            )
        )
    participation = {
        (s, lay): (cells[(s, lay)] if cells[(s, lay)] >= k else None)
        for s, _ in sectors
        for lay, _ in layers
    }
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
        participation=participation,
        sector_counts={
            s: sector_sizes[s] if s in shown_sectors else None for s, _ in sectors
        },
        layer_counts={
            lay: layer_sizes[lay] if lay in shown_layers else None for lay, _ in layers
        },
    )


def _sizes(cells: Counter, index: int) -> dict[str, int]:
    sizes: Counter = Counter()
    for key, n in cells.items():
        sizes[key[index]] += n
    return dict(sizes)
