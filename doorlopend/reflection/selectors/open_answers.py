"""The answers to a session's open questions, as anyone but their writer may see them.

Without attribution: no participant, sector or layer, and no time (none is stored); in
the order of the text, which says nothing about who answered or when. Under the
engine's rule (`results.min_group`, k ≥ 3): nothing while fewer than k people scored
the session, and a question's answers only while at least k of them are shown. Hidden
answers are in no output; only the facilitator's page lists them, to show them again.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime

from django.db.models import Count

from ..models import Answer, OpenAnswer, OpenAnswerEvent, Session
from .results import min_group


@dataclass(frozen=True)
class OpenItem:
    pk: int
    text: str
    # A hidden answer: who hid it and when (the log), for the facilitator only.
    hidden_by: str = ""
    hidden_at: datetime | None = None


@dataclass
class OpenQuestionAnswers:
    key: str
    text: str
    theme_title: str
    shown: list[OpenItem] = field(default_factory=list)
    # Only for the facilitator, to show one again; empty while the question is hidden
    # under k as a whole.
    hidden: list[OpenItem] = field(default_factory=list)

    @property
    def suppressed(self) -> bool:
        return not self.shown


def session_respondents(*, session: Session) -> int:
    """People who scored at least one question: the group the rule counts."""
    return (
        Answer.objects.filter(participant__session=session)
        .aggregate(n=Count("participant", distinct=True))
        .get("n")
        or 0
    )


def _order(item: OpenItem) -> tuple[str, str]:
    return (item.text.casefold(), item.text)


def _add_who_hid(per_question: dict) -> None:
    """Who hid each hidden answer, from the log; one query, only if any is hidden."""
    hidden = [i.pk for found in per_question.values() for i in found[True]]
    if not hidden:
        return
    last = {}
    for event in (
        OpenAnswerEvent.objects.filter(
            answer__in=hidden, action=OpenAnswerEvent.Action.HIDDEN
        )
        .select_related("by")
        .order_by("at", "pk")
    ):
        last[event.answer_id] = event
    for found in per_question.values():
        found[True] = [
            replace(i, hidden_by=str(last[i.pk].by or ""), hidden_at=last[i.pk].at)
            if i.pk in last
            else i
            for i in found[True]
        ]


def open_answers(
    *, session: Session, respondents: int | None = None, k: int | None = None
) -> list[OpenQuestionAnswers]:
    """Per open question of the session, what may be shown; one or two queries."""
    definition = session.instrument.definition
    if not definition.open_questions:
        return []
    k = max(3, k) if k is not None else min_group()
    if respondents is None:
        respondents = session_respondents(session=session)
    per_question: dict[str, dict[bool, list[OpenItem]]] = defaultdict(
        lambda: {True: [], False: []}
    )
    if respondents >= k:
        for pk, key, text, hidden in OpenAnswer.objects.filter(
            participant__session=session
        ).values_list("pk", "question_key", "text", "hidden"):
            per_question[key][hidden].append(OpenItem(pk, text))
        _add_who_hid(per_question)
    result = []
    for theme in definition.themes:
        for question in theme.open_questions:
            found = per_question.get(question.key, {True: [], False: []})
            shown, hidden = found[False], found[True]
            enough_written = len(shown) + len(hidden) >= k
            result.append(
                OpenQuestionAnswers(
                    key=question.key,
                    text=question.text,
                    theme_title=theme.title,
                    shown=sorted(shown, key=_order) if len(shown) >= k else [],
                    hidden=sorted(hidden, key=_order) if enough_written else [],
                )
            )
    return result
