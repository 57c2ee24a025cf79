"""Closed sessions with answers, for the national tests."""

from django.urls import reverse

from doorlopend.partnerships.tests.factories import PartnershipFactory
from doorlopend.reflection.choices import State
from doorlopend.reflection.tests.factories import (
    ParticipantFactory,
    SessionFactory,
    answer_all,
)


def closed_session(partnership, *, people: int = 3, value: int = 4, state=State.CLOSED):
    session = SessionFactory(partnership=partnership, state=state)
    for _n in range(people):
        answer_all(ParticipantFactory(session=session), lambda key: value)
    return session


def partnerships_with_sessions(values: list[int]) -> list:
    """One partnership per value, each with a closed session of 3 people scoring it."""
    out = []
    for n, value in enumerate(values):
        p = PartnershipFactory(name=f"Verband Geheim {n}", slug=f"geheim-{n}")
        closed_session(p, value=value)
        out.append(p)
    return out


NATIONAL_URL = "/landelijk/reflectie/"


def own_url(partnership) -> str:
    return reverse("national_position:reflection", args=[partnership.slug])


def participation_url(partnership) -> str:
    return reverse("national_position:participation", args=[partnership.slug])
