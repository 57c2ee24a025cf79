"""The demo of issue 17: the three sample files imported for Rivierenland, a draagvlak
result that shows for every kind of party, one plan vastgesteld by the stuurgroep and
one waiting. (Loading twice adds nothing: test_load_demo.py proves it for every table.)"""

import pytest
from django_scopes import scopes_disabled

from doorlopend.approvals.models import ApprovalRequest, ApprovalStatus
from doorlopend.approvals.selectors import approval_state
from doorlopend.partnerships.demo import DEMO_SLUG
from doorlopend.partnerships.models import Partnership
from doorlopend.reflection.choices import DRAAGVLAK_KEY, State
from doorlopend.reflection.models import Session
from doorlopend.reflection.selectors.parties import party_results
from doorlopend.region.models import DataKind, DataSet

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(loaded_demo):
    return Partnership.objects.get(slug=DEMO_SLUG)


def test_the_three_sample_files_are_imported(demo):
    with scopes_disabled():
        counts = {
            d.kind: (d.row_count, d.masked_count > 0, d.imported_by_id is not None)
            for d in DataSet.objects.filter(partnership=demo)
        }
    assert counts == {
        DataKind.VO_PUPILS: (180, True, True),
        DataKind.MBO_STUDENTS: (36, True, True),
        DataKind.LABOUR_MARKET: (15, True, True),
    }


def test_the_draagvlak_result_shows_for_every_kind_of_party(demo):
    with scopes_disabled():
        session = Session.objects.get(
            partnership=demo, instrument__key=DRAAGVLAK_KEY, leerroute__isnull=False
        )
        assert session.state == State.CLOSED
        result = party_results(session=session)
    assert not result.suppressed
    assert len(result.columns) >= 4
    assert all(
        column.count is not None and column.count >= 3 for column in result.columns
    )
    assert not any(cell.suppressed for row in result.themes for cell in row.cells)


def test_one_plan_is_vastgesteld_and_one_waits(demo):
    with scopes_disabled():
        statuses = sorted(
            ApprovalRequest.objects.filter(partnership=demo).values_list(
                "kind", "status"
            )
        )
        plan = approval_state(partnership=demo, kind="plan")
    assert statuses == [
        ("agreement", ApprovalStatus.PENDING),
        ("plan", ApprovalStatus.APPROVED),
    ]
    assert plan.current_is_approved  # nothing loaded later changed the plan
