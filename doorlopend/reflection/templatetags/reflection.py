"""Template helpers of the facilitator's pages: distribution bars, heat maps, the clock.

Every number shown comes from `results.session_results()`; these helpers only arrange
what is there and never compute a figure of their own from answers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..choices import PHASE_MINUTES, Phase, State
from ..models import Session
from ..selectors.results import Figures, SessionResults

register = template.Library()

# 1 → 5 from red through grey to blue (no red/green pair: colour-blind readers), and a
# dark grey for "weet niet". Each borders the next with enough difference to tell apart.
SCALE_COLOURS = {
    1: "#b42318",
    2: "#e9826b",
    3: "#c5cbd3",
    4: "#72a7db",
    5: "#1d5fa8",
}
DONT_KNOW_COLOUR = "#4b5563"

# Minutes after opening at which the last quarter of the hour starts.
LAST_QUARTER = sum(PHASE_MINUTES.values()) - PHASE_MINUTES[Phase.ACTIEPUNTEN]


@dataclass
class Segment:
    label: str
    count: int
    colour: str
    x: float = 0.0
    width: float = 0.0
    tone: str = "dk"  # the CSS class dist-<tone> of its colour: 1 … 5, or dk


@register.simple_tag
def distribution(figures: Figures, scale, dont_know_label: str = "") -> str:
    """A stacked bar of the answers per scale point, with its text equivalent.

    Built here rather than in a template: a results page has one per question, and a
    live poll renders them all (bench/reflection_load.py).
    """
    segments = _toned(
        [
            Segment(str(value), figures.distribution.get(value, 0), colour)
            for value, colour in zip(scale.values, _colours(scale.values), strict=True)
        ],
        scale.values,
    )
    segments.append(
        Segment(dont_know_label or scale.dont_know, figures.dont_know, DONT_KNOW_COLOUR)
    )
    total = sum(s.count for s in segments)
    x = 0.0
    for segment in segments:
        segment.x = x
        segment.width = 100 * segment.count / total if total else 0
        x += segment.width
    label = ", ".join(f"{s.label}: {s.count}" for s in segments)
    bars = "".join(
        f'<rect x="{s.x:.3f}" y="0" width="{s.width:.3f}" height="10" '
        f'fill="{s.colour}"/>'
        for s in segments
        if s.count
    )
    counts = "".join(f'<span class="dist-{s.tone}">{s.count}</span>' for s in segments)
    return format_html(
        '<span class="distribution">\n  <svg class="dist-bar" viewBox="0 0 100 10" '
        'preserveAspectRatio="none" role="img" aria-label="{}">{}</svg>\n  '
        '<span class="dist-counts" aria-hidden="true">{}</span>\n</span>\n',
        label,
        mark_safe(bars),  # noqa: S308 - numbers and our own colours only
        mark_safe(counts),  # noqa: S308 - numbers and our own tones only
    )


def _tones(values: list[int]) -> list[int]:
    """Which of the five colours each point gets: all five for 1–5; another scale spreads
    them (a poll's oneens/eens: red and blue)."""
    last = len(values) - 1 or 1
    return [round(i * 4 / last) + 1 for i in range(len(values))]


def _colours(values: list[int]) -> list[str]:
    palette = list(SCALE_COLOURS.values())
    return [palette[tone - 1] for tone in _tones(values)]


def _toned(segments: list[Segment], values: list[int]) -> list[Segment]:
    for segment, tone in zip(segments, _tones(values), strict=False):
        segment.tone = str(tone)
    return segments


@register.simple_tag
def scale_legend(scale) -> list[Segment]:
    """The points of the scale with their colours: numbers, or on a scale of three points
    or fewer (a poll) their words."""
    words = len(scale.values) <= 3
    legend = _toned(
        [
            Segment(scale.labels.get(v, str(v)) if words else str(v), 0, c)
            for v, c in zip(scale.values, _colours(scale.values), strict=True)
        ],
        scale.values,
    )
    return [*legend, Segment(scale.dont_know, 0, DONT_KNOW_COLOUR)]


@register.filter
def heat(figures: Figures) -> str:
    """The CSS class of a heat-map cell: heat-1 … heat-5 by the rounded mean."""
    if figures is None or figures.suppressed or figures.mean is None:
        return "heat-none"
    return f"heat-{min(5, max(1, math.floor(figures.mean + 0.5)))}"


@dataclass
class HeatRow:
    label: str
    respondents: int | None
    cells: list[Figures]


@register.simple_tag
def heatmap(results: SessionResults, by: str) -> list[HeatRow]:
    """Rows of a heat map: one per sector (by="sector") or layer present, a cell per theme."""
    groups = results.sectors if by == "sector" else results.layers
    counts = results.sector_counts if by == "sector" else results.layer_counts
    return [
        HeatRow(
            label=label,
            respondents=counts.get(value),
            cells=[
                (t.by_sector if by == "sector" else t.by_layer)[value]
                for t in results.themes
            ],
        )
        for value, label in groups
    ]


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key) if mapping else None


