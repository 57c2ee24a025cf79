"""A participant on their phone: code, join, answer theme by theme, with and without htmx."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from .. import services
from ..choices import DONT_KNOW, State
from ..models import Answer, Participant
from .factories import SessionFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()  # the wrong-code counter lives in the cache


@pytest.fixture
def session(partnership):
    return SessionFactory(partnership=partnership, title="Reflectie voorjaar")


def url(name: str, session, *args) -> str:
    return reverse(f"participate:{name}", args=[session.join_code, *args])


def join(client, session, sector="mbo", layer="management"):
    response = client.post(url("join", session), {"sector": sector, "layer": layer})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def answers(session) -> dict[str, int]:
    with scopes_disabled():
        return dict(
            Answer.objects.filter(participant__session=session).values_list(
                "question_key", "value"
            )
        )


def checked(page: str, key: str) -> str | None:
    """The value of the checked radio of question `key` in the page, if any."""
    for tag in re.findall(rf'<input type="radio" name="{key}"[^>]*>', page):
        if re.search(r"\schecked[\s>]", tag):
            return re.search(r'value="(\d+)"', tag).group(1)
    return None


def test_join_and_answer_end_to_end(client, session):
    response = client.post(
        reverse("participate:enter"),
        {
            "code": " "
            + session.join_code.lower()[:3]
            + "-"
            + session.join_code[3:].lower()
        },
    )
    assert response["Location"] == url("join", session)

    page = client.get(url("join", session)).content.decode()
    assert "Reflectie voorjaar" in page
    assert session.instrument.definition.introduction[:40] in page
    assert 'name="sector"' in page and 'name="layer"' in page

    response = join(client, session)
    assert response["Location"] == url("theme", session, 1)
    with scopes_disabled():
        participant = Participant.objects.get()
    assert (participant.sector, participant.layer) == ("mbo", "management")

    saved = client.post(
        url("answer", session), {"question": "visie-2", "value": "3"}, **HTMX
    )
    assert saved.status_code == 200 and _("Saved") in saved.content.decode()
    assert (
        checked(client.get(url("theme", session, 1)).content.decode(), "visie-2") == "3"
    )

    for value in (
        "5",
        "5",
        str(DONT_KNOW),
    ):  # changed twice, and repeated: still one row
        client.post(
            url("answer", session), {"question": "visie-2", "value": value}, **HTMX
        )
    assert answers(session) == {"visie-2": DONT_KNOW}
    assert (
        checked(client.get(url("theme", session, 1)).content.decode(), "visie-2") == "0"
    )


def test_theme_page_shows_the_theme_and_works_as_htmx(client, session):
    join(client, session)
    response = client.get(url("theme", session, 2))
    page = response.content.decode()
    theme = session.instrument.definition.themes[1]
    assert theme.title in page and theme.prompt in page
    assert theme.background[:40] in page and _("Why these questions?") in page
    assert _("Theme %(number)s of %(total)s") % {"number": 2, "total": 6} in page
    assert page.count('type="radio"') == 6 * len(theme.questions)
    assert f'hx-post="{url("answer", session)}"' in page
    assert "no-store" in response["Cache-Control"]
    assert 'class="section-nav"' not in page  # no staff navigation


def test_without_javascript_a_theme_is_one_form(client, session):
    join(client, session)
    keys = [q.key for q in session.instrument.definition.themes[0].questions]
    data = dict.fromkeys(keys, "4") | {keys[0]: "0", "go": "next"}
    response = client.post(url("theme", session, 1), data)
    assert response["Location"] == url("theme", session, 2)
    assert answers(session) == dict.fromkeys(keys, 4) | {keys[0]: 0}

    response = client.post(
        url("theme", session, 2), {"relatie-1": "2", "go": "previous"}
    )
    assert response["Location"] == url("theme", session, 1)
    assert answers(session)["relatie-1"] == 2

    last = len(session.instrument.definition.themes)
    response = client.post(url("theme", session, last), {"go": "next"})
    assert response["Location"] == url("done", session)


def test_a_bad_value_in_the_theme_form_saves_nothing(client, session):
    join(client, session)
    response = client.post(url("theme", session, 1), {"visie-1": "4", "visie-2": "9"})
    assert response.status_code == 200
    assert _("Choose one of the answers.") in response.content.decode()
    assert checked(response.content.decode(), "visie-1") == "4"  # what they chose stays
    assert answers(session) == {}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"question": "bestaat-niet", "value": "3"},
            "This question is not part of the session.",
        ),
        ({"question": "visie-1", "value": "9"}, "Choose one of the answers."),
        ({"question": "visie-1", "value": "drie"}, "Choose one of the answers."),
        ({"question": "visie-1"}, "Choose one of the answers."),
    ],
)
def test_a_bad_answer_is_refused_with_a_message(client, session, data, message):
    join(client, session)
    response = client.post(url("answer", session), data, **HTMX)
    assert response.status_code == 200  # htmx swaps the message into the question
    assert _(message) in response.content.decode()
    assert answers(session) == {}


def test_answer_without_htmx_goes_back_to_its_theme(client, session):
    join(client, session)
    response = client.post(
        url("answer", session), {"question": "relatie-2", "value": "1"}
    )
    assert response["Location"] == url("theme", session, 2) + "#q-relatie-2"
    assert answers(session) == {"relatie-2": 1}


def test_back_on_the_join_page_a_phone_resumes_where_it_was(client, session):
    join(client, session)
    for question in session.instrument.definition.themes[0].questions:
        client.post(
            url("answer", session), {"question": question.key, "value": "2"}, **HTMX
        )
    assert client.get(url("join", session))["Location"] == url("theme", session, 2)
    join(client, session)  # a second tap on "Start" does not add a participant
    with scopes_disabled():
        assert Participant.objects.count() == 1


def test_done_page_counts_the_answers(client, session):
    join(client, session)
    client.post(url("answer", session), {"question": "visie-1", "value": "5"}, **HTMX)
    page = client.get(url("done", session)).content.decode()
    assert (
        _("You answered %(answered)s of %(total)s statements.")
        % {"answered": 1, "total": 22}
        in page
    )
    assert url("theme", session, 1) in page


def test_pages_without_a_cookie_send_the_phone_to_join(client, session):
    for name, args in [("theme", [1]), ("done", [])]:
        assert client.get(url(name, session, *args))["Location"] == url("join", session)
    response = client.post(
        url("answer", session), {"question": "visie-1", "value": "2"}, **HTMX
    )
    assert response["HX-Redirect"] == url("join", session)
    assert answers(session) == {}


def test_a_cookie_of_one_session_opens_no_other(client, session, partnership):
    other = SessionFactory(partnership=partnership)
    join(client, session)
    assert client.get(url("theme", other, 1))["Location"] == url("join", other)
    # Even the signed value copied under the other session's name finds no participant.
    client.cookies[f"reflectie-{other.pk}"] = client.cookies[
        f"reflectie-{session.pk}"
    ].value
    assert client.get(url("theme", other, 1))["Location"] == url("join", other)
    response = client.post(
        url("answer", other), {"question": "visie-1", "value": "2"}, **HTMX
    )
    assert response["HX-Redirect"] == url("join", other)
    assert answers(other) == {}


def test_theme_number_out_of_range_is_404(client, session):
    join(client, session)
    assert client.get(url("theme", session, 7)).status_code == 404


def test_wrong_code_gets_a_clear_message(client, session, partnership):
    message = _(
        "There is no open session with this code. Check the code on the screen."
    )
    response = client.post(reverse("participate:enter"), {"code": "QQQ QQQ"})
    assert response.status_code == 200 and message in response.content.decode()
    response = client.get(reverse("participate:join", args=["QQQQQQ"]))
    assert response.status_code == 404 and message in response.content.decode()
    assert partnership.name not in response.content.decode()


def test_empty_code_asks_for_one(client):
    response = client.post(reverse("participate:enter"), {"code": ""})
    assert (
        response.status_code == 200
        and 'aria-invalid="true"' in response.content.decode()
    )


def test_a_session_not_yet_open_says_wait(client, partnership):
    session = SessionFactory(partnership=partnership, state=State.CONCEPT)
    message = _(
        "This session has not started yet. Wait until the facilitator opens it, then try again."
    )
    response = client.post(reverse("participate:enter"), {"code": session.join_code})
    assert message in response.content.decode()
    assert message in client.get(url("join", session)).content.decode()
    assert (
        client.post(
            url("join", session), {"sector": "vo", "layer": "bestuur"}
        ).status_code
        == 200
    )
    assert client.get(url("join", session), **HTMX).status_code == 204  # still waiting
    with scope(partnership=partnership):
        services.session_open(session=session)
    assert client.get(url("join", session), **HTMX)["HX-Refresh"] == "true"
    with scopes_disabled():
        assert not Participant.objects.exists()


def test_a_closed_session_keeps_the_answers_and_says_so(client, session, partnership):
    join(client, session)
    client.post(url("answer", session), {"question": "visie-1", "value": "4"}, **HTMX)
    with scope(partnership=partnership):
        services.session_close(session=session)
    message = _("This session is closed; your answers have been kept.")
    response = client.post(
        url("answer", session), {"question": "visie-1", "value": "1"}, **HTMX
    )
    assert response.status_code == 200 and message in response.content.decode()
    response = client.get(url("theme", session, 1))
    assert response.status_code == 200 and message in response.content.decode()
    response = client.post(reverse("participate:enter"), {"code": session.join_code})
    assert message in response.content.decode()
    assert answers(session) == {"visie-1": 4}
