"""The facilitator page in tabs, the guide, the beamer per phase, the phone's counter and
the open conversation (issue 14, point 9)."""

import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from ..choices import Mode, Phase
from ..models import Answer, Session
from ..services import answer_save, participant_join
from .factories import ParticipantFactory, SessionFactory, answer_all, instrument

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
TABS = ("uitleg", "resultaten", "bespreken", "actiepunten", "verslag")


def url(name: str, session: Session, *args) -> str:
    return reverse(
        f"reflection:{name}", args=[session.partnership.slug, session.pk, *args]
    )


def tab(client, session: Session, key: str, **more) -> str:
    query = "&".join(f"{k}={v}" for k, v in {"tab": key, **more}.items())
    response = client.get(f"{url('session_detail', session)}?{query}")
    assert response.status_code == 200, key
    return response.content.decode()


@pytest.fixture
def session(partnership) -> Session:
    now = timezone.now()
    return SessionFactory(partnership=partnership, opened_at=now, phase_started_at=now)


def people(session: Session, n: int) -> None:
    for _i in range(n):
        answer_all(ParticipantFactory(session=session))


def test_every_tab_is_reachable_and_shorter_than_all_of_them(session, client_for):
    people(session, 4)
    client = client_for("coordinator")
    pages = {key: tab(client, session, key) for key in TABS}
    for key, page in pages.items():
        assert re.search(rf'id="tab-{key}" aria-current="page"', page), key
        for other in TABS:  # every tab is one link away, from every tab
            assert f'href="?tab={other}#tab-panel"' in page
    assert _("Guide for the facilitator") in pages["uitleg"]
    assert 'id="live-results"' in pages["resultaten"]
    assert 'id="live-results"' not in pages["uitleg"]
    assert 'name="text"' in pages["bespreken"]  # one theme's notes
    assert pages["bespreken"].count('name="text"') == 1
    assert _("Add action point") in pages["actiepunten"]
    assert _("Report and export") in pages["verslag"]
    everything = sum(len(p) for p in pages.values())
    assert all(len(p) < everything / 2 for p in pages.values())


def test_without_a_choice_the_page_opens_on_the_current_phase(session, client_for):
    client = client_for("coordinator")
    assert _("Guide for the facilitator") in tab(client, session, "")
    with scopes_disabled():
        Session.objects.filter(pk=session.pk).update(phase=Phase.BESPREKEN)
    page = tab(client, session, "onzin")  # an unknown tab: the current phase's
    assert 'id="tab-bespreken" aria-current="page"' in page


def test_the_explanation_tab_shows_the_instruments_guide(session, client_for):
    page = tab(client_for("docent"), session, "uitleg")
    guide = session.instrument.definition.guide
    assert guide and all(escape(point) in page for point in guide)
    assert "leidraad zijn voor een open gesprek" in page


def test_the_discussion_tab_shows_one_theme_with_its_background(session, client_for):
    people(session, 3)
    definition = session.instrument.definition
    theme = definition.themes[1]
    page = tab(client_for("coordinator"), session, "bespreken", theme=theme.key)
    assert theme.background and theme.background in page
    assert _("Background, to ask further") in page
    assert all(q.text in page for q in theme.questions)
    assert definition.themes[2].questions[0].text not in page
    assert 'class="dist-bar"' in page  # three people: the answers show


