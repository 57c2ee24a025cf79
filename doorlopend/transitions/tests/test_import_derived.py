"""The derived fields a bulk import writes equal those of `transitions_recompute`: for new
transitions (written whole from the file) and for ones that get new history."""

import pytest
from django_scopes import scopes_disabled

from doorlopend.transitions.models import StatusEvent, Transition
from doorlopend.transitions.services.history import DERIVED, transitions_recompute

from .import_helpers import (
    STATUS_HEADER,
    csv_bytes,
    pgn,
    run_file,
    save_mapping,
    schools,
)

pytestmark = pytest.mark.django_db


def derived():
    return list(Transition.objects.order_by("pk").values_list("pk", *DERIVED))


def assert_as_recomputed():
    with scopes_disabled():
        written = derived()
        transitions_recompute(Transition.objects.all())
        assert derived() == written


def test_bulk_derived_fields_equal_the_recompute(partnership):
    _vo, mbo = schools(partnership)
    save_mapping(partnership, mbo, "statuses", STATUS_HEADER)
    first = [
        # Two statuses on one date: the later line is the later recorded.
        f"{pgn(1)};aangemeld;01-02-2026;;;;;",
        f"{pgn(1)};intake;01-02-2026;;;;;",
        f"{pgn(1)};aangemeld;01-02-2026;;;;;",  # a repeat adds nothing
        f"{pgn(2)};aangemeld;03-02-2026;;;;;",
        f"{pgn(2)};ingeschreven;05-03-2026;;;;;",
        f"{pgn(2)};gestart;01-04-2026;;;;;",
        f"{pgn(2)};gestopt;01-05-2026;;;;;",
        f"{pgn(3)};aangemeld;03-02-2026;;;;;",
        f"{pgn(3)};ingetrokken;04-02-2026;;;;;",
    ]
    job = run_file(partnership, mbo, "statuses", csv_bytes(STATUS_HEADER, first))
    assert job.status == "done", job.errors
    assert (job.created_count, job.updated_count, job.unchanged_count) == (8, 0, 1)
    with scopes_disabled():
        t1 = Transition.objects.get(
            pupil__pseudonym__isnull=False, events__status="intake"
        )
        assert (t1.status, t1.registered_on) == ("intake", t1.status_on)
    assert_as_recomputed()
    later = [
        f"{pgn(1)};dossier_ontvangen;10-02-2026;;;;;",
        f"{pgn(1)};geplaatst;10-02-2026;;;;;",
        f"{pgn(4)};aangemeld;03-02-2026;;;;;",
    ]
    job = run_file(
        partnership, mbo, "statuses", csv_bytes(STATUS_HEADER, first + later)
    )
    assert job.status == "done", job.errors
    assert (job.created_count, job.unchanged_count) == (3, len(first))
    with scopes_disabled():
        assert StatusEvent.objects.count() == 8 + 3
        assert Transition.objects.get(events__status="geplaatst").status == "geplaatst"
    assert_as_recomputed()
