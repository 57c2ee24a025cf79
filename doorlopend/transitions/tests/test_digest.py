"""The e-mail digest: counts of new signals per school, no pupil data, nothing when nothing new."""

import datetime

import pytest
from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext, override
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import SchoolFactory
from doorlopend.transitions.models import Signal
from doorlopend.transitions.services.digest import LAST_RUN_KEY
from doorlopend.transitions.services.digest import digest_send as services_digest_send

from .factories import TransitionFactory

pytestmark = pytest.mark.django_db


def digest_send(**kwargs) -> int:
    """Run the digest and let the worker send what it queued (tests run in a transaction
    that never commits: the queued e-mails are handed over here)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services_digest_send(**kwargs)


@pytest.fixture(autouse=True)
def _worker_sends(mail_worker):
    """The worker sends at once (django-tasks' immediate backend)."""


@pytest.fixture(autouse=True)
def _no_previous_digest():
    """Each test starts as if no digest had run yet (the last run is kept in the cache)."""
    cache.delete(LAST_RUN_KEY)
    yield
    cache.delete(LAST_RUN_KEY)


D = datetime.date


@pytest.fixture
def school(partnership):
    return SchoolFactory(partnership=partnership, name="Vakcollege De Brug")


@pytest.fixture
def decaan(partnership, school, member_of):
    user = member_of(partnership, "decaan", organisation=school)
    user.name = "Ria Decaan"
    user.save()
    return user


APRIL_FIRST = D(2026, 4, 1)


def signal(transition, kind, raised_on=APRIL_FIRST, **fields):
    with scopes_disabled():
        return Signal.objects.create(
            partnership=transition.partnership,
            transition=transition,
            kind=kind,
            raised_on=raised_on,
            **fields,
        )


def test_digest_counts_new_signals_per_kind_without_names(
    partnership, school, decaan, mailoutbox, settings
):
    settings.SITE_URL = "https://doorlopend.example.nl/"
    pupils = [
        TransitionFactory(partnership=partnership, sending_organisation=school)
        for _ in range(3)
    ]
    signal(pupils[0], "no_registration")
    signal(pupils[1], "no_registration")
    signal(pupils[2], "backwards", raised_on=D(2026, 3, 3))
    assert digest_send() == 1
    [mail] = mailoutbox
    assert mail.to == [decaan.email]
    text = mail.body
    html = mail.alternatives[0][0]
    url = "https://doorlopend.example.nl" + reverse(
        "transitions:signal_list",
        kwargs={"partnership_slug": partnership.slug, "school_id": school.pk},
    )
    with override("nl"):
        no_registration = gettext("no registration by the deadline")
        backwards = gettext("registration went backwards")
    for body in (text, html):
        assert "Vakcollege De Brug" in body
        assert url in body
        assert f"{capfirst(no_registration)}: 2" in text
        assert f"{capfirst(backwards)}: 1" in text
        for transition in pupils:
            with scopes_disabled():
                name = transition.pupil.name
            assert name not in body
        assert "2026-03-03" not in body and "3 maart" not in body  # no pupil's dates
    assert "Ria Decaan" in text  # the reader's own name only
    assert "https://doorlopend.example.nl/accounts/unsubscribe/" in text
    with override("nl"):
        assert mail.subject == ngettext(
            "Doorstroommonitor: %(count)s new signal",
            "Doorstroommonitor: %(count)s new signals",
            3,
        ) % {"count": 3}


def test_only_new_open_signals_and_only_for_the_readers_schools(
    partnership, school, decaan, member_of, mailoutbox
):
    other_school = SchoolFactory(partnership=partnership)
    other_decaan = member_of(partnership, "decaan", organisation=other_school)
    member_of(partnership, "coordinator")  # no pupils: no digest
    old = signal(
        TransitionFactory(partnership=partnership, sending_organisation=school),
        "backwards",
    )
    with scopes_disabled():
        Signal.objects.filter(pk=old.pk).update(
            created_at=timezone.now() - datetime.timedelta(hours=25)
        )
    signal(
        TransitionFactory(partnership=partnership, sending_organisation=school),
        "backwards",
        closed_at=timezone.now(),
    )
    assert digest_send() == 0
    assert mailoutbox == []
    receiving = TransitionFactory(
        partnership=partnership,
        sending_organisation=other_school,
        receiving_organisation=school,
    )
    signal(receiving, "not_started", raised_on=D(2026, 10, 1))
    assert digest_send() == 2
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [decaan.email, other_decaan.email]
    )


def test_nothing_is_sent_when_nothing_is_new(partnership, decaan, mailoutbox):
    assert digest_send() == 0
    assert mailoutbox == []


def test_a_second_digest_the_next_day_repeats_nothing(
    partnership, school, decaan, mailoutbox
):
    signal(
        TransitionFactory(partnership=partnership, sending_organisation=school),
        "backwards",
    )
    assert digest_send() == 1
    tomorrow = timezone.now() + datetime.timedelta(hours=24)
    assert digest_send(until=tomorrow) == 0


def test_other_partnerships_members_get_nothing(
    partnership, other_partnership, school, member_of, mailoutbox
):
    stranger = member_of(other_partnership, "decaan")
    signal(
        TransitionFactory(partnership=partnership, sending_organisation=school),
        "backwards",
    )
    digest_send()
    assert all(stranger.email not in m.to for m in mailoutbox)
