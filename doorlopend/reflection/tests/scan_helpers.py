"""Schools, their people and their scans, for the LOB-scan tests."""

from __future__ import annotations

import datetime

from django.test import Client
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import SchoolFactory

from ..choices import State
from .factories import ParticipantFactory, SessionFactory, answer_all, instrument


def scan_of(school, *, people: int = 3, value=4, state=State.CLOSED, date=None):
    """A closed scan of `school` answered by `people` (every statement `value`, or
    `value(question_key)`)."""
    session = SessionFactory(
        partnership=school.partnership,
        organisation=school,
        instrument=instrument("lob-scan"),
        title=f"Scan {school.name}",
        state=state,
        date=date or datetime.date(2026, 11, 1),
    )
    for _ in range(people):
        answer_all(
            ParticipantFactory(session=session),
            value if callable(value) else (lambda key: value),
        )
    return session


def school(partnership, name: str):
    return SchoolFactory(partnership=partnership, name=name)


def client_as(member_of, partnership, role: str, organisation=None) -> Client:
    client = Client()
    client.force_login(member_of(partnership, role, organisation=organisation))
    return client


def membership_of(client_user, partnership):
    with scopes_disabled():
        return client_user.memberships.get(partnership=partnership)
