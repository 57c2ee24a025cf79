"""The decision statements at "benoemen trekkers": one reflection session, its results."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.reflection.models import Session
from doorlopend.reflection.tests.factories import ParticipantFactory, answer_all

from ..models import ItemState
from . import factories
from .conftest import WIDE_ITEM

pytestmark = pytest.mark.django_db

DECISION_ITEM = "benoemen-trekkers"


def url(name: str, partnership, *args) -> str:
    return reverse(f"roadmaps:{name}", args=[partnership.slug, *args])


@pytest.fixture
def route(partnership):
    return factories.LeerrouteFactory(partnership=partnership, name="Techniek Tiel")


@pytest.fixture
def decision_state(route):
    return factories.state(factories.step_plan(route), DECISION_ITEM)


def _sessions(partnership) -> list[Session]:
    with scopes_disabled():
        return list(Session.objects.filter(partnership=partnership))


def test_starting_makes_one_linked_session_with_the_statements(
    partnership, route, decision_state, client_for
):
    client = client_for("coordinator")
    response = client.post(url("decision_start", partnership, decision_state.pk))
    [session] = _sessions(partnership)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "reflection:session_detail", args=[partnership.slug, session.pk]
    )
    assert session.instrument.key == "besluitvorming"
    assert session.leerroute == route
    assert session.route_name == "Techniek Tiel"
    assert "Techniek Tiel" in session.title
    with scopes_disabled():
        assert ItemState.objects.get(pk=decision_state.pk).decision_session == session
    again = client.post(url("decision_start", partnership, decision_state.pk))
    assert again["Location"] == response["Location"]
    assert len(_sessions(partnership)) == 1


def test_an_item_without_statements_starts_nothing(partnership, checklist, client_for):
    state = factories.state(checklist, WIDE_ITEM)
    response = client_for("coordinator").post(
        url("decision_start", partnership, state.pk), follow=True
    )
    assert (
        escape(_("This item has no decision statements.")) in response.content.decode()
    )
    assert _sessions(partnership) == []


def test_stuurgroep_may_not_start_a_session(partnership, decision_state, client_for):
    response = client_for("stuurgroep").post(
        url("decision_start", partnership, decision_state.pk)
    )
    assert response.status_code == 403
    assert _sessions(partnership) == []


def _start(partnership, decision_state, client_for) -> tuple[Client, Session]:
    client = client_for("coordinator")
    client.post(url("decision_start", partnership, decision_state.pk))
    return client, _sessions(partnership)[0]


def test_the_item_page_shows_the_result_per_statement(
    partnership, decision_state, client_for
):
    client, session = _start(partnership, decision_state, client_for)
    for value in (2, 4, 5):
        answer_all(ParticipantFactory(session=session), lambda key, v=value: v)
    response = client.get(url("state_edit", partnership, decision_state.pk))
    body = response.content.decode()
    for question in session.instrument.definition.questions:
        assert escape(question.text) in body
    assert "3,7" in body or "3.7" in body  # (2 + 4 + 5) / 3
    assert escape(session.title) in body


def test_fewer_than_three_participants_show_no_figures(
    partnership, decision_state, client_for
):
    client, session = _start(partnership, decision_state, client_for)
    for value in (1, 5):
        answer_all(ParticipantFactory(session=session), lambda key, v=value: v)
    body = client.get(
        url("state_edit", partnership, decision_state.pk)
    ).content.decode()
    message = _(
        "Fewer than %(k)s people have answered, so no figures are shown: the answers stay anonymous."
    ) % {"k": 3}
    assert escape(message) in body
    # The mean of 1 and 5, as a figure of its own (not inside a time or a file hash).
    assert not re.search(r">\s*3[,.]0\s*<", body)
