"""Every signal rule: fires when it should, not when it should not, never twice."""

import datetime

import pytest
from django_scopes import scope, scopes_disabled

from doorlopend.transitions.models import CohortSettings, Signal, Transition
from doorlopend.transitions.services.history import transitions_recompute
from doorlopend.transitions.services.signals import (
    signals_refresh,
    signals_refresh_detail,
)

from .factories import StatusEventFactory, TransitionFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def with_history(partnership, *events, cohort=2026):
    """A transition of `partnership` with the (status, date) `events`, fields derived."""
    transition = TransitionFactory(partnership=partnership, cohort=cohort)
    add(transition, *events)
    return transition


def add(transition, *events):
    for status, on in events:
        StatusEventFactory(transition=transition, status=status, on=on)
    if not events:
        return  # (recompute without events would write NULL into `status`)
    with scope(partnership=transition.partnership):
        transitions_recompute(Transition.objects.filter(pk=transition.pk))


def signals(transition, kind=None):
    with scopes_disabled():
        qs = Signal.objects.filter(transition=transition)
        if kind:
            qs = qs.filter(kind=kind)
        return list(
            qs.order_by("raised_on").values_list("kind", "raised_on", "closed_at")
        )


def kinds(transition):
    return [kind for kind, _on, _closed in signals(transition)]


# ---- no registration by the deadline -------------------------------------------------------


def test_no_registration_fires_the_day_after_the_deadline(partnership):
    transition = with_history(partnership)
    assert signals_refresh(partnership=partnership, today=D(2026, 4, 1)) == 0
    assert signals_refresh(partnership=partnership, today=D(2026, 4, 2)) == 1
    assert signals(transition) == [("no_registration", D(2026, 4, 1), None)]


def test_no_registration_not_for_a_registered_pupil_or_one_going_elsewhere(partnership):
    registered = with_history(partnership, ("aangemeld", D(2026, 3, 1)))
    intake_only = with_history(partnership, ("intake", D(2026, 3, 1)))
    havo = with_history(partnership, ("havo", D(2026, 3, 1)))
    work = with_history(partnership, ("werk", D(2026, 3, 20)))
    signals_refresh(partnership=partnership, today=D(2026, 4, 2))
    for transition in (registered, intake_only, havo, work):
        assert kinds(transition) == []


def test_no_registration_is_idempotent(partnership):
    with_history(partnership)
    assert signals_refresh(partnership=partnership, today=D(2026, 4, 2)) == 1
    assert signals_refresh(partnership=partnership, today=D(2026, 4, 3)) == 0
    with scopes_disabled():
        assert Signal.objects.count() == 1


def test_no_registration_honours_the_deadline_set_for_the_year(partnership):
    transition = with_history(partnership)
    CohortSettings.objects.create(
        partnership=partnership,
        cohort=2026,
        registration_deadline=D(2026, 5, 1),
        start_check_on=D(2026, 10, 1),
    )
    assert signals_refresh(partnership=partnership, today=D(2026, 4, 2)) == 0
    assert signals_refresh(partnership=partnership, today=D(2026, 5, 2)) == 1
    assert signals(transition) == [("no_registration", D(2026, 5, 1), None)]


def test_no_registration_closes_itself_when_a_registration_arrives(partnership):
    transition = with_history(partnership)
    signals_refresh(partnership=partnership, today=D(2026, 4, 2))
    add(transition, ("aangemeld", D(2026, 4, 10)))
    result = signals_refresh_detail(partnership=partnership, today=D(2026, 4, 11))
    assert (result.opened, result.closed) == (0, 1)
    with scopes_disabled():
        signal = Signal.objects.get(transition=transition)
    assert signal.closed_at is not None
    assert signal.closed_by is None
    assert "10 april 2026" in signal.close_reason  # written in Dutch, the site language
    # Closed stays closed: the next run neither reopens nor duplicates it.
    assert signals_refresh(partnership=partnership, today=D(2026, 4, 12)) == 0


