"""Aggregation and the anonymity threshold: what a facilitator and every export may show."""

import pytest
from django_scopes import scopes_disabled

from ..choices import DONT_KNOW
from ..selectors.results import session_results, visible_groups
from .factories import AnswerFactory, ParticipantFactory, SessionFactory, answer_all


@pytest.fixture
def session(partnership):
    return SessionFactory(partnership=partnership)


def _results(session, **kwargs):
    with scopes_disabled():
        return session_results(session, **kwargs)


def test_mean_spread_and_distribution_leave_weet_niet_out(session):
    for value in (2, 4, 4, DONT_KNOW):
        AnswerFactory(participant=ParticipantFactory(session=session), value=value)
    question = _results(session).themes[0].questions[0]
    assert question.key == "visie-1"
    assert question.figures.distribution == {1: 0, 2: 1, 3: 0, 4: 2, 5: 0}
    assert question.figures.dont_know == 1
    assert question.figures.mean == pytest.approx(10 / 3)
    assert question.figures.spread == pytest.approx(0.9428, abs=1e-4)


def test_two_respondents_show_no_figures_anywhere(session):
    for value in (1, 5):
        answer_all(ParticipantFactory(session=session), value_for=lambda k, v=value: v)
    results = _results(session)
    assert results.suppressed
    assert results.joined == 2 and results.finished == 2
    assert all(t.figures.suppressed for t in results.themes)
    assert all(
        q.figures.suppressed and q.figures.mean is None for q in results.questions
    )
    assert results.disagreements == []


def test_a_question_answered_by_two_of_five_is_hidden(session):
    people = [ParticipantFactory(session=session) for _ in range(5)]
    for p in people:
        AnswerFactory(participant=p, question_key="relatie-1", value=3)
    for p in people[:2]:
        AnswerFactory(participant=p, question_key="visie-1", value=5)
    results = _results(session)
    by_key = {q.key: q for q in results.questions}
    assert not by_key["relatie-1"].figures.suppressed
    assert by_key["visie-1"].figures.suppressed


def test_a_small_sector_is_hidden_together_with_the_next_smallest(session):
    """Hiding mbo (2) alone would let vo = total − hbo − mbo reveal it: hide one more."""
    for sector, layer, n in (("vo", "uitvoering", 4), ("hbo", "uitvoering", 3)):
        for _ in range(n):
            answer_all(ParticipantFactory(session=session, sector=sector, layer=layer))
    for _ in range(2):  # the bestuur layer (2) is hidden as well: sectors show more
        answer_all(ParticipantFactory(session=session, sector="mbo", layer="bestuur"))
    results = _results(session)
    theme = results.themes[0]
    assert not theme.figures.suppressed
    assert theme.by_sector["vo"].suppressed is False
    assert theme.by_sector["mbo"].suppressed
    assert theme.by_sector["hbo"].suppressed
    assert results.sector_counts == {"vo": 4, "mbo": None, "hbo": None}
    assert results.breakdowns == ("sector",)
    assert results.layer_counts == {"bestuur": None, "uitvoering": None}


def test_visible_groups():
    assert visible_groups({"a": 5, "b": 4}, 3) == {"a", "b"}
    assert visible_groups({"a": 5, "b": 2}, 3) == set()
    assert visible_groups({"a": 5, "b": 2, "c": 1}, 3) == {"a"}
    assert visible_groups({"a": 5, "b": 4, "c": 1}, 3) == {"a"}


def test_threshold_never_below_three(session):
    for _ in range(2):
        answer_all(ParticipantFactory(session=session))
    assert _results(session, k=1).suppressed


def test_disagreement_ranks_the_widest_spread_first(session):
    scores = {
        "visie-1": (1, 5, 1, 5),
        "visie-2": (3, 3, 4, 4),
        "relatie-1": (2, 4, 2, 4),
    }
    people = [ParticipantFactory(session=session) for _ in range(4)]
    for key, values in scores.items():
        for person, value in zip(people, values, strict=True):
            AnswerFactory(participant=person, question_key=key, value=value)
    ranked = [q.key for q in _results(session).disagreements]
    assert ranked == ["visie-1", "relatie-1", "visie-2"]


def test_results_take_two_queries(session, django_assert_num_queries):
    for _ in range(10):
        answer_all(ParticipantFactory(session=session))
    with scopes_disabled(), django_assert_num_queries(2):
        session_results(session)
