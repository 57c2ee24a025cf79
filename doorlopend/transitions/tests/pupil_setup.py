"""A small region for the pupil, signal and privacy tests.

Two vo schools (A and B) and one mbo school (M). Fatima leaves A for M (with a signal),
Bram leaves A with no mbo school yet, Chris leaves B and applied to M, Daan leaves B for
elsewhere. Decaan and mentor of A, decaan of M, privacy officer of A.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.audit.models import AccessLogEntry
from doorlopend.partnerships.models import Organisation, Partnership
from doorlopend.partnerships.tests.factories import SchoolFactory
from doorlopend.transitions.models import Intervention, Pupil, Signal, Transition

from .factories import PupilFactory, StatusEventFactory, TransitionFactory

FATIMA = "Fatima Zahra el Idrissi"


@dataclass
class World:
    partnership: Partnership
    vo_a: Organisation
    vo_b: Organisation
    mbo: Organisation
    fatima: Pupil
    fatima_pgn: str
    fatima_transition: Transition
    signal: Signal
    bram: Pupil
    chris: Pupil
    daan: Pupil
    decaan_a: object
    mentor_a: object
    decaan_mbo: object
    privacy_a: object

    def client(self, user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    def url(self, name: str, school: Organisation, *args) -> str:
        return reverse(
            f"transitions:{name}", args=[self.partnership.slug, school.pk, *args]
        )


def transition(partnership, pupil, sending, receiving=None, **fields) -> Transition:
    return TransitionFactory(
        partnership=partnership,
        pupil=pupil,
        sending_organisation=sending,
        receiving_organisation=receiving,
        **fields,
    )


@pytest.fixture
def world(partnership, member_of) -> World:
    with scopes_disabled():
        vo_a = SchoolFactory(partnership=partnership, kind="vo", name="Vmbo Aquamarijn")
        vo_b = SchoolFactory(partnership=partnership, kind="vo", name="Vmbo Berkenhof")
        mbo = SchoolFactory(partnership=partnership, kind="mbo", name="ROC Maasoever")
        fatima = PupilFactory(
            partnership=partnership,
            pgn="123456782",
            name=FATIMA,
            birth_date="2010-02-03",
        )
        fatima_t = transition(
            partnership, fatima, vo_a, mbo, profile="zw", route_kind="dlr"
        )
        StatusEventFactory(
            transition=fatima_t, status="aangemeld", on=datetime.date(2026, 2, 1)
        )
        StatusEventFactory(
            transition=fatima_t, status="ingetrokken", on=datetime.date(2026, 3, 2)
        )
        Transition.objects.filter(pk=fatima_t.pk).update(
            status="ingetrokken", status_on=datetime.date(2026, 3, 2)
        )
        signal = Signal.objects.create(
            partnership=partnership,
            transition=fatima_t,
            kind="backwards",
            raised_on=datetime.date(2026, 3, 2),
        )
        Intervention.objects.create(
            partnership=partnership,
            signal=signal,
            what="Gesprek met Fatima en haar moeder",
            who="decaan",
            on=datetime.date(2026, 3, 4),
        )
        bram = PupilFactory(partnership=partnership, name="Bram Achterberg")
        transition(partnership, bram, vo_a)
        chris = PupilFactory(partnership=partnership, name="Chris Bosman")
        transition(partnership, chris, vo_b, mbo)
        daan = PupilFactory(partnership=partnership, name="Daan Brouwer")
        transition(partnership, daan, vo_b)
    return World(
        partnership=partnership,
        vo_a=vo_a,
        vo_b=vo_b,
        mbo=mbo,
        fatima=fatima,
        fatima_pgn="123456782",
        fatima_transition=fatima_t,
        signal=signal,
        bram=bram,
        chris=chris,
        daan=daan,
        decaan_a=member_of(partnership, "decaan", organisation=vo_a),
        mentor_a=member_of(partnership, "mentor", organisation=vo_a),
        decaan_mbo=member_of(partnership, "decaan", organisation=mbo),
        privacy_a=member_of(partnership, "privacy_officer", organisation=vo_a),
    )


def new_entries(since_pk: int):
    return list(AccessLogEntry.objects.filter(pk__gt=since_pk).order_by("pk"))


def last_entry_pk() -> int:
    last = AccessLogEntry.objects.order_by("-pk").first()
    return last.pk if last else 0
