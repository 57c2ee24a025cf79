"""The session list, creating and editing sessions, and their state changes."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.routes.tests.factories import LeerrouteFactory

from ..choices import State
from ..models import Session
from .factories import ParticipantFactory, SessionFactory, instrument

pytestmark = pytest.mark.django_db


def url(name: str, partnership, *args) -> str:
    return reverse(f"reflection:{name}", args=[partnership.slug, *args])


def test_list_shows_sessions_with_participant_counts(
    partnership, client_for, django_assert_max_num_queries
):
    sessions = SessionFactory.create_batch(12, partnership=partnership)
    for session in sessions[:3]:
        ParticipantFactory.create_batch(2, session=session)
    client = client_for("docent")
    client.get(
        url("session_list", partnership)
    )  # the first visit also saves the session
    with django_assert_max_num_queries(8):
        response = client.get(url("session_list", partnership))
    assert response.status_code == 200
    page = response.content.decode()
    assert sessions[0].title in page
    assert _("New session") not in page  # a docent reads, does not run sessions


def test_list_empty_state(partnership, client_for):
    page = (
        client_for("coordinator").get(url("session_list", partnership)).content.decode()
    )
    assert (
        _(
            "No sessions yet. A session takes about an hour: a short explanation, scoring on phones, discussing the results, and the last 15 minutes for action points."
        )
        in page
    )
    assert _("New session") in page


def test_create_session(partnership, client_for):
    response = client_for("werkgroeplid").post(
        url("session_create", partnership),
        {
            "instrument": instrument().pk,
            "title": "Reflectie juni",
            "date": "2026-06-12",
        },
    )
    with scopes_disabled():
        session = Session.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("session_detail", partnership, session.pk)
    assert session.state == State.CONCEPT and session.partnership == partnership


def test_create_with_bad_input_keeps_what_was_typed(partnership, client_for):
    response = client_for("coordinator").post(
        url("session_create", partnership),
        {
            "instrument": instrument().pk,
            "title": "Reflectie juni",
            "date": "12-13-2026",
        },
    )
    assert response.status_code == 200
    assert 'value="Reflectie juni"' in response.content.decode()
    with scopes_disabled():
        assert not Session.objects.exists()


def test_a_docent_may_not_create_sessions(partnership, client_for):
    assert (
        client_for("docent").get(url("session_create", partnership)).status_code == 403
    )


def test_edit_keeps_the_instrument(partnership, client_for):
    session = SessionFactory(partnership=partnership)
    route = LeerrouteFactory(
        partnership=partnership, name="Zorg en welzijn", parties=False, step_plan=False
    )
    response = client_for("coordinator").post(
        url("session_edit", partnership, session.pk),
        {
            "title": "Nieuwe titel",
            "date": "2026-07-01",
            "leerroute": route.pk,
            "instrument": 999,
        },
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.title, session.leerroute) == ("Nieuwe titel", route)
    assert session.instrument == instrument()


def test_state_changes(partnership, client_for):
    session = SessionFactory(partnership=partnership, state=State.CONCEPT)
    client = client_for("coordinator")
    for action, state in (
        ("open", State.OPEN),
        ("close", State.CLOSED),
        ("reopen", State.OPEN),
    ):
        response = client.post(
            url("session_state", partnership, session.pk), {"action": action}
        )
        assert response.status_code == 302
        session.refresh_from_db()
        assert session.state == state


def test_closing_a_concept_session_explains_why_not(partnership, client_for):
    session = SessionFactory(partnership=partnership, state=State.CONCEPT)
    client = client_for("coordinator")
    response = client.post(
        url("session_state", partnership, session.pk), {"action": "close"}, follow=True
    )
    assert _("Only an open session can be closed.") in response.content.decode()
    session.refresh_from_db()
    assert session.state == State.CONCEPT


def test_delete_asks_first_and_refuses_once_people_took_part(partnership, client_for):
    client = client_for("coordinator")
    empty, used = SessionFactory.create_batch(2, partnership=partnership)
    ParticipantFactory(session=used)
    assert client.get(url("session_delete", partnership, empty.pk)).status_code == 200
    client.post(url("session_delete", partnership, empty.pk))
    client.post(url("session_delete", partnership, used.pk))
    with scopes_disabled():
        assert list(Session.objects.all()) == [used]


def test_another_partnerships_session_is_404(
    partnership, other_partnership, client_for
):
    session = SessionFactory(partnership=partnership)
    client = client_for("coordinator", partnership=other_partnership)
    for name in ("session_edit", "session_delete", "session_state"):
        assert (
            client.post(
                url(name, other_partnership, session.pk), {"action": "close"}
            ).status_code
            == 404
        )
    session.refresh_from_db()
    assert session.state == State.OPEN
