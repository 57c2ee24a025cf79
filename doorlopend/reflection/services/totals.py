"""The per-question sums of closed sessions (`QuestionTotal`): made and dropped.

Only a closed session has sums: they are made when it closes, or the first time figures
ask for a closed session that has none (the demo's sessions, data from before the sums);
reopening drops them. A session without answers has none, and making them again is
one cheap query.
"""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from ..choices import DONT_KNOW, State
from ..models import Answer, QuestionTotal, Session


def question_totals_fill(*, sessions: QuerySet[Session]) -> int:
    """Sum the answers of those `sessions` that are closed and have no sums yet, in one
    grouped query; returns how many rows were made. The caller holds the scope (or,
    for the national figures, has lifted it)."""
    missing = sessions.filter(state=State.CLOSED).exclude(
        Exists(QuestionTotal.objects.filter(session=OuterRef("pk")))
    )
    rows = (
        Answer.objects.filter(participant__session__in=missing)
        .values("participant__session_id", "question_key")
        .annotate(
            n=Count("id"),
            scored=Count("id", filter=~Q(value=DONT_KNOW)),
            total=Sum("value"),
        )
        .order_by()
    )
    made = QuestionTotal.objects.bulk_create(
        [
            QuestionTotal(
                session_id=r["participant__session_id"],
                question_key=r["question_key"],
                answers=r["n"],
                scored=r["scored"],
                total=r["total"] or 0,
            )
            for r in rows
        ],
        batch_size=2000,
        ignore_conflicts=True,  # two requests filling at once: the sums are the same
    )
    return len(made)


def question_totals_drop(*, session: Session) -> None:
    """A reopened session takes answers again: its sums would be stale."""
    # By the session's own key: the session already passed the guard.
    QuestionTotal._base_manager.filter(session=session).delete()
