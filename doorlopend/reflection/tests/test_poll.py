"""The opening poll: run as a session, its result on the beamer, hidden under three."""

import pytest
from django.urls import reverse

from .factories import ParticipantFactory, SessionFactory, answer_all, instrument


def _poll_with(partnership, answers: list[int]):
    session = SessionFactory(
        partnership=partnership,
        instrument=instrument("peiling-doorlopend-leren"),
        phase="bespreken",
    )
    for value in answers:
        answer_all(ParticipantFactory(session=session), lambda key, v=value: v)
    return session


def _beamer(client, session) -> str:
    url = reverse(
        "reflection:session_presenter", args=[session.partnership.slug, session.pk]
    )
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_the_poll_result_is_on_the_beamer(partnership, client_for):
    session = _poll_with(partnership, [2, 2, 1, 2])
    body = _beamer(client_for("werkgroeplid"), session)
    assert "LOB is de kern bij doorlopend leren." in body
    assert "eens: <strong>3</strong>" in body
    assert "oneens: <strong>1</strong>" in body


@pytest.mark.django_db
def test_a_poll_of_two_shows_no_count(partnership, client_for):
    session = _poll_with(partnership, [2, 1])
    body = _beamer(client_for("werkgroeplid"), session)
    assert "te weinig deelnemers" in body
    assert "eens: <strong>" not in body


@pytest.mark.django_db
def test_a_poll_session_is_started_from_the_session_form(partnership, client_for):
    client = client_for("coordinator")
    response = client.post(
        reverse("reflection:session_create", args=[partnership.slug]),
        {
            "instrument": instrument("peiling-doorlopend-leren").pk,
            "title": "Opening werkgroep",
            "date": "2026-12-10",
            "mode": "scoren",
        },
    )
    assert response.status_code == 302
    page = client.get(response.url + "?tab=uitleg")
    assert "Opening werkgroep" in page.content.decode()


@pytest.mark.django_db
def test_a_polls_legend_names_its_points_in_the_colours_of_its_bars():
    from ..templatetags.reflection import scale_legend

    poll = instrument("peiling-doorlopend-leren").definition
    legend = scale_legend(poll.scale)
    assert [(s.label, s.tone) for s in legend] == [
        ("oneens", "1"),
        ("eens", "5"),
        ("weet niet", "dk"),
    ]
    assert [s.tone for s in scale_legend(instrument("lob-scan").definition.scale)] == [
        "1",
        "2",
        "3",
        "4",
        "5",
        "dk",
    ]
