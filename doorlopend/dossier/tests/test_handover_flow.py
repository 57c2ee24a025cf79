"""Besproken, a question and its answer: what the vo school hears back."""

import pytest
from django.db import connection
from django_scopes import scopes_disabled

from doorlopend.dossier.models import Handover, HandoverQuestion

from .handover_helpers import handed, world  # noqa: F401

pytestmark = pytest.mark.django_db


def vo_detail(handed):  # noqa: F811
    w = handed.world
    return handed.url("dossier_detail", w.fatima_transition.pk, school=w.vo_a)


def vo_list(handed):  # noqa: F811
    return handed.url("dossier_list", school=handed.world.vo_a)


def test_the_vo_school_sees_sent_read_and_discussed(handed):  # noqa: F811
    w = handed.world
    vo = handed.client(w.decaan_a)
    before = vo.get(vo_list(handed)).content.decode()
    assert "besproken" not in before and w.mbo.name in before
    intake = handed.client(handed.intake)
    intake.get(handed.detail)
    page = vo.get(vo_detail(handed)).content.decode()
    assert "first read on" in page or "voor het eerst gelezen op" in page
    discussed = handed.url("incoming_discussed", w.fatima_transition.pk)
    assert intake.post(discussed).status_code == 302
    assert intake.post(discussed).status_code == 302  # a double submit
    with scopes_disabled():
        handover = Handover.objects.get()
    assert handover.discussed_at is not None
    assert handover.discussed_by == handed.intake
    assert "besproken" in vo.get(vo_list(handed)).content.decode()


def test_a_question_goes_to_the_vo_school_and_comes_back_answered(handed):  # noqa: F811
    w = handed.world
    intake = handed.client(handed.intake)
    ask = handed.url("incoming_question", w.fatima_transition.pk)
    text = "Heeft Fatima extra tijd nodig bij toetsen?"
    assert intake.post(ask, {"question": text}).status_code == 302
    assert intake.post(ask, {"question": text}).status_code == 302  # double submit
    with scopes_disabled():
        question = HandoverQuestion.objects.get()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT question FROM dossier_handoverquestion WHERE id = %s", [question.pk]
        )
        (raw,) = cursor.fetchone()
    assert raw and "Fatima" not in raw  # encrypted at rest
    mentor = handed.client(w.mentor_a)
    assert text in mentor.get(vo_detail(handed)).content.decode()
    answer = handed.url(
        "question_answer", w.fatima_transition.pk, question.pk, school=w.vo_a
    )
    assert mentor.post(answer, {"answer": "Ja, een kwartier."}).status_code == 302
    assert "Ja, een kwartier." in intake.get(handed.detail).content.decode()


def test_an_empty_question_is_refused_with_a_message(handed):  # noqa: F811
    w = handed.world
    ask = handed.url("incoming_question", w.fatima_transition.pk)
    response = handed.client(handed.intake).post(ask, {"question": "  "})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Write your question first." in page or "Schrijf eerst je vraag." in page
    with scopes_disabled():
        assert not HandoverQuestion.objects.exists()


def test_another_vo_school_cannot_answer(handed, member_of):  # noqa: F811
    w = handed.world
    handed.client(handed.intake).post(
        handed.url("incoming_question", w.fatima_transition.pk), {"question": "Vraag"}
    )
    with scopes_disabled():
        question = HandoverQuestion.objects.get()
    decaan_b = member_of(w.partnership, "decaan", organisation=w.vo_b)
    url = handed.url(
        "question_answer", w.fatima_transition.pk, question.pk, school=w.vo_b
    )
    assert handed.client(decaan_b).post(url, {"answer": "x"}).status_code == 404
    # The receiving school's intake cannot answer its own question as the vo school.
    url_a = handed.url(
        "question_answer", w.fatima_transition.pk, question.pk, school=w.vo_a
    )
    assert handed.client(handed.intake).post(url_a, {"answer": "x"}).status_code == 403
    with scopes_disabled():
        assert not HandoverQuestion.objects.get().answered_at


def test_intake_cannot_post_for_an_unregistered_pupil(handed):  # noqa: F811
    w = handed.world
    with scopes_disabled():
        chris = w.chris.transitions.get()
    url = handed.url("incoming_discussed", chris.pk)
    assert handed.client(handed.intake).post(url).status_code == 404


def test_erasure_clears_the_questions_and_inspection_shows_them(handed):  # noqa: F811
    from doorlopend.dossier.inspection_handover import handover_inspection
    from doorlopend.transitions.models import Pupil
    from doorlopend.transitions.services.erasure import pupils_erase

    w = handed.world
    handed.client(handed.intake).post(
        handed.url("incoming_question", w.fatima_transition.pk),
        {"question": "Welke stage?"},
    )
    with scopes_disabled():
        shown = handover_inspection([w.fatima_transition])
        assert shown[0]["receiving_school"] == w.mbo.name
        assert shown[0]["questions"][0]["question"] == "Welke stage?"
        pupils_erase(
            pupils=Pupil.objects.filter(pk=w.fatima.pk),
            by=None,
            purpose="verzoek",
            partnership=w.partnership,
        )
        assert HandoverQuestion.objects.get().question == ""
