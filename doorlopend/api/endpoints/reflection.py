"""Results of the partnership's closed reflection sessions: the results page's figures."""

from django.http import HttpRequest
from ninja import Router

from doorlopend.reflection.choices import State
from doorlopend.reflection.figures import Figures as ResultFigures
from doorlopend.reflection.models import Session
from doorlopend.reflection.selectors.results import session_results

from ..access import KeyAuth, operation
from ..problems import ApiProblem
from ..schemas import GroupFigures, SessionOut, SessionResultsOut
from .common import responses

router = Router(tags=["reflection"])


def _closed(request: HttpRequest):
    """The closed sessions the key's maker may read (reflection.view's object rule: a
    school's own scan only for that school's people and the coördinator)."""
    sessions = (
        Session.objects.filter(partnership=request.auth.partnership, state=State.CLOSED)
        .select_related("instrument", "organisation")
        .order_by("-date", "-pk")
    )
    membership = request.api_membership
    return [s for s in sessions if membership.has_perm("reflection.view", s)]


def _session(s: Session) -> SessionOut:
    return SessionOut(
        id=s.pk, title=s.title, date=s.date, instrument=s.instrument.title
    )


def _figures(f: ResultFigures) -> GroupFigures:
    if f.suppressed:  # a group under k: nothing of it, not even how many answered
        return GroupFigures(
            respondents=None,
            mean=None,
            spread=None,
            distribution=None,
            dont_know=None,
            suppressed=True,
        )
    return GroupFigures(
        respondents=f.respondents,
        mean=round(f.mean, 2) if f.mean is not None else None,
        spread=round(f.spread, 2) if f.spread is not None else None,
        distribution={str(k): v for k, v in f.distribution.items()},
        dont_know=f.dont_know,
        suppressed=False,
    )


@router.get(
    "/partnerships/{slug}/reflection/sessions",
    response=responses({200: list[SessionOut]}),
    operation_id="reflection_sessions",
    summary="The partnership's closed reflection sessions",
    auth=KeyAuth("reflection:read"),
)
@operation
def reflection_sessions(request: HttpRequest, slug: str):
    """Closed sessions, newest first."""
    return [_session(s) for s in _closed(request)]


@router.get(
    "/partnerships/{slug}/reflection/sessions/{session_id}/results",
    response=responses({200: SessionResultsOut}),
    operation_id="reflection_results",
    summary="The results of one closed session",
    auth=KeyAuth("reflection:read"),
)
@operation
def reflection_results(request: HttpRequest, slug: str, session_id: int):
    """Per theme and question: respondents, mean, spread and distribution; by sector
    and layer only where the results page shows them. A group under k (at least 3) is
    `suppressed` with no figures."""
    session = next((s for s in _closed(request) if s.pk == session_id), None)
    if session is None:
        raise ApiProblem(404, "")
    results = session_results(session)
    return SessionResultsOut(
        session=_session(session),
        min_group=results.min_group,
        joined=results.joined,
        finished=results.finished,
        respondents=results.respondents,
        suppressed=results.suppressed,
        themes=[
            {
                "key": t.key,
                "title": str(t.title),
                "figures": _figures(t.figures),
                "questions": [
                    {
                        "key": q.key,
                        "number": q.number,
                        "text": str(q.text),
                        "figures": _figures(q.figures),
                    }
                    for q in t.questions
                ],
                "by_sector": {k: _figures(v) for k, v in t.by_sector.items()},
                "by_layer": {k: _figures(v) for k, v in t.by_layer.items()},
            }
            for t in results.themes
        ],
    )
