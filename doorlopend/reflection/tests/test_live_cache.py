"""The hot paths of a hall of phones: a tapped answer in one statement, exactly once;
live results computed once per interval and shared; 204 before any work."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from ..choices import Mode, State
from ..models import Answer, Session
from ..selectors.live import live_results
from ..selectors.results import session_results
from .factories import ParticipantFactory, SessionFactory, answer_all

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
RESULTS_TABLES = ("reflection_answer", "reflection_participant")


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def session(partnership) -> Session:
    return SessionFactory(partnership=partnership)


def phone_for(session: Session) -> Client:
    phone = Client()
    join = reverse("participate:join", args=[session.join_code])
    assert phone.post(join, {"sector": "vo", "layer": "bestuur"}).status_code == 302
    return phone


def tap(phone: Client, session: Session, key: str, value) -> str:
    answer = reverse("participate:answer", args=[session.join_code])
    response = phone.post(answer, {"question": key, "value": value}, **HTMX)
    assert response.status_code == 200
    return response.content.decode()


def stored(session: Session) -> list[tuple[str, int]]:
    with scopes_disabled():
        answers = Answer.objects.filter(participant__session=session)
        return list(answers.values_list("question_key", "value"))


def version_of(session: Session) -> int:
    with scopes_disabled():
        return Session.objects.get(pk=session.pk).answers_version


def test_a_repeated_tap_is_stored_once_with_the_last_value(session):
    phone, twin = phone_for(session), Client()
    twin.cookies = phone.cookies  # a retry racing the original: the same cookie
    before = version_of(session)
    for client, value in ((phone, 3), (twin, 3), (phone, 5)):
        body = tap(client, session, "visie-1", value)
        assert "answer-saved" in body
        assert '<progress value="1"' in body
    assert stored(session) == [("visie-1", 5)]
    assert version_of(session) == before + 3  # each save is a new results version


def test_the_lean_path_writes_nothing_it_may_not(session, partnership):
    phone = phone_for(session)
    assert "answer-error" in tap(phone, session, "visie-1", 9)  # not on the scale
    assert "answer-error" in tap(phone, session, "geen-vraag", 3)
    other = SessionFactory(partnership=partnership)
    stranger = Client()
    stranger.cookies = phone.cookies  # this session's cookie opens no other
    body = tap(stranger, other, "visie-1", 3)
    assert "answer-saved" not in body
    with scopes_disabled():
        Session.objects.filter(pk=session.pk).update(state=State.CLOSED)
    assert _("This session is closed; your answers have been kept.") in tap(
        phone, session, "visie-1", 3
    )
    assert stored(session) == [] and stored(other) == []


def test_an_open_conversation_takes_no_score(session):
    phone = phone_for(session)
    with scopes_disabled():
        Session.objects.filter(pk=session.pk).update(mode=Mode.GESPREK)
    assert "answer-saved" not in tap(phone, session, "visie-1", 3)
    assert stored(session) == []


def test_results_from_the_cache_are_the_fresh_ones(session):
    for sector in ("vo", "vo", "vo", "mbo", "mbo", "mbo", "hbo"):
        answer_all(ParticipantFactory(session=session, sector=sector))
    with scopes_disabled():
        session = Session.objects.select_related("instrument").get(pk=session.pk)
        first, version = live_results(session)
        with CaptureQueriesContext(connection) as queries:
            cached, again = live_results(session)
        fresh = session_results(session)
    assert version == again == session.answers_version
    assert cached == first == fresh
    assert fresh.sector_counts["hbo"] is None  # one person: hidden, also from the cache
    assert not [q for q in queries if any(t in q["sql"] for t in RESULTS_TABLES)]


def test_results_are_computed_once_per_interval(session, settings):
    settings.REFLECTION_RESULTS_SECONDS = 60
    for _i in range(3):
        answer_all(ParticipantFactory(session=session))
    with scopes_disabled():
        shown, version = live_results(Session.objects.get(pk=session.pk))
        answer_all(ParticipantFactory(session=session))
        later = Session.objects.get(pk=session.pk)
        assert later.answers_version > version
        assert live_results(later) == (shown, version)  # within the interval
        settings.REFLECTION_RESULTS_SECONDS = 0
        assert live_results(later)[0].respondents == 4  # after it


def test_an_unchanged_poll_is_204_before_any_results(session, client_for):
    for _i in range(3):
        answer_all(ParticipantFactory(session=session))
    client = client_for("docent")
    live = reverse(
        "reflection:session_live", args=[session.partnership.slug, session.pk]
    )
    page = client.get(live, **HTMX).content.decode()
    version = re.search(r"live/\?v=(\w+)", page).group(1)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{live}?v={version}", **HTMX).status_code == 204
    assert len(queries) <= 5  # login, membership, the session: no cache, no answers
    assert not [q for q in queries if "django_cache" in q["sql"]]
    assert not [q for q in queries if any(t in q["sql"] for t in RESULTS_TABLES)]
    beamer = reverse(
        "reflection:session_presenter_live",
        args=[session.partnership.slug, session.pk],
    )
    with CaptureQueriesContext(connection) as queries:  # the beamer shares the cache
        assert client.get(beamer, **HTMX).status_code == 200
    assert not [q for q in queries if any(t in q["sql"] for t in RESULTS_TABLES)]
    tap(phone_for(session), session, "visie-1", 4)  # a join and an answer
    assert client.get(f"{live}?v={version}", **HTMX).status_code == 200


def live_url(session: Session, name: str = "session_live") -> str:
    return reverse(f"reflection:{name}", args=[session.partnership.slug, session.pk])


def test_the_results_fragment_is_rendered_once_and_shared(session, client_for):
    for _i in range(3):
        answer_all(ParticipantFactory(session=session))
    facilitator, reader = client_for("coordinator"), client_for("docent")
    page = facilitator.get(live_url(session, "session_detail") + "?tab=resultaten")
    assert "reflection/_results.html" in [t.name for t in page.templates]
    poll = reader.get(live_url(session), **HTMX)  # someone else, the same version
    assert poll.status_code == 200
    assert "reflection/_results.html" not in [t.name for t in poll.templates]
    fragment = re.search(
        r'<section id="live-results".*?</section>\s*(?=<)', poll.content.decode(), re.S
    ).group()
    assert fragment in page.content.decode()  # the page shows the very same HTML
    with CaptureQueriesContext(connection) as queries:
        assert reader.get(live_url(session), **HTMX).status_code == 200
    ours = [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]
    # Login, membership, roles, the session, the results and the fragment from the
    # cache: nothing read from the answers, nothing rendered but the phase bar.
    assert len(ours) <= 7, ours
    assert not [q for q in ours if any(t in q for t in RESULTS_TABLES)]


def test_an_answer_changes_the_fragment(session, client_for, settings):
    settings.REFLECTION_RESULTS_SECONDS = 0  # every new answer is shown at once
    for _i in range(3):
        answer_all(ParticipantFactory(session=session))
    client = client_for("docent")
    before = client.get(live_url(session), **HTMX).content.decode()
    version = re.search(r"live/\?v=(\w+)", before).group(1)
    tap(phone_for(session), session, "visie-1", 4)  # a fourth joins and answers
    after = client.get(f"{live_url(session)}?v={version}", **HTMX)
    assert after.status_code == 200
    joined = re.compile(r'class="live-counts">\s*<span><strong>(\d+)</strong>')
    assert joined.search(before).group(1) == "3"
    assert joined.search(after.content.decode()).group(1) == "4"
    assert re.search(r"live/\?v=(\w+)", after.content.decode()).group(1) != version


def test_the_fragment_is_kept_per_language(session, client_for):
    for _i in range(3):
        answer_all(ParticipantFactory(session=session))
    dutch, english = client_for("docent"), client_for("docent")
    with scopes_disabled():
        user = english.get(live_url(session, "session_detail")).wsgi_request.user
    user.language = "en"
    user.save(update_fields=["language"])
    nl = dutch.get(live_url(session), **HTMX)
    en = english.get(live_url(session), **HTMX)
    assert "reflection/_results.html" in [t.name for t in en.templates]
    assert '<h2 id="results-heading">Resultaten</h2>' in nl.content.decode()
    assert '<h2 id="results-heading">Results</h2>' in en.content.decode()


def test_the_beamer_fragment_is_shared_by_its_page_and_polls(session, client_for):
    for _i in range(3):
        answer_all(ParticipantFactory(session=session))
    page = client_for("coordinator").get(live_url(session, "session_presenter"))
    assert page.status_code == 200
    poll = client_for("docent").get(live_url(session, "session_presenter_live"), **HTMX)
    assert "reflection/_presenter_live.html" not in [t.name for t in poll.templates]
    assert poll.content.decode().strip() in page.content.decode()


def _csrf_phone(session: Session) -> tuple[Client, str]:
    """A phone that checks CSRF as a browser's requests are checked, joined by its form."""
    phone = Client(enforce_csrf_checks=True)
    join = reverse("participate:join", args=[session.join_code])
    page = phone.get(join).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = {"csrfmiddlewaretoken": token, "sector": "vo", "layer": "bestuur"}
    assert phone.post(join, form).status_code == 302
    return phone, phone.cookies["csrftoken"].value


