"""The signals about one school's pupils, as the decaan's signal page lists them."""

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from doorlopend.transitions.selectors.signals import signal_board

from ..access import KeyAuth, operation
from ..schemas import SignalOut, SignalPage
from .common import responses

router = Router(tags=["signals"])


class SignalQuery(Schema):
    closed: bool = Field(False, description="The latest closed signals instead.")
    page: int = Field(1, ge=1, le=100_000)


def _signal(s) -> SignalOut:
    t, pupil = s.transition, s.transition.pupil
    return SignalOut(
        id=s.pk,
        kind=s.kind,
        kind_label=str(s.get_kind_display()),
        raised_on=s.raised_on,
        closed_at=s.closed_at,
        interventions=s.intervention_count,
        pupil={
            "id": pupil.pk,
            "name": None if pupil.erased_at else pupil.name,
            "cohort": t.cohort,
        },
        sending_school=t.sending_organisation.name if t.sending_organisation else None,
        receiving_school=(
            t.receiving_organisation.name if t.receiving_organisation else None
        ),
    )


@router.get(
    "/partnerships/{slug}/schools/{school_id}/signals",
    response=responses({200: SignalPage}),
    operation_id="signals_list",
    summary="The signals about the school's pupils",
    auth=KeyAuth("signals:read"),
)
@operation
def signals_list(
    request: HttpRequest, slug: str, school_id: int, query: Query[SignalQuery]
):
    """Open signals 100 a page, grouped by kind, oldest first (or the latest closed
    ones). Every pupil returned is written in the school's access log."""
    board = signal_board(
        school=request.api_school,
        viewer=request.api_membership,
        closed=query.closed,
        page_number=query.page,
        request=request,
    )
    page = board.page
    return SignalPage(
        total=board.total,
        page=page.number if page else 1,
        pages=page.paginator.num_pages if page else 1,
        signals=[_signal(s) for g in board.groups for s in g.signals],
    )
