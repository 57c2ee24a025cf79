"""The national reflection picture: per theme and question, the spread of partnership
means, and one partnership's mean against it.

A partnership's mean of a question pools the answers (never "weet niet") of its closed
sessions of the instrument — the partnership's own sessions, not a school's scan — and
only of sessions where at least k people answered that question, the engine's rule
(`reflection.selectors.results.min_group`). The means of all partnerships come from one
grouped query over the closed sessions' per-question sums (`reflection.QuestionTotal`),
kept for the day in the cache; who counts is read per request, so an
opt-out takes effect at once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Sum
from django_scopes import scopes_disabled

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.instruments.selectors import newest_version
from doorlopend.reflection.choices import State
from doorlopend.reflection.models import QuestionTotal, Session
from doorlopend.reflection.selectors.results import min_group
from doorlopend.reflection.services.totals import question_totals_fill

from .daycache import day_cached
from .selectors import Band, Spread, counting_partnership_ids, spread_of

DEFAULT_INSTRUMENT = "reflectietool"

# partnership id → question or theme key → (sum of scores, number of scores)
Sums = dict[int, dict[str, tuple[int, int]]]


@dataclass(frozen=True)
class Row:
    key: str
    title: str
    spread: Spread
    own: float | None
    band: str | None

    @property
    def band_label(self) -> str:
        return Band.LABELS.get(self.band, "")


@dataclass(frozen=True)
class RowsPicture:
    """A national picture of one row per thing counted (the checklist's blocks, the
    programme's elements): when it was computed, over how many partnerships."""

    computed_at: datetime
    partnerships: int
    rows: list[Row]

    @property
    def enough(self) -> bool:
        return any(r.spread.enough for r in self.rows)


@dataclass(frozen=True)
class ThemeRows:
    theme: Row
    questions: list[Row]


@dataclass(frozen=True)
class NationalReflection:
    instrument: InstrumentVersion
    computed_at: datetime
    partnerships: int  # partnerships that count with at least one mean
    themes: list[ThemeRows]

    @property
    def enough(self) -> bool:
        return any(t.theme.spread.enough for t in self.themes)


def instruments() -> list[InstrumentVersion]:
    """The questionnaires a partnership runs sessions with, latest version of each."""
    return InstrumentVersion.objects.questionnaires().latest_per_key()


def _sums(*, key: str) -> Sums:
    """Scores summed per partnership and question over its closed sessions where the
    question reached k answers: the sessions' per-question sums (`QuestionTotal`, made
    here for closed sessions without them), added up in one grouped query."""
    k = min_group()
    # National aggregates read every partnership's answers: the one reason to lift the scope.
    with scopes_disabled():
        sessions = Session.objects.filter(
            state=State.CLOSED, instrument__key=key, organisation=None
        )
        question_totals_fill(sessions=sessions)
        rows = (
            QuestionTotal.objects.filter(session__in=sessions, answers__gte=k)
            .values("session__partnership_id", "question_key")
            .annotate(all_scored=Sum("scored"), all_total=Sum("total"))
            .order_by()
            .values_list(
                "session__partnership_id", "question_key", "all_total", "all_scored"
            )
        )
        sums: Sums = defaultdict(dict)
        for pid, question, total, scored in rows:
            sums[pid][question] = (total, scored)
    return sums


def _pooled(sums: dict[str, tuple[int, int]], keys: list[str]) -> float | None:
    total = sum(sums.get(q, (0, 0))[0] for q in keys)
    scored = sum(sums.get(q, (0, 0))[1] for q in keys)
    return total / scored if scored else None


def _national_sums(key: str) -> tuple[datetime, Sums]:
    """Every partnership's sums for the instrument, computed once a day."""
    return day_cached(
        f"reflection:{key}",
        lambda: {pid: dict(v) for pid, v in _sums(key=key).items()},
    )


def national_reflection(
    *, instrument: InstrumentVersion, partnership_id: int | None = None
) -> NationalReflection:
    """The spread per theme and question; with `partnership_id`, that partnership's
    own means (of the same day, whether or not it counts) and band against the spread."""
    key = instrument.key
    computed_at, all_sums = _national_sums(key)
    counting = counting_partnership_ids()
    sums = [v for pid, v in all_sums.items() if pid in counting]
    # The own means come from the same day's figures (whether or not it counts).
    own = all_sums.get(partnership_id, {}) if partnership_id is not None else None

    def row(key: str, title: str, keys: list[str]) -> Row:
        means = [m for s in sums if (m := _pooled(s, keys)) is not None]
        spread = spread_of(means)
        mine = _pooled(own, keys) if own is not None else None
        return Row(key, title, spread, mine, spread.band(mine))

    themes = [
        ThemeRows(
            theme=row(t.key, t.title, [q.key for q in t.questions]),
            questions=[row(q.key, q.text, [q.key]) for q in t.questions],
        )
        for t in instrument.definition.themes
        if t.questions
    ]
    return NationalReflection(
        instrument=instrument,
        computed_at=computed_at,
        partnerships=sum(1 for s in sums if s),
        themes=themes,
    )


def national_warm(*, today=None) -> int:
    """The day's national means for every questionnaire, computed by the daily work (core
    .periodic) so that no visitor waits for the grouped query; returns how many."""
    found = instruments()
    for instrument in found:
        _national_sums(instrument.key)
    return len(found)


def own_theme_means(
    *, partnership_id: int, key: str = DEFAULT_INSTRUMENT
) -> list[tuple[str, float]]:
    """The partnership's mean per theme (closed sessions, groups of at least k), for its
    public progress page; themes without such answers are left out."""
    instrument = newest_version(kind=InstrumentVersion.Kind.QUESTIONNAIRE, key=key)
    if instrument is None:
        return []
    _computed_at, all_sums = _national_sums(key)
    sums = all_sums.get(partnership_id, {})
    out = []
    for theme in instrument.definition.themes:
        mean = _pooled(sums, [q.key for q in theme.questions])
        if mean is not None:
            out.append((theme.title, mean))
    return out
