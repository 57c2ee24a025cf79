"""A party answers the draagvlak survey on their phone: kind of party only, open answers
saved with and without JavaScript, limited to 500 characters."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django_scopes import scopes_disabled

from ..choices import State
from ..models import OpenAnswer, Participant
from .draagvlak_helpers import draagvlak_session

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def session(partnership):
    return draagvlak_session(partnership, title="Draagvlak techniek")


def url(name, session, *args):
    return reverse(f"participate:{name}", args=[session.join_code, *args])


def texts(session) -> dict[str, list[str]]:
    with scopes_disabled():
        found: dict[str, list[str]] = {}
        for key, text in OpenAnswer.objects.filter(
            participant__session=session
        ).values_list("question_key", "text"):
            found.setdefault(key, []).append(text)
        return found


def test_the_join_page_asks_only_the_kind_of_party(client, session):
    page = client.get(url("join", session)).content.decode()
    assert 'name="sector"' in page
    assert 'name="layer"' not in page
    assert (
        client.post(url("join", session), {"sector": "bedrijfsleven"}).status_code
        == 302
    )
    with scopes_disabled():
        participant = Participant.objects.get(session=session)
    assert (participant.sector, participant.layer) == ("bedrijfsleven", "")


def test_joining_without_a_kind_of_party_says_so(client, session):
    response = client.post(url("join", session), {})
    assert response.status_code == 200
    assert 'name="sector"' in response.content.decode()
    with scopes_disabled():
        assert not Participant.objects.filter(session=session).exists()


def test_the_theme_page_has_a_limited_text_box_with_a_counter(client, session):
    client.post(url("join", session), {"sector": "vo"})
    page = client.get(url("theme", session, 1)).content.decode()
    assert '<textarea id="open-behoefte-open" name="behoefte-open"' in page
    assert 'maxlength="500"' in page
    assert 'id="count-behoefte-open"' in page
    assert 'for="open-behoefte-open"' in page  # its question is its label


def test_without_javascript_the_theme_form_saves_scores_and_text(client, session):
    client.post(url("join", session), {"sector": "vo"})
    form = dict.fromkeys(("behoefte-leerlingen", "behoefte-arbeidsmarkt"), "4")
    form["behoefte-open"] = "  Minder uitval in het eerste jaar.  "
    response = client.post(url("theme", session, 1), {**form, "go": "next"})
    assert response.status_code == 302
    assert texts(session) == {"behoefte-open": ["Minder uitval in het eerste jaar."]}
    # Back on the theme, the participant sees their own text again.
    page = client.get(url("theme", session, 1)).content.decode()
    assert "Minder uitval in het eerste jaar.</textarea>" in page


def test_the_autosave_keeps_one_row_and_an_emptied_box_takes_it_back(client, session):
    client.post(url("join", session), {"sector": "mbo"})
    post = url("open_answer", session)
    for text in ("Mind", "Minder uitval", "Minder uitval"):
        response = client.post(
            post, {"question": "steun-zorgen", "steun-zorgen": text}, **HTMX
        )
        assert response.status_code == 200
        assert "Opgeslagen" in response.content.decode() or "Saved" in (
            response.content.decode()
        )
    assert texts(session) == {"steun-zorgen": ["Minder uitval"]}
    client.post(post, {"question": "steun-zorgen", "steun-zorgen": " "}, **HTMX)
    assert texts(session) == {}


def test_a_text_over_500_characters_is_refused_with_a_message(client, session):
    client.post(url("join", session), {"sector": "mbo"})
    response = client.post(
        url("open_answer", session),
        {"question": "steun-zorgen", "steun-zorgen": "x" * 501},
        **HTMX,
    )
    assert "500" in response.content.decode()
    assert texts(session) == {}
    # The whole theme form is refused too, its input shown again.
    response = client.post(
        url("theme", session, 2), {"steun-zorgen": "y" * 501, "steun-bestuur": "3"}
    )
    assert response.status_code == 200
    assert "y" * 501 in response.content.decode()
    assert texts(session) == {}


def test_a_question_of_another_instrument_or_a_closed_session_is_refused(
    client, session
):
    client.post(url("join", session), {"sector": "mbo"})
    client.post(
        url("open_answer", session),
        {"question": "visie-1", "visie-1": "Iets"},
        **HTMX,
    )
    assert texts(session) == {}
    with scopes_disabled():
        session.state = State.CLOSED
        session.save()
    client.post(
        url("open_answer", session),
        {"question": "steun-zorgen", "steun-zorgen": "Te laat"},
        **HTMX,
    )
    assert texts(session) == {}
