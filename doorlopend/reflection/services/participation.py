"""Joining a session by code and saving answers: the hot path of a hall full of phones."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from ..choices import DONT_KNOW, Layer, Mode, Sector, State
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
    with transaction.atomic():
        participant = Participant.objects.create(
            session=session, sector=sector, layer=layer, token=secrets.token_hex(16)
        )
        answers_changed(session.pk)
    return participant


def answers_changed(session_id: int) -> None:
    """A new version of the session's live results (a join, or answers saved)."""
    with scopes_disabled():  # by primary key, from a service that holds the session
        Session.objects.filter(pk=session_id).update(
            answers_version=F("answers_version") + 1
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
    with transaction.atomic():
        Answer.objects.bulk_create(
            [answer],
            update_conflicts=True,
            unique_fields=["participant", "question_key"],
            update_fields=["value", "updated_at"],
        )
        answers_changed(session.pk)
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
    with transaction.atomic():
        Answer.objects.bulk_create(
            [
                Answer(participant=participant, question_key=k, value=v, updated_at=now)
                for k, v in values.items()
            ],
            update_conflicts=True,
            unique_fields=["participant", "question_key"],
            update_fields=["value", "updated_at"],
        )
        answers_changed(session.pk)


# A tapped answer on PostgreSQL: found, saved, counted and the session's version bumped
# in one statement. Nothing is written unless the cookie's token belongs to the session
# of the code, that session is open, scores, and still has the instrument checked.
_RECORD_SQL = """
WITH target AS (
    SELECT p.id FROM reflection_participant p
    JOIN reflection_session s ON s.id = p.session_id
    WHERE p.token = %(token)s AND s.id = %(session)s AND s.join_code = %(code)s
      AND s.state = %(open)s AND s.mode <> %(conversation)s
      AND s.instrument_id = %(instrument)s
), saved AS (
    INSERT INTO reflection_answer (participant_id, question_key, value, updated_at)
    SELECT id, %(key)s, %(value)s, %(now)s FROM target
    ON CONFLICT (participant_id, question_key)
    DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
    RETURNING participant_id
), bumped AS (
    UPDATE reflection_session SET answers_version = answers_version + 1
    WHERE id = %(session)s AND EXISTS (SELECT 1 FROM saved)
)
SELECT (SELECT count(*) FROM saved), (
    SELECT count(*) FROM reflection_answer
    WHERE participant_id = (SELECT participant_id FROM saved)
      AND question_key <> %(key)s
)
"""


def answer_record(
    *,
    session_id: int,
    instrument_id: int,
    code: str,
    token: str,
    question_key: str,
    value: int,
) -> int | None:
    """Save one tapped answer, already checked against the instrument: the lean path.

    How many questions the participant has now answered, or None when nothing was saved
    (no such participant in an open, scoring session of `code`): the caller then takes
    the full path, which says why. An upsert on (participant, question): a retry racing
    its original leaves one row. The count misses an answer to another question that
    commits while this statement runs (the next answer corrects it).
    """
    params = {
        "token": token,
        "session": session_id,
        "code": code,
        "open": State.OPEN,
        "conversation": Mode.GESPREK,
        "instrument": instrument_id,
        "key": question_key,
        "value": value,
        "now": timezone.now(),
    }
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_RECORD_SQL, params)
            saved, others = cursor.fetchone()
        return others + 1 if saved else None
    # Elsewhere (SQLite in development and tests) no write may sit in a WITH: the
    # same in four statements (a crash between them only delays the live results).
    with scopes_disabled():  # the token and session are the key
        participant = (
            Participant.objects.filter(
                token=token,
                session_id=session_id,
                session__join_code=code,
                session__state=State.OPEN,
                session__instrument_id=instrument_id,
            )
            .exclude(session__mode=Mode.GESPREK)
            .values_list("pk", flat=True)
            .first()
        )
        if participant is None:
            return None
        Answer.objects.bulk_create(
            [
                Answer(
                    participant_id=participant,
                    question_key=question_key,
                    value=value,
                    updated_at=params["now"],
                )
            ],
            update_conflicts=True,
            unique_fields=["participant", "question_key"],
            update_fields=["value", "updated_at"],
        )
        answers_changed(session_id)
        return Answer.objects.filter(participant_id=participant).count()


def answer_valid(definition, question_key: str, value: int) -> bool:
    """Whether `value` answers `question_key` of `definition` (no message: see
    `answer_save` for the refusals a participant reads)."""
    if definition.theme_of(question_key) is None:
        return False
    return value == DONT_KNOW or value in definition.scale.values
