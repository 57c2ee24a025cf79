"""Retention: the erase date, the dry run that announces, and the erasure after notice."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django_scopes import scope, scopes_disabled

from doorlopend.audit.models import AccessLogEntry
from doorlopend.partnerships.tests.factories import SchoolFactory
from doorlopend.transitions.models import Pupil, Transition
from doorlopend.transitions.selectors.retention import erase_after, retention_due
from doorlopend.transitions.services.retention import retention_run

from .factories import TransitionFactory
from .test_signals import add, with_history

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.mark.parametrize(
    ("final_on", "last_day"),
    [
        (
            D(2026, 9, 1),
            D(2028, 7, 31),
        ),  # the example of the brief: school year 2026-27
        (D(2026, 8, 1), D(2028, 7, 31)),  # first day of a school year
        (D(2027, 7, 31), D(2028, 7, 31)),  # last day of the same school year
        (D(2026, 7, 31), D(2027, 7, 31)),  # last day of the school year before
    ],
)
def test_erase_after_counts_whole_school_years(final_on, last_day):
    assert erase_after(final_on) == last_day


def test_erase_after_follows_the_setting(settings):
    settings.TRANSITIONS_RETENTION_YEARS = 2
    assert erase_after(D(2026, 9, 1)) == D(2029, 7, 31)


START = D(2026, 9, 1)


def final(partnership, on=START, **kwargs):
    return with_history(
        partnership,
        ("aangemeld", D(2026, 2, 1)),
        ("ingeschreven", D(2026, 6, 1)),
        ("gestart", on),
        **kwargs,
    )


def another_year(transition, cohort):
    return TransitionFactory(
        partnership=transition.partnership, pupil=transition.pupil, cohort=cohort
    )


def due_ids(partnership, today, **kwargs):
    return [
        d.pupil_id
        for d in retention_due(partnership=partnership, today=today, **kwargs)
    ]


def test_due_from_the_day_after_the_end_of_retention(partnership):
    transition = final(partnership)
    assert due_ids(partnership, D(2028, 7, 31)) == []
    [due] = retention_due(partnership=partnership, today=D(2028, 8, 1))
    assert due.pupil_id == transition.pupil_id
    assert due.erase_after == D(2028, 7, 31)
    assert due.cohorts == (2026,)
    assert due.school_ids == (transition.sending_organisation_id,)


def test_the_latest_final_transition_counts_and_an_open_one_keeps_the_pupil(
    partnership,
):
    first = final(partnership)
    later = another_year(first, cohort=2027)
    # The second transition is not final: the pupil is not due, however old the first.
    assert due_ids(partnership, D(2030, 8, 1)) == []
    add(later, ("havo", D(2027, 9, 1)))
    assert due_ids(partnership, D(2029, 7, 31)) == []
    assert due_ids(partnership, D(2029, 8, 1)) == [first.pupil_id]


def test_due_per_school(partnership):
    mbo = SchoolFactory(partnership=partnership, kind="mbo")
    sent = final(partnership)
    with scopes_disabled():
        Transition.objects.filter(pk=sent.pk).update(receiving_organisation=mbo)
    other = final(partnership)
    assert due_ids(partnership, D(2028, 8, 1), organisation=mbo) == [sent.pupil_id]
    assert set(due_ids(partnership, D(2028, 8, 1))) == {sent.pupil_id, other.pupil_id}


def pupil(transition) -> Pupil:
    with scopes_disabled():
        return Pupil.objects.get(pk=transition.pupil_id)


def test_dry_run_announces_then_apply_erases_after_the_notice(partnership, settings):
    settings.TRANSITIONS_RETENTION_NOTICE_DAYS = 14
    transition = final(partnership)
    report = retention_run(today=D(2028, 8, 1))
    assert (report.announced, report.erased) == (1, 0)
    assert pupil(transition).erase_announced_at is not None
    assert pupil(transition).name
    [line] = report.lines
    assert (line.due, line.announced, line.waiting) == (1, 1, 0)
    # A second dry run announces nobody again.
    assert retention_run(today=D(2028, 8, 2)).announced == 0
    # Before the notice period ended, --apply erases nothing.
    report = retention_run(today=D(2028, 8, 14), apply=True)
    assert (report.announced, report.erased) == (0, 0)
    assert report.lines[0].waiting == 1
    assert pupil(transition).erased_at is None
    # On the 14th day after the announcement it does.
    report = retention_run(today=D(2028, 8, 15), apply=True)
    assert report.erased == 1
    erased = pupil(transition)
    assert erased.erased_at is not None
    assert (erased.name, erased.birth_date) == ("", "")
    with scopes_disabled():
        assert Transition.objects.filter(pk=transition.pk).exists()  # figures keep it
        entry = AccessLogEntry.objects.get(action="erase")
    assert entry.actor is None and entry.object_ids == [transition.pupil_id]
    # Erased pupils are no longer due.
    assert retention_run(today=D(2028, 8, 16), apply=True).erased == 0


def test_apply_without_an_announcement_erases_nothing_but_announces(partnership):
    transition = final(partnership)
    report = retention_run(today=D(2028, 8, 1), apply=True)
    assert (report.announced, report.erased) == (1, 0)
    assert pupil(transition).erased_at is None


def test_an_announcement_is_withdrawn_when_the_pupil_is_no_longer_due(partnership):
    transition = final(partnership)
    retention_run(today=D(2028, 8, 1))
    another_year(transition, cohort=2028)  # a new, open transition
    report = retention_run(today=D(2028, 8, 20), apply=True)
    assert (report.withdrawn, report.erased) == (1, 0)
    assert pupil(transition).erase_announced_at is None


def test_retention_command_prints_the_report_and_a_last_line(partnership):
    final(partnership)
    out = StringIO()
    call_command("transitions_retention", "--today", "2028-08-01", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert lines[-1] == "announced=1 erased=0"
    assert any("due=1" in line and partnership.name in line for line in lines)
    assert any(line.startswith("Dry run") for line in lines)
    out = StringIO()
    call_command(
        "transitions_retention", "--apply", "--today", "2028-08-20", stdout=out
    )
    assert out.getvalue().strip().splitlines()[-1] == "announced=0 erased=1"


def test_the_report_names_no_pupil(partnership):
    transition = final(partnership)
    out = StringIO()
    call_command("transitions_retention", "--today", "2028-08-01", stdout=out)
    assert pupil(transition).name not in out.getvalue()
    with scope(partnership=partnership):
        assert Pupil.objects.count() == 1