def test_changing_phase_opens_that_phases_tab(session, client_for):
    response = client_for("coordinator").post(
        url("session_phase", session), {"phase": Phase.BESPREKEN}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?tab=bespreken#tab-panel")


def test_the_bar_offers_the_next_phase(session, client_for):
    page = tab(client_for("coordinator"), session, "uitleg")
    bar = page[page.index('id="phase-bar"') : page.index('id="tab-panel"')]
    assert 'name="phase" value="scoren"' in bar
    assert "data-clock-since" in bar  # the minutes in this phase tick


def test_the_beamer_shows_phase_timer_and_the_themes_bars(session, client_for):
    people(session, 3)
    theme = session.instrument.definition.themes[0]
    client = client_for("coordinator")
    client.post(url("session_phase", session), {"phase": Phase.BESPREKEN})
    response = client.post(url("session_beamer_theme", session), {"theme": theme.key})
    assert response["Location"].endswith(f"theme={theme.key}#tab-panel")
    page = client.get(url("session_presenter", session)).content.decode()
    assert session.get_phase_display() in page or _("discussion") in page
    assert "data-clock-since" in page
    assert all(q.text in page for q in theme.questions)
    assert page.count('class="dist-bar"') == len(theme.questions)


def test_the_beamers_bars_follow_the_small_group_rule(session, client_for):
    people(session, 2)  # two people: under k = 3
    with scopes_disabled():
        Session.objects.filter(pk=session.pk).update(
            phase=Phase.BESPREKEN, beamer_theme="relatie"
        )
    page = client_for("docent").get(url("session_presenter", session)).content.decode()
    assert 'class="dist-bar"' not in page
    assert _("too few participants") in page


def test_beamer_theme_refuses_strangers_and_readers(
    session, client_for, other_partnership
):
    data = {"theme": "relatie"}
    outsider = client_for("coordinator", partnership=other_partnership)
    assert outsider.post(url("session_beamer_theme", session), data).status_code == 404
    reader = client_for("docent")
    assert reader.post(url("session_beamer_theme", session), data).status_code == 403
    coordinator = client_for("coordinator")
    coordinator.post(url("session_beamer_theme", session), {"theme": "geen-thema"})
    with scopes_disabled():
        assert Session.objects.get(pk=session.pk).beamer_theme == ""


def test_beamer_queries(session, client_for, django_assert_max_num_queries):
    people(session, 6)
    with scopes_disabled():
        Session.objects.filter(pk=session.pk).update(
            phase=Phase.BESPREKEN, beamer_theme="relatie"
        )
    client = client_for("docent")
    client.get(url("session_presenter", session))
    with django_assert_max_num_queries(10):
        assert client.get(url("session_presenter", session)).status_code == 200


def test_each_answer_updates_the_phones_counter_at_once(session, client):
    cache.clear()
    code = session.join_code
    client.post(
        reverse("participate:join", args=[code]), {"sector": "vo", "layer": "bestuur"}
    )
    answer = reverse("participate:answer", args=[code])
    total = len(session.instrument.definition.questions)
    for n, key in enumerate(("visie-1", "visie-2", "visie-1"), start=1):
        response = client.post(answer, {"question": key, "value": "3"}, **HTMX)
        page = response.content.decode()
        counter = re.search(
            r'<label[^>]*id="theme-progress"[^>]*>(.*?)</label>', page, re.S
        )
        assert counter and 'hx-swap-oob="true"' in counter.group(0)
        expected = min(n, 2)  # answering visie-1 again counts once
        assert f'<progress value="{expected}" max="{total}">' in counter.group(1)


@pytest.fixture
def conversation(partnership) -> Session:
    return SessionFactory(partnership=partnership, mode=Mode.GESPREK)


def test_a_session_is_created_as_an_open_conversation(partnership, client_for):
    response = client_for("coordinator").post(
        reverse("reflection:session_create", args=[partnership.slug]),
        {
            "instrument": instrument().pk,
            "mode": Mode.GESPREK,
            "title": "Open gesprek najaar",
            "date": "2026-11-01",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert Session.objects.get(title="Open gesprek najaar").mode == Mode.GESPREK


def test_an_open_conversation_shows_questions_and_no_scoring(conversation, client):
    cache.clear()
    page = client.get(reverse("participate:join", args=[conversation.join_code]))
    text = page.content.decode()
    assert page.status_code == 200
    assert 'type="radio"' not in text  # no sector, layer or scale to choose
    first = conversation.instrument.definition.themes[0].questions[0]
    assert first.text in text
    response = client.post(
        reverse("participate:join", args=[conversation.join_code]),
        {"sector": "vo", "layer": "bestuur"},
    )
    assert response.status_code == 200  # the questions again; nobody joins
    with scopes_disabled():
        assert not conversation.participants.exists()
        with pytest.raises(ValidationError):
            participant_join(session=conversation, sector="vo", layer="bestuur")
        participant = ParticipantFactory(session=conversation)
        with pytest.raises(ValidationError):
            answer_save(participant=participant, question_key=first.key, value=4)
        assert not Answer.objects.exists()


def test_an_open_conversation_has_no_results_anywhere(conversation, client_for):
    client = client_for("coordinator")
    page = tab(client, conversation, "bespreken")
    assert 'href="?tab=resultaten#tab-panel"' not in page
    assert 'class="dist-bar"' not in page
    assert conversation.instrument.definition.themes[0].questions[0].text in page
    results = tab(client, conversation, "resultaten")  # falls back to another tab
    assert 'id="live-results"' not in results
    with scopes_disabled():
        Session.objects.filter(pk=conversation.pk).update(
            phase=Phase.BESPREKEN, beamer_theme="relatie"
        )
    beamer = client.get(url("session_presenter", conversation)).content.decode()
    assert 'class="dist-bar"' not in beamer
    assert _("Mean per theme") not in beamer
    assert (
        conversation.instrument.definition.theme("relatie").questions[0].text in beamer
    )


def test_another_partnership_gets_404_for_every_tab(
    session, client_for, other_partnership
):
    outsider = client_for("coordinator", partnership=other_partnership)
    for key in TABS:
        address = f"{url('session_detail', session)}?tab={key}"
        assert outsider.get(address).status_code == 404
