"""The step "Draagvlakonderzoek" follows the route's draagvlak survey."""

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from doorlopend.reflection.models import Session
from doorlopend.reflection.tests.draagvlak_helpers import answer

from ..derived import derive
from ..draagvlak import ITEM, draagvlak_start
from ..models import Status
from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def route(partnership):
    return factories.LeerrouteFactory(partnership=partnership, name="Techniek Tiel")


@pytest.fixture
def state(route):
    return factories.state(factories.step_plan(route), ITEM)


def start_url(partnership, state):
    return reverse("roadmaps:draagvlak_start", args=[partnership.slug, state.pk])


def item_url(partnership, state):
    return reverse("roadmaps:state_edit", args=[partnership.slug, state.pk])


def derived(partnership, state):
    with scope(partnership=partnership):
        derive(partnership, state.roadmap, [state])
    return state.answer


def set_state(session, value):
    with scopes_disabled():
        Session.objects.filter(pk=session.pk).update(state=value)
    session.state = value


def test_starting_makes_one_survey_for_the_route(partnership, route, state, client_for):
    client = client_for("coordinator")
    assert "Start" in client.get(item_url(partnership, state)).content.decode()
    response = client.post(start_url(partnership, state))
    again = client.post(start_url(partnership, state))  # a double submit
    with scopes_disabled():
        [session] = Session.objects.filter(partnership=partnership)
    assert response["Location"] == again["Location"]
    assert session.instrument.key == "draagvlak"
    assert session.leerroute == route and "Techniek Tiel" in session.title


def test_the_step_follows_the_survey(partnership, route, state):
    assert derived(partnership, state) is None  # no survey: the manual status stands
    with scope(partnership=partnership):
        session = draagvlak_start(state=state, by=factories.membership(partnership))
    answer_ = derived(partnership, state)
    assert answer_.status == Status.IN_PROGRESS
    set_state(session, "open")
    for sector in ("vo", "vo", "mbo"):
        answer(session, sector)
    assert derived(partnership, state).status == Status.IN_PROGRESS
    set_state(session, "closed")
    done = derived(partnership, state)
    assert done.status == Status.DONE
    assert done.url == reverse(
        "reflection:session_parties", args=[partnership.slug, session.pk]
    )


def test_closed_with_too_few_answers_is_not_done(partnership, route, state):
    with scope(partnership=partnership):
        session = draagvlak_start(state=state, by=factories.membership(partnership))
    set_state(session, "open")
    answer(session, "vo")
    answer(session, "bedrijfsleven")
    set_state(session, "closed")
    assert derived(partnership, state).status == Status.IN_PROGRESS


def test_the_item_page_shows_the_results_per_kind_of_party(
    partnership, route, state, client_for
):
    client = client_for("coordinator")
    client.post(start_url(partnership, state))
    with scopes_disabled():
        session = Session.objects.get(partnership=partnership)
    set_state(session, "open")
    for sector in ("vo", "vo", "vo", "bedrijfsleven"):
        answer(session, sector, score=4)
    page = client.get(item_url(partnership, state)).content.decode()
    assert "Behoefte" in page and "4,0" in page
    assert "te weinig antwoorden" in page or "too few answers" in page
    assert (
        reverse("reflection:session_parties", args=[partnership.slug, session.pk])
        in page
    )


def test_only_who_runs_sessions_starts_one_and_other_partnerships_get_404(
    partnership, other_partnership, state, client_for
):
    assert client_for("docent").post(start_url(partnership, state)).status_code == 403
    outsider = client_for("coordinator", partnership=other_partnership)
    assert outsider.post(start_url(other_partnership, state)).status_code == 404
    with scopes_disabled():
        assert not Session.objects.exists()
