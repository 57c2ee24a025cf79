"""The weekly digest: to the coördinator and the stuurgroep, with the plan's progress,
what is overdue and the count of new signals; never a pupil's name; once a week."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from doorlopend.core.periodic import daily_run
from doorlopend.partnerships.digest import weekly_digest_send
from doorlopend.partnerships.models import Membership
from doorlopend.partnerships.tests.factories import SchoolFactory
from doorlopend.planning.services import tasks
from doorlopend.transitions.models import Signal
from doorlopend.transitions.tests.factories import TransitionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mail_worker")]
MONDAY = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())


@pytest.fixture
def world(partnership, member_of):
    coordinator = member_of(partnership, "coordinator")
    stuurgroep = member_of(partnership, "stuurgroep")
    decaan = member_of(partnership, "decaan")
    with scopes_disabled():
        owner = Membership.objects.get(partnership=partnership, user=decaan)
    with scope(partnership=partnership):
        tasks.task_create(
            partnership=partnership,
            by=None,
            title="Open dag organiseren",
            owner=owner,
            due_date=MONDAY - datetime.timedelta(days=3),
        )
    school = SchoolFactory(partnership=partnership)
    transition = TransitionFactory(
        partnership=partnership,
        sending_organisation=school,
        pupil__name="Xerxes Brandaris-Oudkerk",
        pupil__partnership=partnership,
    )
    with scopes_disabled():
        Signal.objects.create(
            partnership=partnership,
            transition=transition,
            kind="no_registration",
            raised_on=MONDAY - datetime.timedelta(days=2),
        )
    return coordinator, stuurgroep, decaan


def test_the_digest_goes_to_coordinator_and_stuurgroep_only(
    world, django_capture_on_commit_callbacks
):
    coordinator, stuurgroep, decaan = world
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert weekly_digest_send(today=MONDAY) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [coordinator.email, stuurgroep.email]
    )
    message = mail.outbox[0]
    assert message.subject == "Deze week in Samenwerkingsverband Rivierenland"
    text, html = message.body, message.alternatives[0][0]
    for part in (text, html):
        assert "Taken klaar" in part
        assert "Taken te laat" in part
        assert "Open dag organiseren" in part
        assert "Nieuwe signalen deze week" in part
        # Names no factory invents: a staff member may be called "van Leeuwen".
        assert "Xerxes" not in part and "Brandaris" not in part
    assert "/accounts/unsubscribe/" in text


def test_the_digest_goes_once_a_week_on_its_day(
    world, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert weekly_digest_send(today=MONDAY + datetime.timedelta(days=1)) == 0
        counts = daily_run(today=MONDAY)
        again = daily_run(today=MONDAY)
    assert counts["partnerships.weekly_digest"] == 2
    assert again["partnerships.weekly_digest"] == 0
    assert len([m for m in mail.outbox if m.subject.startswith("Deze week")]) == 2


def test_the_digest_follows_each_readers_language(
    world, django_capture_on_commit_callbacks
):
    coordinator, _stuurgroep, _decaan = world
    coordinator.language = "en"
    coordinator.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        weekly_digest_send(today=MONDAY)
    [english] = [m for m in mail.outbox if m.to == [coordinator.email]]
    assert english.subject == "This week in Samenwerkingsverband Rivierenland"
    assert "Overdue tasks" in english.body
    assert "New signals this week" in english.body
