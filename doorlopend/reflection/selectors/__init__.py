"""Reads of the reflection module."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django_scopes import scopes_disabled

from doorlopend.core.facts import Question, ask, how_many
from doorlopend.partnerships.models import Partnership

from ..choices import ActionStatus, State
from ..models import ActionPoint, Answer, OpenAnswer, Participant, Session, ThemeNote


def session_list(*, partnership: Partnership) -> QuerySet[Session]:
    """The partnership's sessions, newest first, with their participant counts.

    A school's own scan is that school's: it is listed on the scan page, never here.
    """
    return (
        Session.objects.filter(partnership=partnership, organisation=None)
        .select_related("instrument", "leerroute")
        .annotate(participant_count=Count("participants", distinct=True))
        # Explicit: Django drops Meta.ordering from queries with GROUP BY.
        .order_by("-date", "-created_at")
    )


def session_for_code(code: str) -> Session | None:
    """The session a participant's code leads to (open or in concept), or None.

    Participants have no account and no partnership yet: the code is the only key, so this
    lookup runs before any scope exists — the one place outside the guard that does.
    """
    with scopes_disabled():  # the code is the key: no partnership is known yet
        return (
            Session.objects.select_related("instrument", "partnership")
            # The hot path of every answer: the parsed definition is kept per process
            # (instruments.models), so its 9 kB of JSON is read only on a cache miss.
            .defer("instrument__definition_json")
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


def participant_open_answers(*, participant: Participant) -> dict[str, str]:
    """question key → the participant's own text, to show it back to them."""
    with scopes_disabled():  # filtered by the participant, who belongs to one session
        return dict(
            OpenAnswer.objects.filter(participant=participant).values_list(
                "question_key", "text"
            )
        )


def session_has_participants(*, session: Session) -> bool:
    """Whether anyone joined: then the session may no longer be deleted."""
    return Participant.objects.filter(session=session).exists()


def participant_answer_count(*, participant: Participant) -> int:
    """How many questions the participant answered: the counter on their phone."""
    with scopes_disabled():  # filtered by the participant, who belongs to one session
        return Answer.objects.filter(participant=participant).count()


def action_point_list(
    *, partnership: Partnership, session: Session | None = None, status: str = ""
) -> list[ActionPoint]:
    """Action points with owners, session and `theme_title` (one parse per instrument)."""
    qs = ActionPoint.objects.filter(partnership=partnership).select_related(
        "session__instrument", "owner_member__user", "owner_organisation"
    )
    if session is not None:
        qs = qs.filter(session=session)
    if status:
        qs = qs.filter(status=status)
    points = list(qs)
    definitions = {}
    for point in points:
        point.theme_title = ""
        if point.session and point.theme_key:
            instrument = point.session.instrument
            definition = definitions.setdefault(instrument.pk, instrument.definition)
            theme = definition.theme(point.theme_key)
            point.theme_title = theme.title if theme else point.theme_key
    return points


def theme_notes(*, session: Session) -> dict[str, ThemeNote]:
    """theme key → its note, for the facilitator page and the report."""
    return {n.theme_key: n for n in ThemeNote.objects.filter(session=session)}


def previous_session(*, session: Session) -> Session | None:
    """The last closed session of the same instrument before this one: the
    partnership's, or for a school's scan that school's."""
    return (
        Session.objects.filter(
            partnership=session.partnership,
            organisation=session.organisation_id,
            instrument__key=session.instrument.key,
            state=State.CLOSED,
        )
        .filter(Q(date__lt=session.date) | Q(date=session.date, pk__lt=session.pk))
        .select_related("instrument")
        .order_by("-date", "-pk")
        .first()
    )


def trend_sessions(
    *, partnership: Partnership, instrument_key: str, school_id: int | None = None
) -> QuerySet[Session]:
    """Closed sessions of one instrument, oldest first: the points of a trend line.

    The partnership's own sessions, or with `school_id` that school's scans only.
    """
    return (
        Session.objects.filter(
            partnership=partnership,
            organisation=school_id,
            instrument__key=instrument_key,
            state=State.CLOSED,
        )
        .select_related("instrument")
        .order_by("date", "pk")
    )


@dataclass
class DashboardSummary:
    latest: Session | None
    open_action_points: int
    overdue_action_points: int


def card_questions(*, partnership: Partnership, today: date) -> dict[str, Question]:
    """The card's counts of action points (core.facts)."""
    open_points = ActionPoint.objects.filter(
        partnership=partnership, status__in=[ActionStatus.OPEN, ActionStatus.BEZIG]
    )
    return {
        "reflection.actions_open": how_many(lambda: open_points),
        "reflection.actions_overdue": how_many(
            lambda: open_points.filter(due_date__lt=today)
        ),
    }


def dashboard_summary(*, partnership: Partnership, today: date) -> DashboardSummary:
    """The latest session and the state of the action points, in two queries (one when
    the overview page asked its cards' questions first)."""
    counts = ask(card_questions(partnership=partnership, today=today))
    # The card shows the latest session's title, date and state only: no participant
    # count (counting a 1,000-participant session's participants costs 150 ms).
    latest = (
        Session.objects.filter(partnership=partnership, organisation=None)
        .order_by("-date", "-created_at")
        .first()
    )
    return DashboardSummary(
        latest=latest,
        open_action_points=counts["reflection.actions_open"],
        overdue_action_points=counts["reflection.actions_overdue"],
    )