def test_no_registration_closes_when_the_deadline_moves_and_fires_again_later(
    partnership,
):
    transition = with_history(partnership)
    signals_refresh(partnership=partnership, today=D(2026, 4, 2))
    CohortSettings.objects.create(
        partnership=partnership,
        cohort=2026,
        registration_deadline=D(2026, 5, 1),
        start_check_on=D(2026, 10, 1),
    )
    signals_refresh(partnership=partnership, today=D(2026, 4, 3))
    [(_kind, on, closed)] = signals(transition)
    assert on == D(2026, 4, 1) and closed is not None
    signals_refresh(partnership=partnership, today=D(2026, 5, 2))
    assert [(k, on, c is None) for k, on, c in signals(transition)] == [
        ("no_registration", D(2026, 4, 1), False),
        ("no_registration", D(2026, 5, 1), True),
    ]


def test_other_partnerships_are_left_alone(partnership, other_partnership):
    mine = with_history(partnership)
    theirs = with_history(other_partnership)
    signals_refresh(partnership=partnership, today=D(2026, 4, 2))
    assert kinds(mine) == ["no_registration"]
    assert kinds(theirs) == []


# ---- backwards -------------------------------------------------------------------------------


def test_backwards_fires_once_per_event(partnership):
    transition = with_history(
        partnership,
        ("aangemeld", D(2026, 2, 1)),
        ("ingetrokken", D(2026, 3, 1)),
        ("aangemeld", D(2026, 3, 5)),
        ("leidt_niet_tot_inschrijving", D(2026, 3, 20)),
    )
    assert signals_refresh(partnership=partnership, today=D(2026, 3, 21)) == 2
    assert signals_refresh(partnership=partnership, today=D(2026, 3, 22)) == 0
    assert [(k, on) for k, on, _c in signals(transition)] == [
        ("backwards", D(2026, 3, 1)),
        ("backwards", D(2026, 3, 20)),
    ]


def test_backwards_is_raised_even_after_a_new_registration_and_stays_open(partnership):
    transition = with_history(
        partnership,
        ("aangemeld", D(2026, 2, 1)),
        ("ingetrokken", D(2026, 3, 1)),
        ("aangemeld", D(2026, 3, 5)),
        ("ingeschreven", D(2026, 6, 1)),
    )
    signals_refresh(partnership=partnership, today=D(2026, 6, 2))
    assert signals(transition) == [("backwards", D(2026, 3, 1), None)]


def test_no_backwards_signal_for_a_steady_registration(partnership):
    transition = with_history(
        partnership, ("aangemeld", D(2026, 2, 1)), ("ingeschreven", D(2026, 6, 1))
    )
    signals_refresh(partnership=partnership, today=D(2026, 6, 2))
    assert kinds(transition) == []


# ---- stopped in the first year ---------------------------------------------------------------


def test_stopped_within_the_first_year(partnership):
    history = [("aangemeld", D(2026, 2, 1)), ("ingeschreven", D(2026, 6, 1))]
    early = with_history(
        partnership,
        *history,
        ("gestart", D(2026, 9, 1)),
        ("gestopt", D(2027, 9, 1)),  # day 365
    )
    late = with_history(
        partnership,
        *history,
        ("gestart", D(2026, 9, 1)),
        ("gestopt", D(2027, 9, 2)),  # day 366
    )
    assert signals_refresh(partnership=partnership, today=D(2027, 9, 3)) == 1
    assert signals(early, "stopped_first_year") == [
        ("stopped_first_year", D(2027, 9, 1), None)
    ]
    assert kinds(late) == []
    assert signals_refresh(partnership=partnership, today=D(2027, 9, 4)) == 0


# ---- not started by the start check ----------------------------------------------------------


