"""Session life cycle, join codes, answers and action points: the rules the views rely on."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.partnerships.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
)

from .. import services
from ..choices import DONT_KNOW, Phase, State
from ..models import Answer, Session
from ..services.participation import join_code_plausible
from ..services.sessions import CODE_ALPHABET, join_code_generate
from .factories import ParticipantFactory, SessionFactory, instrument


@pytest.fixture
def session(partnership):
    return SessionFactory(partnership=partnership)


def test_join_codes_avoid_look_alike_characters():
    codes = {join_code_generate() for _ in range(500)}
    assert len(codes) == 500
    assert all(len(c) == 6 and join_code_plausible(c) for c in codes)
    assert not set("".join(codes)) & set("0O1IL2Z5S8B")
    assert set("".join(codes)) <= set(CODE_ALPHABET)


def test_join_code_is_normalised():
    assert services.join_code_normalise(" ac3-d7k ") == "AC3D7K"


@pytest.mark.django_db
def test_create_starts_in_concept_and_freezes_the_instrument_version(
    partnership, django_user_model
):
    with scope(partnership=partnership):
        session = services.session_create(
            partnership=partnership,
            instrument=instrument(),
            title=" Reflectie voorjaar ",
            date=datetime.date(2026, 3, 1),
            by=None,
        )
    assert session.state == State.CONCEPT
    assert session.title == "Reflectie voorjaar"
    assert join_code_plausible(session.join_code)
    assert (
        InstrumentVersion.objects.get(pk=session.instrument_id).first_used_at
        is not None
    )


@pytest.mark.django_db
def test_two_usable_sessions_cannot_share_a_code(partnership, other_partnership):
    SessionFactory(partnership=partnership, join_code="ACDEFG")
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionFactory(partnership=other_partnership, join_code="ACDEFG")
    # A closed session frees its code.
    SessionFactory(
        partnership=other_partnership, join_code="ACDEFG", state=State.CLOSED
    )


@pytest.mark.django_db
def test_open_close_reopen_keeps_answers(session):
    session.state = State.CONCEPT
    with scopes_disabled():
        services.session_open(session=session)
        assert session.state == State.OPEN and session.phase == Phase.UITLEG
        participant = services.participant_join(
            session=session, sector="vo", layer="bestuur"
        )
        services.answer_save(participant=participant, question_key="visie-1", value=4)
        services.session_close(session=session)
        with pytest.raises(ValidationError) as info:
            services.answer_save(
                participant=participant, question_key="visie-1", value=2
            )
        assert info.value.messages == [
            _("This session is closed: answers can no longer be changed.")
        ]
        services.session_reopen(session=session)
        assert session.state == State.OPEN
        assert Answer.objects.get(participant=participant).value == 4


@pytest.mark.django_db
def test_reopening_draws_a_new_code_when_another_session_took_it(
    partnership, other_partnership
):
    closed = SessionFactory(
        partnership=partnership, join_code="ACDEFG", state=State.CLOSED
    )
    SessionFactory(partnership=other_partnership, join_code="ACDEFG")
    with scopes_disabled():
        services.session_reopen(session=closed)
    assert closed.join_code != "ACDEFG"
    assert closed.state == State.OPEN


@pytest.mark.django_db
def test_only_a_closed_session_reopens_and_only_an_open_one_closes(session):
    with scopes_disabled():
        with pytest.raises(ValidationError):
            services.session_reopen(session=session)
        services.session_close(session=session)
        with pytest.raises(ValidationError):
            services.session_close(session=session)


@pytest.mark.django_db
def test_an_answer_is_stored_once_however_often_it_is_sent(session):
    participant = ParticipantFactory(session=session)
    with scopes_disabled():
        for value in (3, 3, 5, DONT_KNOW):
            services.answer_save(
                participant=participant, question_key="relatie-2", value=value
            )
        assert list(Answer.objects.values_list("question_key", "value")) == [
            ("relatie-2", DONT_KNOW)
        ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "value"), [("nope-1", 3), ("visie-1", 6), ("visie-1", 9)]
)
def test_answers_outside_the_instrument_are_refused(session, key, value):
    participant = ParticipantFactory(session=session)
    with scopes_disabled(), pytest.raises(ValidationError):
        services.answer_save(participant=participant, question_key=key, value=value)
    with scopes_disabled():
        assert not Answer.objects.exists()


@pytest.mark.django_db
def test_joining_needs_an_open_session_and_a_known_sector_and_layer(session):
    with scopes_disabled():
        with pytest.raises(ValidationError) as info:
            services.participant_join(session=session, sector="school", layer="")
        assert set(info.value.message_dict) == {"sector", "layer"}
        session.state = State.CONCEPT
        with pytest.raises(ValidationError):
            services.participant_join(session=session, sector="vo", layer="bestuur")


@pytest.mark.django_db
def test_a_session_people_took_part_in_cannot_be_deleted(session):
    ParticipantFactory(session=session)
    with scopes_disabled():
        with pytest.raises(ValidationError):
            services.session_delete(session=session)
        assert Session.objects.filter(pk=session.pk).exists()


@pytest.mark.django_db
def test_action_point_owner_must_belong_to_the_partnership(session, other_partnership):
    stranger = MembershipFactory(partnership=other_partnership)
    foreign_school = OrganisationFactory(partnership=other_partnership)
    with scopes_disabled():
        with pytest.raises(ValidationError) as info:
            services.action_point_create(
                session=session,
                title="Bustour mbo",
                owner_member=stranger,
                owner_organisation=foreign_school,
                theme_key="geen-thema",
                by=None,
            )
        assert set(info.value.message_dict) == {
            "owner_member",
            "owner_organisation",
            "theme_key",
        }
        point = services.action_point_create(
            session=session, title="Bustour mbo", theme_key="inspiratie", by=None
        )
    assert point.partnership == session.partnership


@pytest.mark.django_db
def test_action_points_outlive_their_session(session):
    with scopes_disabled():
        point = services.action_point_create(
            session=session, title="Visie op de agenda", by=None
        )
        Session.objects.filter(pk=session.pk).delete()
        point.refresh_from_db()
    assert point.session is None and point.title == "Visie op de agenda"


@pytest.mark.django_db
def test_theme_note_is_one_per_theme(session):
    with scopes_disabled():
        services.theme_note_save(
            session=session, theme_key="relatie", text="eerste", by=None
        )
        note = services.theme_note_save(
            session=session, theme_key="relatie", text="tweede", by=None
        )
        assert session.notes.count() == 1 and note.text == "tweede"
        with pytest.raises(ValidationError):
            services.theme_note_save(
                session=session, theme_key="onbekend", text="x", by=None
            )


@pytest.mark.django_db
def test_closing_sums_the_answers_per_question_and_reopening_drops_the_sums(session):
    session.state = State.CONCEPT
    with scopes_disabled():
        services.session_open(session=session)
        for value in (4, 2, DONT_KNOW):
            participant = services.participant_join(
                session=session, sector="vo", layer="bestuur"
            )
            services.answer_save(
                participant=participant, question_key="visie-1", value=value
            )
        services.session_close(session=session)
        [sums] = session.question_totals.all()
        assert (sums.question_key, sums.answers, sums.scored, sums.total) == (
            "visie-1",
            3,
            2,
            6,
        )
        services.session_reopen(session=session)
        assert not session.question_totals.exists()