@dataclass
class PlanStep:
    phase: str
    label: str
    start: int
    end: int
    current: bool


@dataclass
class PhaseClock:
    running: bool  # open: the clock ticks
    minutes_open: int | None  # since the session opened (until it closed)
    minutes_in_phase: int | None
    opened_at: datetime | None
    phase_started_at: datetime | None
    last_quarter: bool
    plan: list[PlanStep]

    @property
    def next_step(self) -> PlanStep | None:
        """The phase after the current one, for the bar's "next" button."""
        current = next((i for i, s in enumerate(self.plan) if s.current), None)
        if current is None or current + 1 >= len(self.plan):
            return None
        return self.plan[current + 1]


@register.simple_tag
def phase_clock(session: Session, now: datetime | None = None) -> PhaseClock:
    """Where the hour stands: minutes since opening and in this phase, and the plan."""
    now = now or timezone.now()
    end = session.closed_at if session.state == State.CLOSED else now
    started = session.opened_at if session.state != State.CONCEPT else None
    minutes_open = _minutes(started, end)
    in_phase = _minutes(session.phase_started_at if started else None, end)
    plan, start = [], 0
    for phase, label in Phase.choices:
        length = PHASE_MINUTES[phase]
        plan.append(
            PlanStep(phase, str(label), start, start + length, phase == session.phase)
        )
        start += length
    return PhaseClock(
        running=session.state == State.OPEN,
        minutes_open=minutes_open,
        minutes_in_phase=in_phase,
        opened_at=started,
        phase_started_at=session.phase_started_at if started else None,
        last_quarter=(
            session.state == State.OPEN
            and minutes_open is not None
            and minutes_open >= LAST_QUARTER
        ),
        plan=plan,
    )


def _minutes(start: datetime | None, end: datetime | None) -> int | None:
    if start is None or end is None:
        return None
    return max(0, int((end - start).total_seconds() // 60))


@register.filter
def point_for(points, theme_key: str):
    """The first action point about `theme_key` among `points`, or None."""
    return next((p for p in points if p.theme_key == theme_key), None)


@register.simple_tag
def poll_segments(figures: Figures, scale) -> list[Segment]:
    """A poll's answers per point in words ("oneens", "eens", "weet niet"), as bar
    segments: the beamer names each count, so no legend of colours is needed."""
    segments = [
        Segment(
            scale.labels.get(value, str(value)),
            figures.distribution.get(value, 0),
            colour,
        )
        for value, colour in zip(scale.values, _colours(scale.values), strict=True)
    ]
    segments.append(Segment(scale.dont_know, figures.dont_know, DONT_KNOW_COLOUR))
    total = sum(s.count for s in segments)
    x = 0.0
    for segment in segments:
        segment.x = x
        segment.width = 100 * segment.count / total if total else 0
        x += segment.width
    return segments