def test_not_started_after_the_start_check(partnership):
    enrolled = with_history(
        partnership, ("aangemeld", D(2026, 2, 1)), ("ingeschreven", D(2026, 6, 1))
    )
    placed = with_history(
        partnership, ("aangemeld", D(2026, 2, 1)), ("geplaatst", D(2026, 6, 1))
    )
    started = with_history(
        partnership,
        ("aangemeld", D(2026, 2, 1)),
        ("ingeschreven", D(2026, 6, 1)),
        ("gestart", D(2026, 9, 1)),
    )
    registered_only = with_history(partnership, ("aangemeld", D(2026, 2, 1)))
    assert signals_refresh(partnership=partnership, today=D(2026, 10, 1)) == 0
    signals_refresh(partnership=partnership, today=D(2026, 10, 2))
    assert signals(enrolled) == [("not_started", D(2026, 10, 1), None)]
    assert signals(placed) == [("not_started", D(2026, 10, 1), None)]
    assert kinds(started) == []
    assert kinds(registered_only) == []
    assert signals_refresh(partnership=partnership, today=D(2026, 10, 3)) == 0


def test_not_started_honours_the_start_check_and_closes_when_started(partnership):
    transition = with_history(
        partnership, ("aangemeld", D(2026, 2, 1)), ("ingeschreven", D(2026, 6, 1))
    )
    CohortSettings.objects.create(
        partnership=partnership,
        cohort=2026,
        registration_deadline=D(2026, 4, 1),
        start_check_on=D(2026, 9, 15),
    )
    signals_refresh(partnership=partnership, today=D(2026, 9, 16))
    assert signals(transition) == [("not_started", D(2026, 9, 15), None)]
    add(transition, ("gestart", D(2026, 9, 20)))
    signals_refresh(partnership=partnership, today=D(2026, 9, 21))
    with scopes_disabled():
        signal = Signal.objects.get(transition=transition)
    assert signal.closed_at is not None and "20 september 2026" in signal.close_reason


# ---- destination unknown ---------------------------------------------------------------------


def test_destination_unknown_for_status_onbekend(partnership):
    transition = with_history(partnership, ("onbekend", D(2026, 3, 15)))
    signals_refresh(partnership=partnership, today=D(2026, 3, 16))
    assert signals(transition) == [("destination_unknown", D(2026, 3, 15), None)]
    assert signals_refresh(partnership=partnership, today=D(2026, 3, 17)) == 0


def test_destination_unknown_for_no_status_only_after_the_start_check(partnership):
    transition = with_history(partnership)
    signals_refresh(partnership=partnership, today=D(2026, 10, 1))
    assert "destination_unknown" not in kinds(transition)
    signals_refresh(partnership=partnership, today=D(2026, 10, 2))
    assert signals(transition, "destination_unknown") == [
        ("destination_unknown", D(2026, 10, 1), None)
    ]


def test_destination_unknown_closes_when_a_status_arrives(partnership):
    transition = with_history(partnership, ("onbekend", D(2026, 3, 15)))
    signals_refresh(partnership=partnership, today=D(2026, 3, 16))
    add(transition, ("werk", D(2026, 3, 20)))
    signals_refresh(partnership=partnership, today=D(2026, 3, 21))
    [(_kind, _on, closed)] = signals(transition)
    assert closed is not None


def test_no_signal_for_an_erased_pupil(partnership):
    transition = with_history(partnership, ("onbekend", D(2026, 3, 15)))
    with scopes_disabled():
        transition.pupil.erased_at = transition.pupil.created_at
        transition.pupil.save()
    assert signals_refresh(partnership=partnership, today=D(2026, 11, 1)) == 0


def test_refresh_is_set_based(partnership, django_assert_max_num_queries):
    for n in range(12):
        with_history(partnership, ("onbekend", D(2026, 3, 1 + n)))
        with_history(
            partnership, ("aangemeld", D(2026, 2, 1)), ("ingetrokken", D(2026, 3, 1))
        )
    with django_assert_max_num_queries(20):
        assert signals_refresh(partnership=partnership, today=D(2026, 11, 1)) == 36
