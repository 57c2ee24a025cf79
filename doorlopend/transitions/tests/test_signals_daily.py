"""The daily command: signals for every partnership, digests, retention; one summary line."""

import datetime
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import TestCase
from django_scopes import scopes_disabled

from doorlopend.transitions.models import Pupil, Signal
from doorlopend.transitions.services.digest import LAST_RUN_KEY

from .test_signals import with_history

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_previous_digest():
    """Each test starts as if no digest had run yet (the last run is kept in the cache)."""
    cache.delete(LAST_RUN_KEY)
    yield
    cache.delete(LAST_RUN_KEY)


D = datetime.date


def run(today: str) -> str:
    out = StringIO()
    # The digests are queued for the worker when the command's writes commit.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("transitions_daily", "--today", today, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def test_daily_refreshes_every_partnership_mails_and_runs_retention(
    partnership, other_partnership, member_of, mailoutbox, settings, mail_worker
):
    settings.TRANSITIONS_RETENTION_NOTICE_DAYS = 14
    mine = with_history(partnership, cohort=2027)
    member_of(partnership, "decaan", organisation=mine.sending_organisation)
    with_history(other_partnership, cohort=2027)
    done = with_history(partnership, ("havo", D(2026, 3, 1)))
    assert run("2027-04-02") == (
        "signals_opened=2 signals_closed=0 digests=1 announced=0 erased=0"
    )
    assert len(mailoutbox) == 1
    assert run("2027-04-03") == (
        "signals_opened=0 signals_closed=0 digests=0 announced=0 erased=0"
    )
    # havo on 1 March 2026 (school year 2025-26): kept until 31 July 2027.
    assert run("2027-08-01").endswith("announced=1 erased=0")
    assert run("2027-08-15").endswith("announced=0 erased=1")
    with scopes_disabled():
        assert Pupil.objects.get(pk=done.pupil_id).erased_at is not None
        assert Signal.objects.filter(transition=mine).count() == 1
