"""Joining a session by code and saving answers: the hot path of a hall full of phones."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ..choices import DONT_KNOW, Layer, Sector, State
from ..models import Answer, Participant, Session
from .sessions import CODE_ALPHABET, CODE_LENGTH


class JoinError(Exception):
    """Why a code does not lead into a session; `message` is shown to the participant."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code  # "unknown", "not_open", "closed"


def join_code_normalise(raw: str) -> str:
    """Upper-case, without spaces or dashes: "ab3 -d7k" → "AB3D7K"."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def join_code_plausible(code: str) -> bool:
    return len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code)


def participant_join(*, session: Session, sector: str, layer: str = "") -> Participant:
    """A new anonymous participant: sector and layer (or the kind of party alone, where
    the instrument asks no layer), and a token for their cookie."""
    if session.state != State.OPEN:
        raise ValidationError(_("This session is not open."))
    _refuse_in_conversation(session)
    errors = {}
    asks_layer = session.instrument.definition.ask_layer
    if sector not in Sector.values:
        errors["sector"] = (
            _("Choose the sector you work in.")
            if asks_layer
            else _("Choose the kind of party you speak for.")
        )
    if not asks_layer:
        layer = ""  # only the kind of party: nothing more to narrow a person down
    elif layer not in Layer.values:
        errors["layer"] = _("Choose the layer you work in.")
    if errors:
        raise ValidationError(errors)
    return Participant.objects.create(
        session=session, sector=sector, layer=layer, token=secrets.token_hex(16)
    )


def _refuse_in_conversation(session: Session) -> None:
    if session.is_conversation:
        raise ValidationError(
            _("In an open conversation nobody scores: the questions are a guide.")
        )


def _check_value(session: Session, question_key: str, value: int) -> None:
    _refuse_in_conversation(session)
    definition = session.instrument.definition
    if definition.theme_of(question_key) is None:
        raise ValidationError(_("This question is not part of the session."))
    if value != DONT_KNOW and value not in definition.scale.values:
        raise ValidationError(_("Choose one of the answers."))


def answer_save(*, participant: Participant, question_key: str, value: int) -> Answer:
    """Save or change one answer in one statement; a repeated tap never counts twice.

    An upsert on (participant, question) instead of read-then-write: two requests from
    one phone racing each other (a retry after a lost connection) leave one row.
    """
    session = participant.session
    if session.state != State.OPEN:
        raise ValidationError(
            _("This session is closed: answers can no longer be changed.")
        )
    _check_value(session, question_key, value)
    answer = Answer(
        participant=participant,
        question_key=question_key,
        value=value,
        updated_at=timezone.now(),
    )
    Answer.objects.bulk_create(
        [answer],
        update_conflicts=True,
        unique_fields=["participant", "question_key"],
        update_fields=["value", "updated_at"],
    )
    return answer


def answers_save(*, participant: Participant, values: dict[str, int]) -> None:
    """Several answers at once: the no-JavaScript form posts a whole theme."""
    session = participant.session
    if session.state != State.OPEN:
        raise ValidationError(
            _("This session is closed: answers can no longer be changed.")
        )
    for key, value in values.items():
        _check_value(session, key, value)
    now = timezone.now()
    Answer.objects.bulk_create(
        [
            Answer(participant=participant, question_key=k, value=v, updated_at=now)
            for k, v in values.items()
        ],
        update_conflicts=True,
        unique_fields=["participant", "question_key"],
        update_fields=["value", "updated_at"],
    )