def test_the_lean_path_refuses_a_forged_or_absent_cookie(session):
    phone = phone_for(session)
    name = f"reflectie-{session.pk}"
    token = phone.cookies[name].value.strip('"').split(":")[1]
    forged = Client()  # the right code and a real token, but not signed by us
    forged.cookies[name] = f"{session.join_code}:{token}:1aaaaa:forged-signature"
    absent = Client()
    for client in (forged, absent):
        answer = reverse("participate:answer", args=[session.join_code])
        response = client.post(answer, {"question": "visie-1", "value": 4}, **HTMX)
        assert "answer-saved" not in response.content.decode()
        join = reverse("participate:join", args=[session.join_code])
        assert response.headers.get("HX-Redirect") == join  # sent to join first
    assert stored(session) == []


def test_the_lean_path_refuses_a_cross_site_post(session):
    phone, csrf = _csrf_phone(session)
    answer = reverse("participate:answer", args=[session.join_code])
    form = {"question": "visie-1", "value": 4}
    assert phone.post(answer, form, **HTMX).status_code == 403  # no token
    other_site = {**HTMX, "HTTP_X_CSRFTOKEN": csrf, "HTTP_ORIGIN": "http://evil.test"}
    assert phone.post(answer, form, **other_site).status_code == 403
    assert stored(session) == []
    ours = {**HTMX, "HTTP_X_CSRFTOKEN": csrf, "HTTP_ORIGIN": "http://testserver"}
    assert "answer-saved" in phone.post(answer, form, **ours).content.decode()
    assert stored(session) == [("visie-1", 4)]


