"""The dossier's signals: not complete by the date, not read by the date; never twice,
and they close themselves."""

import datetime

import pytest
from django_scopes import scopes_disabled

from doorlopend.dossier.models import DossierAgreement
from doorlopend.dossier.selectors.handover import incoming_get
from doorlopend.dossier.services import handover as services
from doorlopend.dossier.services import parts
from doorlopend.transitions.models import Signal
from doorlopend.transitions.services.cohort_settings import cohort_dates_save
from doorlopend.transitions.services.signals import signals_refresh_detail

from .handover_helpers import handed, world  # noqa: F401

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def agreed(handed):  # noqa: F811
    with scopes_disabled():
        DossierAgreement.objects.create(partnership=handed.world.partnership)
    return handed


def refresh(handed, today):  # noqa: F811
    with scopes_disabled():
        return signals_refresh_detail(partnership=handed.world.partnership, today=today)


def signals(handed, kind):  # noqa: F811
    with scopes_disabled():
        return list(
            Signal.objects.filter(
                transition=handed.world.fatima_transition, kind=kind
            ).values_list("raised_on", "closed_at")
        )


def cohort(handed):  # noqa: F811
    return handed.world.fatima_transition.cohort


def test_incomplete_fires_after_the_date_once_and_closes(agreed):
    year = cohort(agreed)
    with scopes_disabled():
        parts.part_b_save(
            dossier=agreed.dossier, advice="Nieuw", attendance_results="x", by=None
        )
    refresh(agreed, D(year, 4, 1))
    assert signals(agreed, "dossier_incomplete") == []
    refresh(agreed, D(year, 4, 2))
    refresh(agreed, D(year, 4, 3))
    rows = signals(agreed, "dossier_incomplete")
    assert [r[0] for r in rows] == [D(year, 4, 1)] and rows[0][1] is None
    from .handover_helpers import approve

    approve(agreed.dossier, "b")
    refresh(agreed, D(year, 4, 4))
    assert signals(agreed, "dossier_incomplete")[0][1] is not None


def test_no_dossier_signals_without_an_agreement(handed):  # noqa: F811
    refresh(handed, D(cohort(handed), 12, 1))
    with scopes_disabled():
        assert not Signal.objects.filter(kind__startswith="dossier_").exists()


def test_unread_fires_after_the_read_date_and_closes_on_reading(agreed):
    year = cohort(agreed)
    refresh(agreed, D(year, 6, 1))
    assert signals(agreed, "dossier_unread") == []
    refresh(agreed, D(year, 6, 2))
    refresh(agreed, D(year, 6, 5))
    assert [r[0] for r in signals(agreed, "dossier_unread")] == [D(year, 6, 1)]
    w = agreed.world
    with scopes_disabled():
        row = incoming_get(school=w.mbo, transition_id=w.fatima_transition.pk)
        services.handover_read_record(
            incoming=row, school=w.mbo, by=agreed.membership(w.decaan_mbo)
        )
    refresh(agreed, D(year, 6, 6))
    assert signals(agreed, "dossier_unread")[0][1] is not None
    refresh(agreed, D(year, 6, 7))
    assert len(signals(agreed, "dossier_unread")) == 1


def test_the_coordinator_moves_the_dates(agreed):
    year = cohort(agreed)
    w = agreed.world
    with scopes_disabled():
        cohort_dates_save(
            partnership=w.partnership,
            cohort=year,
            registration_deadline=D(year, 4, 1),
            start_check_on=D(year, 10, 1),
            dossier_read_by=D(year, 7, 1),
            today=D(year, 6, 15),
        )
    assert signals(agreed, "dossier_unread") == []
    refresh(agreed, D(year, 7, 2))
    assert [r[0] for r in signals(agreed, "dossier_unread")] == [D(year, 7, 1)]
