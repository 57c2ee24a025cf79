"""The national reflection picture: which sessions count, the five-partnership floor, the
own partnership's band, the opt-out, and that no other partnership's name shows."""

import pytest
from django.core.cache import cache
from django.test import Client
from django_scopes import scopes_disabled

from doorlopend.accounts.tests.factories import UserFactory
from doorlopend.national import reflection
from doorlopend.national.models import NationalAdviser, NationalParticipation
from doorlopend.partnerships.roles import Role
from doorlopend.reflection import services
from doorlopend.reflection.choices import State
from doorlopend.reflection.models import Session
from doorlopend.reflection.tests.factories import ParticipantFactory, answer_all

from .helpers import (
    NATIONAL_URL,
    closed_session,
    own_url,
    partnerships_with_sessions,
)


@pytest.fixture
def adviser(db) -> Client:
    client = Client()
    user = UserFactory()
    NationalAdviser.objects.create(user=user)
    client.force_login(user)
    return client


def _picture():
    tool = next(i for i in reflection.instruments() if i.key == "reflectietool")
    return reflection.national_reflection(instrument=tool)


def _theme(picture, key="visie-en-ambitie"):
    return next(t.theme for t in picture.themes if t.theme.key == key)


def test_five_partnerships_show_the_spread(db):
    partnerships_with_sessions([2, 3, 3, 4, 5])
    theme = _theme(_picture())
    assert theme.spread.count == 5
    assert theme.spread.enough
    assert (theme.spread.low, theme.spread.median, theme.spread.high) == (3, 3, 4)


def test_four_partnerships_are_too_few(adviser):
    partnerships_with_sessions([2, 3, 4, 5])
    page = adviser.get(NATIONAL_URL).content.decode()
    assert "Nog te weinig samenwerkingsverbanden" in page
    assert "nog te weinig samenwerkingsverbanden" in page


def test_open_sessions_and_groups_under_k_do_not_count(db):
    kept = partnerships_with_sessions([3, 3, 3, 3])
    closed_session(kept[0], people=2, value=1)  # fewer than k = 3 answered
    from doorlopend.partnerships.tests.factories import PartnershipFactory

    closed_session(PartnershipFactory(), state=State.OPEN, value=1)
    closed_session(PartnershipFactory(), people=2, value=1)
    theme = _theme(_picture())
    assert theme.spread.count == 4
    assert not theme.spread.enough


def test_own_partnership_sees_its_band(client_for, partnership):
    partnerships_with_sessions([3, 4, 4, 4, 5])
    closed_session(partnership, value=1)
    page = client_for("stuurgroep").get(own_url(partnership)).content.decode()
    assert "onderste kwart" in page
    assert "1,0" in page


def test_an_opted_out_partnership_is_absent_at_once(adviser):
    others = partnerships_with_sessions([2, 3, 3, 4, 5])
    assert _theme(_picture()).spread.count == 5
    NationalParticipation.objects.create(partnership=others[0], takes_part=False)
    # The day's cache keeps the means, but who counts is read per request.
    theme = _theme(_picture())
    assert theme.spread.count == 4
    assert "Nog te weinig" in adviser.get(NATIONAL_URL).content.decode()


@pytest.mark.parametrize("role", ["coordinator", "stuurgroep"])
def test_no_other_partnership_name_reaches_the_page(
    client_for, partnership, adviser, role
):
    others = partnerships_with_sessions([2, 3, 3, 4, 5, 1])
    closed_session(partnership, value=4)
    pages = [
        client_for(role).get(own_url(partnership)).content.decode(),
        adviser.get(NATIONAL_URL).content.decode(),
    ]
    for page in pages:
        assert "Middelste helft" in page
        for other in others:
            assert other.name not in page
            assert other.slug not in page
    assert partnership.name not in pages[1]


def test_the_pages_query_count_is_bounded(
    client_for, partnership, adviser, django_assert_max_num_queries
):
    partnerships_with_sessions([2, 3, 3, 4, 5, 1, 4, 4])
    closed_session(partnership, value=4)
    client = client_for("coordinator")
    client.get(own_url(partnership))  # the first visit of the day fills the cache
    with django_assert_max_num_queries(15):
        assert client.get(own_url(partnership)).status_code == 200
    with django_assert_max_num_queries(15):
        assert adviser.get(NATIONAL_URL).status_code == 200


def test_the_page_says_how_old_the_figures_are(adviser):
    partnerships_with_sessions([2, 3, 3, 4, 5])
    assert "Bijgewerkt op" in adviser.get(NATIONAL_URL).content.decode()


def test_the_daily_work_fills_the_day_cache(adviser, django_assert_max_num_queries):
    from doorlopend.core.periodic import daily_run

    partnerships_with_sessions([2, 3, 3, 4, 5])
    assert daily_run()["national.reflection"] >= 1
    # Filled: the first visit runs no grouped query of its own.
    with django_assert_max_num_queries(8):
        assert adviser.get(NATIONAL_URL).status_code == 200


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_every_role_sees_no_other_partnership_name(client_for, partnership, role):
    """The sweep: as each role of one partnership, the national pages it can reach
    (its own position; the national page only answers a grant) name no other."""
    others = partnerships_with_sessions([2, 3, 3, 4, 5])
    closed_session(partnership, value=4)
    client = client_for(role)
    for url in (own_url(partnership), NATIONAL_URL):
        response = client.get(url)
        assert response.status_code in (200, 403, 404)
        page = response.content.decode()
        for other in others:
            assert other.name not in page


def test_the_first_visit_of_the_day_reads_the_answers_once(client_for, partnership):
    """The day's national sums hold the partnership's own too: the first (uncached)
    view reads the answers in one grouped query, not two."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    partnerships_with_sessions([3, 4, 4, 4, 5])
    closed_session(partnership, value=1)
    cache.clear()
    client = client_for("stuurgroep")
    with CaptureQueriesContext(connection) as queries:
        page = client.get(own_url(partnership)).content.decode()
    assert "onderste kwart" in page and "1,0" in page
    grouped = [q for q in queries.captured_queries if "reflection_answer" in q["sql"]]
    assert len(grouped) == 1


def test_a_reopened_session_counts_its_new_answers_once_closed_again(db):
    kept = partnerships_with_sessions([3, 3, 3, 3, 3])
    with scopes_disabled():
        session = Session.objects.get(partnership=kept[0])
        assert not session.question_totals.exists()  # nothing asked for them yet
    _picture()  # the first figures sum the closed sessions that have no sums yet
    with scopes_disabled():
        assert session.question_totals.exists()
        services.session_open(session=session)
        assert not session.question_totals.exists()  # reopened: its sums are stale
        for _n in range(3):
            answer_all(ParticipantFactory(session=session), lambda key: 1)
        services.session_close(session=session)
    cache.clear()  # the next day
    tool = next(i for i in reflection.instruments() if i.key == "reflectietool")
    mine = reflection.national_reflection(instrument=tool, partnership_id=kept[0].pk)
    theme = next(t.theme for t in mine.themes if t.theme.key == "visie-en-ambitie")
    assert theme.own == 2  # three people at 3 and three at 1
