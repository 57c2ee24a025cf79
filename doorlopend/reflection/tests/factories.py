"""Factories for reflection tests; they create inside `scopes_disabled()` like the others."""

import datetime
import secrets

import factory

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.partnerships.tests.factories import (
    PartnershipFactory,
    ScopesDisabledFactory,
)

from ..choices import Layer, Sector, State
from ..models import ActionPoint, Answer, OpenAnswer, Participant, Report, Session
from ..services.participation import answers_changed
from ..services.sessions import CODE_ALPHABET, CODE_LENGTH


def instrument(key: str = "reflectietool") -> InstrumentVersion:
    """The newest stored version of a shipped instrument (migrate loads the data files)."""
    return InstrumentVersion.objects.filter(key=key).order_by("-version").first()


def _code(n: int) -> str:
    """The n-th join code: distinct, and made of the real code alphabet."""
    digits = []
    for _ in range(CODE_LENGTH):
        n, d = divmod(n, len(CODE_ALPHABET))
        digits.append(CODE_ALPHABET[d])
    return "".join(reversed(digits))


class SessionFactory(ScopesDisabledFactory):
    class Meta:
        model = Session

    partnership = factory.SubFactory(PartnershipFactory)
    instrument = factory.LazyFunction(instrument)
    title = factory.Sequence(lambda n: f"Reflectie {n}")
    date = factory.LazyFunction(datetime.date.today)
    state = State.OPEN
    join_code = factory.Sequence(lambda n: _code(n))


class _AnswersChange(ScopesDisabledFactory):
    """Made as the services make them: the session's live results have a new version."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        made = super()._create(model_class, *args, **kwargs)
        participant = made if model_class is Participant else made.participant
        answers_changed(participant.session_id)
        return made


class ParticipantFactory(_AnswersChange):
    class Meta:
        model = Participant

    session = factory.SubFactory(SessionFactory)
    token = factory.LazyFunction(lambda: secrets.token_hex(16))
    sector = Sector.VO
    layer = Layer.UITVOERING


class AnswerFactory(_AnswersChange):
    class Meta:
        model = Answer

    participant = factory.SubFactory(ParticipantFactory)
    question_key = "visie-1"
    value = 4


class OpenAnswerFactory(ScopesDisabledFactory):
    class Meta:
        model = OpenAnswer

    participant = factory.SubFactory(ParticipantFactory)
    question_key = "behoefte-open"
    text = factory.Sequence(lambda n: f"Open antwoord {n}")


class ActionPointFactory(ScopesDisabledFactory):
    class Meta:
        model = ActionPoint

    session = factory.SubFactory(SessionFactory)
    partnership = factory.SelfAttribute("session.partnership")
    title = factory.Sequence(lambda n: f"Actiepunt {n}")


def answer_all(participant: Participant, value_for=lambda key: 4) -> None:
    """Let `participant` answer every question of their session's instrument."""
    from django_scopes import scopes_disabled

    with scopes_disabled():
        Answer.objects.bulk_create(
            Answer(participant=participant, question_key=q.key, value=value_for(q.key))
            for q in participant.session.instrument.definition.questions
        )
    answers_changed(participant.session_id)


class ReportFactory(ScopesDisabledFactory):
    class Meta:
        model = Report

    session = factory.SubFactory(SessionFactory)
