"""Writes of the handover: the receiving school's first read, "besproken in het
intakegesprek", and the questions to the vo mentor with their answers.

Each takes the school already checked by the view (`dossier.receive` for the receiving
side, `dossier.write` for the sending side) and finds the dossier only through the
handover rule of `selectors.handover`, so a write can never reach a pupil the school may
not read. A double submit saves once.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doorlopend.audit.models import Action
from doorlopend.partnerships.models import Membership, Organisation
from doorlopend.transitions.selectors._audit import log_pupils
from doorlopend.transitions.services.history import dossier_received_record

from ..models import Handover, HandoverQuestion
from ..selectors.handover import Incoming

QUESTION_MAX = 2000
# The same text from the same person within this time is one submit, not two questions.
DOUBLE_SUBMIT = datetime.timedelta(minutes=2)


def _handover(incoming: Incoming, school: Organisation) -> Handover:
    if incoming.handover is not None:
        return incoming.handover
    handover, _created = Handover.objects.get_or_create(
        dossier=incoming.dossier,
        receiving_organisation=school,
        defaults={"partnership_id": incoming.dossier.partnership_id},
    )
    incoming.handover = handover
    return handover


@transaction.atomic
def handover_read_record(
    *, incoming: Incoming, school: Organisation, by: Membership
) -> Handover | None:
    """The receiving school read the dossier's parts: the first read is kept (when, by
    whom) and the monitor's status becomes "doorstroomdossier ontvangen" where the
    registration had not gone further; later reads change nothing here (the access log has
    each). A dossier kept elsewhere has nothing to read: no handover row."""
    if not incoming.parts:
        return None
    handover = _handover(incoming, school)
    if handover.first_read_at is None:
        handover.first_read_at = timezone.now()
        handover.first_read_by = by.user
        handover.save(update_fields=["first_read_at", "first_read_by"])
        dossier_received_record(
            transition=incoming.transition,
            on=timezone.localdate(handover.first_read_at),
            by=by,
        )
    return handover


@transaction.atomic
def handover_discussed(
    *,
    incoming: Incoming,
    school: Organisation,
    by: Membership,
    request: HttpRequest | None = None,
) -> Handover:
    """ "Besproken in het intakegesprek": once; a second submit changes nothing."""
    if not incoming.parts:
        raise ValidationError(_("There is nothing in this dossier to discuss yet."))
    handover = handover_read_record(incoming=incoming, school=school, by=by)
    if handover.discussed_at is None:
        handover.discussed_at = timezone.now()
        handover.discussed_by = by.user
        handover.save(update_fields=["discussed_at", "discussed_by"])
        log_pupils(
            viewer=by,
            action=Action.UPDATE,
            pupils=[incoming.pupil],
            purpose=gettext_lazy(
                "doorstroomdossier: discussed in the intake interview"
            ),
            school=school,
            request=request,
        )
    return handover


def _text(value: str, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError({field: _("Write your text first.")})
    if len(text) > QUESTION_MAX:
        raise ValidationError(
            {field: _("Keep it under %(max)s characters.") % {"max": QUESTION_MAX}}
        )
    return text


@transaction.atomic
def handover_question_ask(
    *,
    incoming: Incoming,
    school: Organisation,
    by: Membership,
    text: str,
    request: HttpRequest | None = None,
) -> HandoverQuestion:
    """A question from the receiving school to the vo mentor (encrypted). The same text
    sent again within two minutes is the same question."""
    text = _text(text, "question")
    if not incoming.parts and not incoming.handed_on:
        raise ValidationError(_("This dossier has not been handed to your school."))
    handover = _handover(incoming, school)
    recent = HandoverQuestion.objects.filter(
        handover=handover,
        asked_by=by.user,
        asked_at__gte=timezone.now() - DOUBLE_SUBMIT,
    )
    for earlier in recent:
        if earlier.question == text:
            return earlier
    question = HandoverQuestion(
        partnership_id=handover.partnership_id,
        handover=handover,
        question=text,
        asked_by=by.user,
    )
    question.full_clean()
    question.save()
    log_pupils(
        viewer=by,
        action=Action.CREATE,
        pupils=[incoming.pupil],
        purpose=gettext_lazy("doorstroomdossier: question to the vo school"),
        school=school,
        request=request,
    )
    return question


@transaction.atomic
def handover_question_answer(
    *,
    question: HandoverQuestion,
    school: Organisation,
    by: Membership,
    text: str,
    request: HttpRequest | None = None,
) -> HandoverQuestion:
    """The vo school's answer (encrypted), once: an answered question keeps its answer
    (the same answer submitted again changes nothing)."""
    text = _text(text, "answer")
    question = HandoverQuestion.objects.select_for_update().get(pk=question.pk)
    if question.answered_at:
        if question.answer == text:
            return question
        raise ValidationError({"answer": _("This question has been answered already.")})
    question.answer = text
    question.answered_at = timezone.now()
    question.answered_by = by.user
    question.save(update_fields=["answer", "answered_at", "answered_by"])
    log_pupils(
        viewer=by,
        action=Action.UPDATE,
        pupils=[question.handover.dossier.transition.pupil],
        purpose=gettext_lazy("doorstroomdossier: answer to the receiving school"),
        school=school,
        request=request,
    )
    return question


def handover_texts_erase(pupils: QuerySet) -> None:
    """Erasure on request (`transitions.services.erasure`): the questions and answers
    about the pupils' dossiers are cleared with the rest of their data."""
    HandoverQuestion.objects.filter(
        handover__dossier__transition__pupil__in=pupils
    ).update(question="", answer="")
