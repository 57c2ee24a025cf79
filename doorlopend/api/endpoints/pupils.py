"""A school system sends its leavers (vo) or its registrations and statuses (mbo)."""

from django.http import HttpRequest
from ninja import Router

from doorlopend.transitions.choices import ImportKind

from ..access import KeyAuth, operation
from ..batches import batch_import
from ..problems import Problem
from ..schemas import ImportResult, LeaversBatch, StatusesBatch
from .common import responses

router = Router(tags=["pupils"])
RESPONSES = responses({200: ImportResult, 409: Problem, 413: Problem})


def _import(request: HttpRequest, kind: str, batch) -> ImportResult:
    result = batch_import(
        key=request.auth,
        by=request.api_membership,
        school=request.api_school,
        kind=kind,
        cohort=batch.cohort,
        rows=[row.dict() for row in batch.rows],
    )
    return ImportResult(**result.__dict__)


@router.post(
    "/partnerships/{slug}/schools/{school_id}/leavers",
    response=RESPONSES,
    operation_id="leavers_send",
    summary="Send the school's leavers (a vo school)",
    auth=KeyAuth("pupils:write"),
)
@operation
def leavers_send(request: HttpRequest, slug: str, school_id: int, batch: LeaversBatch):
    """The rows of a list of leavers, all or nothing: a refused row refuses the batch
    (422, each refused row with its number). Sending the same batch again changes
    nothing (`unchanged`)."""
    return _import(request, ImportKind.LEAVERS, batch)


@router.post(
    "/partnerships/{slug}/schools/{school_id}/statuses",
    response=RESPONSES,
    operation_id="statuses_send",
    summary="Send the school's registrations and statuses (an mbo school)",
    auth=KeyAuth("pupils:write"),
)
@operation
def statuses_send(
    request: HttpRequest, slug: str, school_id: int, batch: StatusesBatch
):
    """The rows of a list of registrations and statuses, all or nothing, as
    `leavers_send`."""
    return _import(request, ImportKind.STATUSES, batch)
