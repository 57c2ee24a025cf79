"""A page's counts in one query (core.facts), kept for the rest of a GET request
(core.request_memo), never across a request that may write."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django_scopes import scope

from doorlopend.core.facts import any_of, ask, how_many
from doorlopend.core.request_memo import RequestMemoMiddleware

from ..models import Organisation
from ..selectors import partnership_summary, summary_questions
from .factories import InvitationFactory, OrganisationFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def _questions(partnership) -> dict:
    schools = Organisation.objects.filter(partnership=partnership, kind="vo")
    return {
        "schools": how_many(schools),
        "any_mbo": any_of(lambda: schools.model.objects.filter(kind="mbo")),
        **summary_questions(partnership=partnership),
    }


def test_every_question_is_answered_in_one_query(
    partnership, other_partnership, django_assert_num_queries
):
    for _n in range(3):
        SchoolFactory(partnership=partnership, kind="vo")
    OrganisationFactory(partnership=partnership, kind="gemeente")
    SchoolFactory(partnership=other_partnership, kind="mbo")
    InvitationFactory(partnership=partnership)
    with scope(partnership=partnership), django_assert_num_queries(1):
        answers = ask(_questions(partnership))
    assert answers["schools"] == 3
    assert answers["partnerships.organisations"] == 4
    assert answers["partnerships.invitations_pending"] == 1
    # Another partnership's mbo school is not this partnership's.
    assert answers["any_mbo"] is False


def _view_asking_twice(partnership):
    def view(request):
        with scope(partnership=partnership):
            ask(summary_questions(partnership=partnership))
            summary = partnership_summary(partnership=partnership)
        return HttpResponse(str(summary["organisation_count"]))

    return view


def test_a_get_request_asks_a_question_once(partnership, django_assert_num_queries):
    SchoolFactory(partnership=partnership)
    handler = RequestMemoMiddleware(_view_asking_twice(partnership))
    with django_assert_num_queries(1):
        response = handler(RequestFactory().get("/"))
    assert response.content == b"1"


def test_a_post_request_asks_afresh(partnership, django_assert_num_queries):
    """A request that may write gets no memo: it never reads an answer from before its
    own change."""
    SchoolFactory(partnership=partnership)
    handler = RequestMemoMiddleware(_view_asking_twice(partnership))
    with django_assert_num_queries(2):
        response = handler(RequestFactory().post("/"))
    assert response.content == b"1"
