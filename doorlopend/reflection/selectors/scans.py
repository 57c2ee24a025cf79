"""Reads of a school's LOB-scan: its figures per element and action line, its trend over
yearly scans, and the partnership's schools side by side.

Every figure comes from `results.session_results()`, so the anonymity rule (k ≥ 3, see
results.py) holds here too: an action line pools only the statements shown on their
own, so its figures are sums of figures already shown; a trend's change and a school's
place beside the others are read from shown means only, never from a hidden one.
"""

from __future__ import annotations

import hashlib
import hmac
import string
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from doorlopend.partnerships.models import (
    SCHOOL_KINDS,
    Membership,
    Organisation,
    Partnership,
)

from ..choices import SCAN_KEY, State
from ..figures import Figures, QuestionResult, ThemeResult, figures_of
from ..models import Session
from .results import SessionResults, results_of, session_results
from .trends import TrendRow, _row

# A theme (an element) whose mean is under this is weak: on the 1–5 scale, short of
# "eens" on average. The scan page offers to make it an action point.
WEAK_BELOW = 3.5
# The partnership's schools side by side only from this many scanned schools on: with
# fewer, "school A" beside one other school is no pseudonym at all.
MIN_SCHOOLS = 3
DISAGREEMENTS = 5


@dataclass
class ScanRow:
    key: str
    title: str
    figures: Figures

    @property
    def shown(self) -> bool:
        return not self.figures.suppressed and self.figures.mean is not None

    @property
    def weak(self) -> bool:
        return self.shown and self.figures.mean < WEAK_BELOW


@dataclass
class ScanSummary:
    session: Session
    results: SessionResults
    elements: list[ScanRow]
    action_lines: list[ScanRow]
    disagreements: list[QuestionResult]

    @property
    def weak(self) -> list[ScanRow]:
        """The weak elements, weakest first."""
        return sorted(
            (r for r in self.elements if r.weak), key=lambda r: r.figures.mean
        )


def _theme_row(theme: ThemeResult) -> ScanRow:
    return ScanRow(key=theme.key, title=theme.title, figures=theme.figures)


def action_line_rows(results: SessionResults) -> list[ScanRow]:
    """Per OCW action line the pooled figures of its statements that are shown on their
    own: sums of shown figures, so nothing new follows (test_scan_anonymity)."""
    definition = results.definition
    tagged = {q.key: q for q in definition.questions}
    rows = []
    for line in definition.action_lines:
        shown = [
            q
            for q in results.questions
            if line.key in tagged[q.key].action_lines and not q.figures.suppressed
        ]
        if not shown:
            rows.append(ScanRow(line.key, line.title, Figures(0, {}, 0, True)))
            continue
        counts: Counter = Counter()
        for q in shown:
            counts.update(q.figures.distribution)
        figures = figures_of(
            counts, max(q.figures.respondents for q in shown), definition.scale.values
        )
        figures.dont_know = sum(q.figures.dont_know for q in shown)
        rows.append(ScanRow(line.key, line.title, figures))
    return rows


def scan_summary(session: Session) -> ScanSummary:
    """The scan's figures per element (its themes) and per OCW action line."""
    results = session_results(session)
    return ScanSummary(
        session=session,
        results=results,
        elements=[_theme_row(t) for t in results.themes],
        action_lines=action_line_rows(results),
        disagreements=results.disagreements[:DISAGREEMENTS],
    )


def schools_for(*, partnership: Partnership, viewer: Membership) -> list[Organisation]:
    """The schools whose scans `viewer` may read (the coördinator: every school), with
    `scan_count`, in one query."""
    schools = (
        Organisation.objects.filter(partnership=partnership, kind__in=SCHOOL_KINDS)
        .annotate(
            scan_count=Count(
                "reflection_sessions",
                filter=Q(reflection_sessions__instrument__key=SCAN_KEY),
            )
        )
        .order_by("name")
    )
    return [s for s in schools if viewer.has_perm("reflection.view_school_scan", s)]


def school_scans(
    *, partnership: Partnership, school: Organisation
) -> QuerySet[Session]:
    """The school's scans, newest first, with their participant counts."""
    return (
        Session.objects.filter(partnership=partnership, organisation=school)
        .select_related("instrument")
        .annotate(participant_count=Count("participants", distinct=True))
        .order_by("-date", "-created_at")
    )


@dataclass
class SchoolTrend:
    sessions: list[Session]
    rows: list[TrendRow]

    @property
    def enough(self) -> bool:
        return len(self.sessions) >= 2


def school_trend(*, scans: list[Session]) -> SchoolTrend:
    """Per element the mean of each closed scan, oldest first, with the change."""
    closed = sorted(
        (s for s in scans if s.state == State.CLOSED), key=lambda s: (s.date, s.pk)
    )
    batch = results_of(closed)
    per_session = [batch[s.pk] for s in closed]
    titles: dict[str, str] = {}
    for res in reversed(per_session):
        for t in res.themes:
            titles.setdefault(t.key, t.title)
    figures = [{t.key: t.figures for t in r.themes} for r in per_session]
    return SchoolTrend(
        sessions=closed,
        rows=[
            _row(k, title, [f.get(k) for f in figures]) for k, title in titles.items()
        ],
    )


@dataclass
class SchoolColumn:
    school_id: int
    label: str  # the school's name, or "school A" for whom may not read its scan
    named: bool
    session: Session
    means: dict[str, float | None] = field(default_factory=dict)


@dataclass
class Comparison:
    schools_scanned: int
    elements: list[tuple[str, str]]  # (key, title)
    columns: list[SchoolColumn]

    @property
    def shown(self) -> bool:
        return self.schools_scanned >= MIN_SCHOOLS


def _pseudonym_order(partnership: Partnership, school_id: int) -> str:
    """A stable order that says nothing of the school: not its name, not its id."""
    message = f"scan-pseudonym:{partnership.pk}:{school_id}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def comparison(*, partnership: Partnership, viewer: Membership) -> Comparison:
    """Each school's latest closed scan beside the others: only from MIN_SCHOOLS scanned
    schools (with figures shown) on; a school's name only for whom may read its scan
    (itself and the coördinator), the others "school A, B, C"."""
    latest: dict[int, Session] = {}
    for session in (
        Session.objects.filter(
            partnership=partnership,
            organisation__isnull=False,
            instrument__key=SCAN_KEY,
            state=State.CLOSED,
        )
        .select_related("instrument", "organisation")
        .order_by("-date", "-pk")
    ):
        latest.setdefault(session.organisation_id, session)
    batch = results_of(list(latest.values()))
    scanned = {
        school_id: (session, batch[session.pk]) for school_id, session in latest.items()
    }
    scanned = {k: v for k, v in scanned.items() if not v[1].suppressed}
    if len(scanned) < MIN_SCHOOLS:
        return Comparison(len(scanned), [], [])
    order = sorted(scanned, key=lambda pk: _pseudonym_order(partnership, pk))
    columns, elements = [], {}
    for letter, school_id in zip(string.ascii_uppercase, order, strict=False):
        session, res = scanned[school_id]
        named = viewer.has_perm("reflection.view_school_scan", session.organisation)
        column = SchoolColumn(
            school_id=school_id,
            label=session.organisation.name if named else f"school {letter}",
            named=named,
            session=session,
        )
        for t in res.themes:
            elements.setdefault(t.key, t.title)
            shown = not t.figures.suppressed and t.figures.mean is not None
            column.means[t.key] = t.figures.mean if shown else None
        columns.append(column)
    return Comparison(len(scanned), list(elements.items()), columns)
