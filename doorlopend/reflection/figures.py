"""The shapes of a session's results: figures per group, question, theme and session.

Plain data, filled only by `results.tabulate()`, which decides what may be shown.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from doorlopend.instruments.definition import Definition

from .choices import DONT_KNOW

Cell = tuple[str, str]  # (sector, layer)
SECTOR, LAYER = "sector", "layer"


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


def figures_of(counts: Counter, respondents: int, scale: list[int]) -> Figures:
    """`counts`: value → number of answers, for one group and question (or theme)."""
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
    # The questions the theme's figures add up: those with figures of their own.
    pooled: list[str] = field(default_factory=list)


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
    # The breakdowns shown: both ("sector", "layer"), one of them, or none.
    breakdowns: tuple[str, ...]
    participation: dict[Cell, int | None]  # (sector, layer) → count; None: hidden
    sector_counts: dict[str, int | None]  # None: hidden (under k, or protecting one)
    layer_counts: dict[str, int | None]

    @property
    def shows_sectors(self) -> bool:
        return SECTOR in self.breakdowns

    @property
    def shows_layers(self) -> bool:
        return LAYER in self.breakdowns

    @property
    def shows_cells(self) -> bool:
        """The sector × layer table: only while every cell is empty or at least k."""
        return any(n is not None for n in self.participation.values())

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
