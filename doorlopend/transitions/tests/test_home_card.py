"""The decaan's overview page starts with their signals and waiting files: counts only."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django_scopes import scopes_disabled

from doorlopend.transitions.models import Signal, TransitionImport

from .factories import PupilFactory
from .pupil_setup import FATIMA, last_entry_pk, new_entries, transition, world  # noqa: F401

pytestmark = pytest.mark.django_db


def home(world):  # noqa: F811
    return reverse("partnerships:dashboard", args=[world.partnership.slug])


def headings(body: str) -> list[str]:
    return re.findall(r"<h2[^>]*>(.*?)</h2>", body)


def signal(world, transition, kind, day, **fields):  # noqa: F811
    with scopes_disabled():
        return Signal.objects.create(
            partnership=world.partnership,
            transition=transition,
            kind=kind,
            raised_on=datetime.date(2026, 4, day),
            **fields,
        )


def waiting_file(world, school, name="leerlingen-2026.csv", status="mapping"):  # noqa: F811
    with scopes_disabled():
        return TransitionImport.objects.create(
            partnership=world.partnership,
            organisation=school,
            kind="leavers",
            cohort=2026,
            original_filename=name,
            content_hash=name,
            status=status,
        )


def open_signals(n: int) -> str:
    return ngettext("%(counter)s open signal", "%(counter)s open signals", n) % {
        "counter": n
    }


def test_the_decaans_home_starts_with_open_signals_and_the_waiting_import(world):  # noqa: F811
    with scopes_disabled():
        bram_t = world.bram.transitions.get()
        chris_t = world.chris.transitions.get()  # vo B's pupil: not the decaan of A's
    signal(world, bram_t, "no_registration", 5)
    signal(world, world.fatima_transition, "no_registration", 9)
    signal(world, bram_t, "destination_unknown", 2, closed_at="2026-04-03T10:00Z")
    signal(world, chris_t, "no_registration", 10)
    waiting_file(world, world.vo_a)
    waiting_file(world, world.vo_a, name="oud.csv", status="done")
    waiting_file(world, world.vo_b, name="van-b.csv")

    body = world.client(world.decaan_a).get(home(world)).content.decode()

    assert headings(body)[0] == gettext("Signals to act on")
    assert open_signals(3) in body
    # by kind, the newest (9 April, no registration) named with its date
    assert gettext("no registration by the deadline").capitalize() + ": 2" in body
    assert gettext("registration went backwards").capitalize() + ": 1" in body
    assert "9 april 2026" in body
    assert "leerlingen-2026.csv" in body
    assert "oud.csv" not in body and "van-b.csv" not in body
    # counts only: no pupil is named on the overview
    assert FATIMA not in body and "Bram" not in body


def test_the_overview_reads_no_pupil_so_logs_none(world):  # noqa: F811
    with scopes_disabled():
        before = last_entry_pk()
    world.client(world.decaan_a).get(home(world))
    with scopes_disabled():
        assert new_entries(before) == []


def test_a_mentor_sees_the_signals_but_no_files(world):  # noqa: F811
    waiting_file(world, world.vo_a)
    body = world.client(world.mentor_a).get(home(world)).content.decode()
    assert headings(body)[0] == gettext("Signals to act on")
    assert open_signals(1) in body
    assert "leerlingen-2026.csv" not in body


def test_no_signals_says_when_they_come(world):  # noqa: F811
    with scopes_disabled():
        Signal.objects.all().delete()
    body = world.client(world.decaan_a).get(home(world)).content.decode()
    assert gettext("No files waiting to be imported.") in body
    assert (
        gettext(
            "No open signals. Signals appear when a pupil has no registration by the "
            "deadline, goes backwards or does not start."
        )
        in body
    )


def test_the_decaans_home_does_not_grow_with_signals_or_files(
    world,  # noqa: F811
    django_assert_max_num_queries,
):
    client = world.client(world.decaan_a)
    waiting_file(world, world.vo_a)
    client.get(home(world))
    with CaptureQueriesContext(connection) as few:
        client.get(home(world))
    with scopes_disabled():
        for n in range(12):
            pupil = PupilFactory(partnership=world.partnership)
            t = transition(world.partnership, pupil, world.vo_a)
            signal(world, t, "no_registration", 1 + n)
    for n in range(6):
        waiting_file(world, world.vo_a, name=f"bestand-{n}.csv")
    # the guard, the cards of reflection, doorstroom, roadmaps and the plan, the
    # first-run guide, one query for the school's signals and two for its files, the
    # programme card (one: there is no programme)
    with django_assert_max_num_queries(26), CaptureQueriesContext(connection) as many:
        body = client.get(home(world)).content.decode()
    assert open_signals(13) in body
    assert len(many) == len(few)


def test_another_partnerships_decaan_gets_404(world, other_partnership, member_of):  # noqa: F811
    from django.test import Client

    client = Client()
    client.force_login(member_of(other_partnership, "decaan"))
    assert client.get(home(world)).status_code == 404


def test_the_landelijk_adviseur_starts_with_the_figures(world, member_of):  # noqa: F811
    from django.test import Client

    client = Client()
    client.force_login(member_of(world.partnership, "landelijk_adviseur"))
    body = client.get(home(world)).content.decode()
    assert headings(body)[0] == gettext("Doorstroom")
    assert gettext("Signals to act on") not in body
