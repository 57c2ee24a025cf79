"""Reads of the reflection module."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Partnership

from .choices import State
from .models import ActionPoint, Answer, Participant, Session


def session_list(*, partnership: Partnership) -> QuerySet[Session]:
    """The partnership's sessions, newest first, with their participant counts."""
    return (
        Session.objects.filter(partnership=partnership)
        .select_related("instrument")
        .annotate(participant_count=Count("participants", distinct=True))
    )


def session_for_code(code: str) -> Session | None:
    """The session a participant's code leads to (open or in concept), or None.

    Participants have no account and no partnership yet: the code is the only key, so this
    lookup runs before any scope exists — the one place outside the guard that does.
    """
    with scopes_disabled():
        return (
            Session.objects.select_related("instrument", "partnership")
            .filter(join_code=code)
            .exclude(state=State.CLOSED)
            .first()
        )


def participant_for_token(*, session: Session, token: str) -> Participant | None:
    """The participant whose cookie holds `token`, only within `session`."""
    if not token:
        return None
    with scopes_disabled():  # the session (and so the partnership) is already fixed
        participant = Participant.objects.filter(session=session, token=token).first()
    if participant is not None:
        participant.session = session  # spare a query on every answer
    return participant


def participant_answers(*, participant: Participant) -> dict[str, int]:
    """question key → value, for showing a returning participant what they chose."""
    with scopes_disabled():  # filtered by the participant, who belongs to one session
        return dict(
            Answer.objects.filter(participant=participant).values_list(
                "question_key", "value"
            )
        )


def action_point_list(
    *, partnership: Partnership, session: Session | None = None
) -> QuerySet[ActionPoint]:
    qs = ActionPoint.objects.filter(partnership=partnership).select_related(
        "session", "owner_member__user", "owner_organisation"
    )
    if session is not None:
        qs = qs.filter(session=session)
    return qs


def previous_session(*, session: Session) -> Session | None:
    """The partnership's last closed session of the same instrument before this one."""
    return (
        Session.objects.filter(
            partnership=session.partnership,
            instrument__key=session.instrument.key,
            state=State.CLOSED,
        )
        .filter(Q(date__lt=session.date) | Q(date=session.date, pk__lt=session.pk))
        .select_related("instrument")
        .order_by("-date", "-pk")
        .first()
    )


def trend_sessions(
    *, partnership: Partnership, instrument_key: str
) -> QuerySet[Session]:
    """Closed sessions of one instrument, oldest first: the points of a trend line."""
    return (
        Session.objects.filter(
            partnership=partnership, instrument__key=instrument_key, state=State.CLOSED
        )
        .select_related("instrument")
        .order_by("date", "pk")
    )
