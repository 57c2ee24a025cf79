"""The facilitator's page, the beamer, their live fragments, the images, phase and notes."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import OrganisationFactory

from ..choices import Phase, State
from ..models import Session, ThemeNote
from .factories import (
    ActionPointFactory,
    ParticipantFactory,
    SessionFactory,
    answer_all,
    instrument,
)

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
MEAN_4 = re.compile(r"\b4[.,]0\b")  # the mean when everyone scores 4, in any locale


def url(name: str, session: Session, *args) -> str:
    return reverse(
        f"reflection:{name}", args=[session.partnership.slug, session.pk, *args]
    )


@pytest.fixture
def session(partnership) -> Session:
    now = timezone.now()
    return SessionFactory(
        partnership=partnership,
        title="Reflectie voorjaar",
        opened_at=now,
        phase_started_at=now,
    )


def with_answers(session: Session, n: int, **kwargs) -> None:
    for _i in range(n):
        answer_all(ParticipantFactory(session=session, **kwargs))


def test_detail_shows_code_qr_and_presenter_link(session, client_for):
    page = client_for("coordinator").get(url("session_detail", session)).content
    page = page.decode()
    code = session.join_code
    assert f'{code[:3]}<span class="code-gap"> </span>{code[3:]}' in page
    assert reverse("participate:join", args=[code]) in page
    assert url("session_qr", session) in page
    assert url("session_presenter", session) in page
    assert 'value="close"' in page  # an open session can be closed
    assert url("session_delete", session) in page  # nobody took part yet
    actions = client_for("coordinator").get(
        url("session_detail", session) + "?tab=actiepunten"
    )
    assert _("Add action point") in actions.content.decode()


def test_detail_for_a_reader_has_no_manage_actions(session, client_for):
    ParticipantFactory(session=session)
    response = client_for("docent").get(url("session_detail", session))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="action"' not in page
    assert _("Add action point") not in page
    assert url("session_phase", session) not in page
    assert url("session_delete", session) not in page


def test_delete_link_disappears_once_someone_joined(session, client_for):
    ParticipantFactory(session=session)
    page = client_for("coordinator").get(url("session_detail", session)).content
    assert url("session_delete", session) not in page.decode()


def test_two_respondents_show_no_figures(session, client_for):
    with_answers(session, 2)
    page = client_for("docent").get(url("session_live", session)).content.decode()
    assert _("too few participants") in page
    assert not MEAN_4.search(page)
    assert url("session_radar", session) not in page


def test_three_respondents_show_the_means(session, client_for):
    with_answers(session, 3)
    for address in (
        url("session_live", session),
        url("session_detail", session) + "?tab=resultaten",
    ):
        page = client_for("docent").get(address).content.decode()
        assert MEAN_4.search(page), address
        assert url("session_radar", session) in page
        assert _("Largest differences of opinion") in page


def test_live_fragment_is_cheap(session, client_for):
    with_answers(session, 12)
    with_answers(session, 4, sector="mbo", layer="bestuur")
    client = client_for("docent")
    client.get(url("session_detail", session))  # the guard remembers the partnership
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("session_live", session), **HTMX)
    assert response.status_code == 200
    assert 'id="phase-bar"' in response.content.decode()  # the clock rides along
    # Login, membership, session, then the results in two reads; the cache's own
    # (a database table here, in a savepoint; Redis in production) aside.
    ours = [
        q["sql"]
        for q in queries
        if "django_cache" not in q["sql"] and "SAVEPOINT" not in q["sql"]
    ]
    assert len(ours) <= 7, ours


def test_live_fragment_answers_204_when_nothing_changed(session, client_for):
    with_answers(session, 3)
    client = client_for("docent")
    page = client.get(url("session_live", session), **HTMX).content.decode()
    version = re.search(r"live/\?v=(\w+)", page).group(1)
    poll = f"{url('session_live', session)}?v={version}"
    assert client.get(poll, **HTMX).status_code == 204
    with_answers(session, 1)
    assert client.get(poll, **HTMX).status_code == 200


@pytest.mark.parametrize(
    ("state", "polls"),
    [(State.OPEN, True), (State.CLOSED, False), (State.CONCEPT, False)],
)
def test_only_an_open_session_polls(partnership, client_for, state, polls):
    session = SessionFactory(partnership=partnership, state=state)
    address = url("session_detail", session) + "?tab=resultaten"
    page = client_for("docent").get(address).content.decode()
    assert ('hx-trigger="every 3s"' in page) is polls


@pytest.mark.parametrize(
    ("state", "trigger"),
    [(State.OPEN, "every 3s"), (State.CONCEPT, "every 5s"), (State.CLOSED, None)],
)
def test_the_beamer_polls_until_the_session_closes(
    partnership, client_for, state, trigger
):
    # Put up before the session is opened, it must notice the opening by itself.
    session = SessionFactory(partnership=partnership, state=state)
    page = client_for("docent").get(url("session_presenter", session)).content
    found = re.search(r'hx-trigger="([^"]+)"', page.decode())
    assert (found.group(1) if found else None) == trigger


def _cache_query(sql: str) -> bool:
    return "django_cache" in sql or "SAVEPOINT" in sql


def test_detail_page_queries(session, client_for):
    with_answers(session, 5)
    organisation = OrganisationFactory(partnership=session.partnership)
    ActionPointFactory.create_batch(4, session=session, owner_organisation=organisation)
    client = client_for("coordinator")
    client.get(url("session_detail", session))
    for tab in ("uitleg", "resultaten", "bespreken", "actiepunten", "verslag"):
        with CaptureQueriesContext(connection) as queries:
            address = url("session_detail", session) + f"?tab={tab}"
            assert client.get(address).status_code == 200, tab
        # The cache's own (a database table here, in a savepoint; Redis in
        # production) aside: the first view of a version stores results and fragment.
        ours = [q["sql"] for q in queries if not _cache_query(q["sql"])]
        assert len(ours) <= 15, (tab, ours)


def test_presenter_shows_code_while_joining(session, client_for):
    with_answers(session, 2)
    page = client_for("docent").get(url("session_presenter", session)).content
    page = page.decode()
    assert session.join_code[:3] in page
    assert url("session_qr", session) in page
    assert "section-nav" not in page  # no staff navigation on the beamer
    joined = ngettext(
        "<strong>%(counter)s</strong> participant",
        "<strong>%(counter)s</strong> participants",
        2,
    )
    assert joined % {"counter": 2} in page


def test_presenter_shows_results_while_discussing(session, client_for):
    with scopes_disabled():
        Session.objects.filter(pk=session.pk).update(phase=Phase.BESPREKEN)
    with_answers(session, 3)
    page = client_for("docent").get(url("session_presenter_live", session)).content
    page = page.decode()
    assert url("session_radar", session) in page
    assert _("Largest differences of opinion") in page
    assert url("session_qr", session) not in page


def test_qr_is_svg_of_the_join_url(session, client_for):
    response = client_for("docent").get(url("session_qr", session))
    body = response.content.decode()
    assert response["Content-Type"] == "image/svg+xml"
    assert body.startswith("<svg") and "viewBox" in body
    assert reverse("participate:join", args=[session.join_code]) in body  # <title>


def test_radar_is_svg_without_script(session, client_for):
    with_answers(session, 3)
    response = client_for("docent").get(url("session_radar", session))
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Cache-Control"] == "no-store"
    assert b"<svg" in response.content and b"<script" not in response.content


def test_phase_change_by_htmx(session, client_for):
    response = client_for("werkgroeplid").post(
        url("session_phase", session), {"phase": "bespreken"}, **HTMX
    )
    assert response.status_code == 200
    assert 'id="phase"' in response.content.decode()
    with scopes_disabled():
        assert Session.objects.get(pk=session.pk).phase == Phase.BESPREKEN


def test_phase_change_without_javascript_and_bad_input(session, client_for):
    client = client_for("coordinator")
    response = client.post(url("session_phase", session), {"phase": "pauze"})
    assert response.status_code == 302
    with scopes_disabled():
        assert Session.objects.get(pk=session.pk).phase == Phase.UITLEG
    page = client.get(response["Location"]).content.decode()
    assert _("Choose one of the phases.") in page


def test_last_quarter_hint(session, client_for):
    with scopes_disabled():
        Session.objects.filter(pk=session.pk).update(
            opened_at=timezone.now() - timedelta(minutes=47)
        )
    page = client_for("docent").get(url("session_detail", session)).content.decode()
    assert _("Last quarter of the hour: action points") in page


def test_note_save_by_htmx(session, client_for):
    response = client_for("coordinator").post(
        url("theme_note", session, "relatie"),
        {"text": "  De bustour werkte.  "},
        **HTMX,
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert _("Saved at %(time)s").split("%")[0] in page
    with scopes_disabled():
        note = ThemeNote.objects.get(session=session, theme_key="relatie")
    assert note.text == "De bustour werkte."
    assert "De bustour werkte." in page


def test_note_too_long_is_refused(session, client_for):
    response = client_for("coordinator").post(
        url("theme_note", session, "relatie"), {"text": "x" * 10_001}, **HTMX
    )
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    with scopes_disabled():
        assert not ThemeNote.objects.exists()


def test_note_of_an_unknown_theme_is_404(session, client_for):
    response = client_for("coordinator").post(
        url("theme_note", session, "geen-thema"), {"text": "x"}
    )
    assert response.status_code == 404


def test_readers_may_not_post(session, client_for):
    client = client_for("docent")
    assert (
        client.post(url("session_phase", session), {"phase": "scoren"}).status_code
        == 403
    )
    response = client.post(url("theme_note", session, "relatie"), {"text": "x"})
    assert response.status_code == 403
    with scopes_disabled():
        assert Session.objects.get(pk=session.pk).phase == Phase.UITLEG
        assert not ThemeNote.objects.exists()


def test_another_partnership_gets_404(session, other_partnership, client_for):
    outsider = client_for("coordinator", partnership=other_partnership)
    assert outsider.get(url("session_detail", session)).status_code == 404
    assert outsider.get(url("session_radar", session)).status_code == 404
    response = outsider.post(url("session_phase", session), {"phase": "scoren"})
    assert response.status_code == 404


def test_one_theme_instrument_page(partnership, client_for):
    session = SessionFactory(
        partnership=partnership, instrument=instrument("besluitvorming")
    )
    with_answers(session, 3)
    assert client_for("docent").get(url("session_detail", session)).status_code == 200
    response = client_for("docent").get(url("session_radar", session))
    assert b"<script" not in response.content