def test_a_tapped_answer_reads_no_login_and_writes_once(session):
    phone = phone_for(session)
    tap(phone, session, "visie-1", 3)  # the instrument is now kept in memory
    with CaptureQueriesContext(connection) as queries:
        assert "answer-saved" in tap(phone, session, "visie-2", 4)
    sql = [q["sql"] for q in queries]
    # PostgreSQL: one statement saves, counts and bumps the version; elsewhere four.
    assert len(sql) <= (1 if connection.vendor == "postgresql" else 4), sql
    assert not [q for q in sql if "django_session" in q or "accounts_user" in q]


def test_a_theme_page_reads_the_session_the_phone_and_its_answers(session):
    phone = phone_for(session)
    tap(phone, session, "visie-1", 3)
    theme = reverse("participate:theme", args=[session.join_code, 1])
    with CaptureQueriesContext(connection) as queries:
        page = phone.get(theme).content.decode()
    assert re.search(r'name="visie-1" value="3"\s+checked', page)  # shown back
    sql = [q["sql"] for q in queries]
    assert len(sql) <= 3, sql  # no open answers read for a theme without open questions
    assert not [q for q in sql if "reflection_openanswer" in q]


def test_the_polled_phase_bar_carries_a_working_csrf_token(session, client_for):
    facilitator = client_for("coordinator")
    facilitator.handler.enforce_csrf_checks = True  # as a browser's posts are checked
    bar = facilitator.get(live_url(session), **HTMX).content.decode()
    form = re.search(r'<form method="post" action="([^"]+)".*?</form>', bar, re.S)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.group())
    phase = re.search(r'name="phase" value="([^"]+)"', form.group()).group(1)
    data = {"csrfmiddlewaretoken": token.group(1), "phase": phase}
    assert facilitator.post(form.group(1), data).status_code == 302
    with scopes_disabled():
        assert Session.objects.get(pk=session.pk).phase == phase


def test_a_poll_never_waits_for_the_counting_the_next_poll_shows_it(
    session, client_for, settings
):
    """With results older than the interval, a poll answers with what is kept and counts
    the new answers once its answer is sent (core.after_response): the next poll shows
    them, and no poll reads the answers while the client waits."""
    settings.REFLECTION_RESULTS_SECONDS = 60
    for _i in range(3):
        answer_all(ParticipantFactory(session=session))
    reader = client_for("docent")
    assert _joined(reader.get(live_url(session), **HTMX)) == 3
    answer_all(ParticipantFactory(session=session))
    cache.delete_many(_live_keys(session))  # the busy flag of the first computation
    settings.REFLECTION_RESULTS_SECONDS = 0.001  # the kept results are now too old
    computed_after = []

    def counting(execute, sql, params, many, context):
        if "reflection_answer" in sql:
            computed_after.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        stale = reader.get(live_url(session), **HTMX)
    # The test client closes the response as a server does: the count ran after it.
    assert computed_after, "the new answers were counted after the answer went out"
    assert _joined(stale) == 3
    assert _joined(reader.get(live_url(session), **HTMX)) == 4


def _live_keys(session: Session) -> list[str]:
    from ..selectors.live import live_key

    with scopes_disabled():
        return [f"{live_key(Session.objects.get(pk=session.pk))}:busy"]


def _joined(response) -> int:
    """The "N participants joined" count the fragment shows."""
    counts = re.search(
        r'class="live-counts">\s*<span><strong>(\d+)</strong>',
        response.content.decode(),
    )
    return int(counts.group(1))
