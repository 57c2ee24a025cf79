"""Results per kind of party: a draagvlak survey (or any instrument that asks no layer).

The figures are `session_results()`'s, so the one rule (`results.disclose`, k ≥ 3)
decides what shows: a kind of party under k says "too few answers", and where the total
minus the shown kinds would give a hidden one away, a second kind is hidden too (the
total stays). The open answers come without attribution (selectors/open_answers.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from doorlopend.partnerships.models import Partnership

from ..choices import DRAAGVLAK_KEY
from ..figures import Figures, SessionResults
from ..models import Session
from .open_answers import OpenQuestionAnswers, open_answers
from .results import session_results


@dataclass(frozen=True)
class PartyColumn:
    key: str
    label: str
    count: int | None  # None: hidden


@dataclass(frozen=True)
class PartyRow:
    title: str
    cells: list[Figures]  # one per column, in the columns' order
    total: Figures


@dataclass
class PartyResults:
    session: Session
    results: SessionResults
    columns: list[PartyColumn]
    themes: list[PartyRow]
    open_answers: list[OpenQuestionAnswers]

    @property
    def suppressed(self) -> bool:
        return self.results.suppressed


def party_results(*, session: Session) -> PartyResults:
    """The session's theme means per kind of party, its statements and open answers."""
    res = session_results(session)
    columns = [
        PartyColumn(key, label, res.sector_counts.get(key))
        for key, label in res.sectors
    ]
    return PartyResults(
        session=session,
        results=res,
        columns=columns,
        themes=[
            PartyRow(
                title=theme.title,
                cells=[theme.by_sector[c.key] for c in columns],
                total=theme.figures,
            )
            for theme in res.themes
        ],
        open_answers=open_answers(session=session, respondents=res.respondents),
    )


@dataclass(frozen=True)
class RouteSurvey:
    """The newest draagvlak session of a route, with how many people answered it."""

    session: Session
    respondents: int


def route_surveys(
    *, partnership: Partnership, route_ids: set[int]
) -> dict[int, RouteSurvey]:
    """route id → its newest draagvlak session; one query for any number of routes."""
    sessions = (
        Session.objects.filter(
            partnership=partnership,
            leerroute__in=route_ids,
            organisation=None,
            instrument__key=DRAAGVLAK_KEY,
        )
        .annotate(
            respondents=Count(
                "participants",
                filter=Q(participants__answers__isnull=False),
                distinct=True,
            )
        )
        .order_by("-date", "-created_at", "-pk")
    )
    found: dict[int, RouteSurvey] = {}
    for session in sessions:
        found.setdefault(
            session.leerroute_id, RouteSurvey(session, session.respondents)
        )
    return found
