import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope

from doorlopend.audit.models import AccessLogEntry
from doorlopend.partnerships.selectors import membership_of
from doorlopend.transitions.models import StatusEvent, Transition
from doorlopend.transitions.services.history import (
    derived_sql,
    status_record,
    transitions_recompute,
)

from .factories import StatusEventFactory, TransitionFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def test_milestones_and_current_status_come_from_the_history():
    transition = TransitionFactory()
    for status, on in [
        ("aangemeld", D(2026, 2, 1)),
        ("ingeschreven", D(2026, 6, 1)),
        ("gestart", D(2026, 9, 1)),
        ("gestopt", D(2026, 12, 1)),
    ]:
        StatusEventFactory(transition=transition, status=status, on=on)
    with scope(partnership=transition.partnership):
        transitions_recompute(Transition.objects.filter(pk=transition.pk))
        transition.refresh_from_db()
    assert (transition.status, transition.status_on) == ("gestopt", D(2026, 12, 1))
    assert transition.registered_on == D(2026, 2, 1)
    assert transition.placed_on == transition.enrolled_on == D(2026, 6, 1)
    assert transition.started_on == D(2026, 9, 1)
    assert transition.stopped_on == D(2026, 12, 1)
    assert transition.final_on == D(2026, 12, 1)


def test_a_status_recorded_by_hand_adds_history_and_is_logged(member_of):
    transition = TransitionFactory()
    school = transition.sending_organisation
    user = member_of(transition.partnership, "decaan", organisation=school)
    with scope(partnership=transition.partnership):
        status_record(
            transition=transition,
            status="aangemeld",
            on=D(2026, 2, 1),
            by=membership_of(partnership=transition.partnership, user=user),
            source="hand",
            organisation=school,
        )
        status_record(
            transition=transition,
            status="ingetrokken",
            on=D(2026, 3, 1),
            by=membership_of(partnership=transition.partnership, user=user),
            source="hand",
            organisation=school,
        )
        status_record(
            transition=transition,
            status="ingetrokken",
            on=D(2026, 3, 1),
            by=membership_of(partnership=transition.partnership, user=user),
            source="hand",
            organisation=school,
        )
        assert StatusEvent.objects.filter(transition=transition).count() == 2
    assert transition.status == "ingetrokken"
    assert transition.final_on is None
    assert AccessLogEntry.objects.filter(actor=user, action="update").count() == 3


def test_an_impossible_or_future_status_is_refused(member_of):
    transition = TransitionFactory()
    school = transition.sending_organisation
    user = member_of(transition.partnership, "decaan", organisation=school)
    with scope(partnership=transition.partnership):
        status_record(
            transition=transition,
            status="diploma",
            on=D(2026, 7, 1),
            by=membership_of(partnership=transition.partnership, user=user),
            source="hand",
            organisation=school,
        )
        with pytest.raises(ValidationError) as error:
            status_record(
                transition=transition,
                status="aangemeld",
                on=D(2026, 8, 1),
                by=membership_of(partnership=transition.partnership, user=user),
                source="hand",
                organisation=school,
            )
        assert "status" in error.value.message_dict
        with pytest.raises(ValidationError) as error:
            status_record(
                transition=transition,
                status="diploma",
                on=datetime.date.today() + datetime.timedelta(days=2),
                by=membership_of(partnership=transition.partnership, user=user),
                source="hand",
                organisation=school,
            )
        assert "on" in error.value.message_dict


def test_a_transition_without_history_has_no_status():
    transition = TransitionFactory()
    with scope(partnership=transition.partnership):
        transitions_recompute(Transition.objects.filter(pk=transition.pk))
        transition.refresh_from_db()
    assert transition.status == "" and transition.status_on is None


def test_a_status_recorded_by_hand_closes_a_resolved_signal(
    member_of, settings, django_capture_on_commit_callbacks
):
    from doorlopend.transitions.models import Signal

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    transition = TransitionFactory(cohort=2026)
    signal = Signal.objects.create(
        partnership=transition.partnership,
        transition=transition,
        kind="no_registration",
        raised_on=D(2026, 4, 1),
    )
    school = transition.sending_organisation
    user = member_of(transition.partnership, "decaan", organisation=school)
    with scope(partnership=transition.partnership):
        with django_capture_on_commit_callbacks(execute=True):
            status_record(
                transition=transition,
                status="aangemeld",
                on=D(2026, 4, 20),
                by=membership_of(partnership=transition.partnership, user=user),
                source="hand",
                organisation=school,
            )
        signal.refresh_from_db()
    assert signal.closed_at is not None


def test_a_status_by_hand_only_by_the_decaan_of_the_transitions_school(member_of):
    from doorlopend.partnerships.tests.factories import SchoolFactory

    transition = TransitionFactory()
    partnership, school = transition.partnership, transition.sending_organisation
    other = SchoolFactory(partnership=partnership, kind="vo")
    mentor = member_of(partnership, "mentor", organisation=school)
    other_decaan = member_of(partnership, "decaan", organisation=other)
    with scope(partnership=partnership):
        for user, acting_for, key in [
            (mentor, school, None),  # reads the pupil, does not write
            (other_decaan, other, "transition"),  # not the transition's school
            (other_decaan, school, None),  # says it acts for a school not theirs
        ]:
            with pytest.raises(ValidationError) as error:
                status_record(
                    transition=transition,
                    status="aangemeld",
                    on=D(2026, 2, 1),
                    by=membership_of(partnership=transition.partnership, user=user),
                    source="hand",
                    organisation=acting_for,
                )
            if key:
                assert key in error.value.message_dict
            else:
                assert "Alleen de decaan" in error.value.messages[0]
        assert not StatusEvent.objects.filter(transition=transition).exists()


def test_the_derived_sql_lists_its_statuses_in_one_order():
    """Status sets are frozensets, whose order differs from one process to the next: the
    SQL lists them sorted, so every process sends the database one statement text (one
    cached plan, comparable logs)."""
    sql = derived_sql(events_sql="SELECT 1")
    lists = re.findall(r"IN \(('[^)]*')\)", sql)  # the lists of literal statuses
    assert lists
    for found in lists:
        statuses = [s.strip().strip("'") for s in found.split(",")]
        assert statuses == sorted(statuses), found
