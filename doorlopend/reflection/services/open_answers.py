"""Open questions: a participant's short text answer, and the facilitator hiding one.

An answer is saved like a score: an upsert on (participant, question), so an autosave
racing the form's submit leaves one row. An empty answer removes the row (a participant
who clears the box takes the remark back). Hiding is for a remark that names someone:
reversible, and each hide and show is logged with who did it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doorlopend.instruments.definition import OPEN_MAX_LENGTH
from doorlopend.partnerships.models import Membership

from ..choices import State
from ..models import OpenAnswer, OpenAnswerEvent, Participant
from .participation import answers_save


def _clean(session, question_key: str, text: str) -> str:
    if session.state != State.OPEN:
        raise ValidationError(
            _("This session is closed: answers can no longer be changed.")
        )
    if session.instrument.definition.open_question(question_key) is None:
        raise ValidationError(_("This question is not part of the session."))
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > OPEN_MAX_LENGTH:
        raise ValidationError(
            _("Keep your answer to %(max)d characters; it is now %(length)d.")
            % {"max": OPEN_MAX_LENGTH, "length": len(text)}
        )
    return text


def open_answers_save(*, participant: Participant, texts: dict[str, str]) -> None:
    """Save the participant's answers to open questions; an empty text removes one."""
    session = participant.session
    cleaned = {key: _clean(session, key, text) for key, text in texts.items()}
    keep = [
        OpenAnswer(participant=participant, question_key=k, text=t)
        for k, t in cleaned.items()
        if t
    ]
    if keep:
        # `hidden` is not among the updated fields: an edit never un-hides an answer.
        OpenAnswer.objects.bulk_create(
            keep,
            update_conflicts=True,
            unique_fields=["participant", "question_key"],
            update_fields=["text"],
        )
    empty = [k for k, t in cleaned.items() if not t]
    if empty:
        OpenAnswer.objects.filter(
            participant=participant, question_key__in=empty
        ).delete()


def open_answer_save(*, participant: Participant, question_key: str, text: str) -> None:
    """One open answer, as the page autosaves it while the participant types."""
    open_answers_save(participant=participant, texts={question_key: text})


@transaction.atomic
def theme_answers_save(
    *, participant: Participant, values: dict[str, int], texts: dict[str, str]
) -> None:
    """A theme's form as a phone without JavaScript posts it: scores and open answers,
    all saved or none."""
    answers_save(participant=participant, values=values)
    open_answers_save(participant=participant, texts=texts)


@transaction.atomic
def open_answer_hide(*, answer: OpenAnswer, hidden: bool, by: Membership) -> OpenAnswer:
    """Hide an open answer from every output, or show it again; logged with who did it.

    Setting the state it already has changes and logs nothing (a double submit).
    """
    session = answer.participant.session
    if not by.has_perm("reflection.facilitate", session):
        raise PermissionDenied(_("You may not moderate this session's answers."))
    current = OpenAnswer.objects.select_for_update().get(pk=answer.pk)
    if current.hidden != hidden:
        current.hidden = hidden
        current.save(update_fields=["hidden"])
        OpenAnswerEvent.objects.create(
            answer=current,
            action=OpenAnswerEvent.Action.HIDDEN
            if hidden
            else OpenAnswerEvent.Action.SHOWN,
            by=by.user,
        )
    answer.hidden = current.hidden
    return answer
