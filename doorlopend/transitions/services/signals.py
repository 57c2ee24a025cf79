"""Signal rules: what a decaan must act on, evaluated set-based over a partnership.

Each rule is one query over the derived fields of `Transition` (services/history.py) or
over `StatusEvent`, inserted by one INSERT … SELECT per rule; the unique (transition, kind,
raised_on) makes a second run change nothing. The dates per year come from
`cohort_settings` (default 1 April and 1 October of the year of transition).

Rules (`raised_on` in brackets: a rule that fires on a new date opens a new signal):
- NO_REGISTRATION: the deadline has passed and the pupil has no registration at an mbo
  school (no aangemeld, intake, dossier, offer, placement, enrolment or start) and no other
  destination (havo, ander vo, doubleert, werk) [the deadline]. A registration that
  already arrived, even late, opens nothing: there is nothing left to act on.
- BACKWARDS: every `leidt niet tot inschrijving` or `ingetrokken` event [its date]; also
  when a new registration followed: the decaan reads it and closes it.
- STOPPED_FIRST_YEAR: stopped within 365 days after the start [the date stopped].
- NOT_STARTED: placed or enrolled, not started, the start check has passed, and the
  registration has not gone backwards or elsewhere [the start check].
- DESTINATION_UNKNOWN: the current status is `bestemming onbekend` [its date], or there is
  no status at all once the start check has passed [the start check].

Later apps add rules through `signal_rules` (the dossier: DOSSIER_INCOMPLETE and
DOSSIER_UNREAD on the dossier dates of `cohort_settings`); they open and close here too.

Signals close themselves (closed_by empty, a reason in the default language) when their
condition resolved: NO_REGISTRATION once a registration or another destination arrives or
the deadline was moved; NOT_STARTED once the pupil started, went elsewhere or backwards, or
the start check was moved; DESTINATION_UNKNOWN once a status other than onbekend arrives.
BACKWARDS and STOPPED_FIRST_YEAR record something that happened: a person closes them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import (
    Case,
    DateField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone
from django_scopes import scope

from doorlopend.partnerships.models import Partnership

from ..choices import BACKWARDS, SignalKind, Status
from ..models import Signal, StatusEvent, Transition
from ..signal_rules import signal_rules
from .cohort_settings import CohortDates, cohort_dates

# Destinations that settle a pupil outside mbo (no registration expected), and phases that
# may be reported without an `aangemeld` before them.
from .signals_close import PHASES, SETTLED_ELSEWHERE, signals_close_resolved

FIRST_YEAR = datetime.timedelta(days=365)


@dataclass(frozen=True)
class RefreshResult:
    opened: int
    closed: int


def signals_refresh(
    *, partnership: Partnership, today: datetime.date | None = None
) -> int:
    """Open the signals whose rule fires today (never twice); returns how many were opened."""
    return signals_refresh_detail(partnership=partnership, today=today).opened


@transaction.atomic
def signals_refresh_detail(
    *, partnership: Partnership, today: datetime.date | None = None
) -> RefreshResult:
    """As `signals_refresh`, and close the open signals whose condition resolved first."""
    today = today or timezone.localdate()
    with scope(partnership=partnership):
        transitions = Transition.objects.filter(
            partnership=partnership, pupil__erased_at__isnull=True
        ).order_by()
        cohorts = set(transitions.values_list("cohort", flat=True).distinct())
        dates = cohort_dates(partnership=partnership, cohorts=cohorts)
        closed = signals_close_resolved(partnership, dates)
        extra = []
        for rule in signal_rules():
            extra += rule.open(partnership, transitions, dates, today)
        opened = sum(
            _insert(partnership, kind, qs)
            for kind, qs in (
                *_no_registration(transitions, dates, today),
                *_backwards(partnership),
                *_stopped_first_year(transitions),
                *_not_started(transitions, dates, today),
                *_destination_unknown(transitions, dates, today),
                *extra,
            )
        )
    return RefreshResult(opened=opened, closed=closed)


# ---- Opening ------------------------------------------------------------------------------


def _has_registration() -> Q:
    phases = StatusEvent.objects.filter(transition=OuterRef("pk"), status__in=PHASES)
    return (
        Q(registered_on__isnull=False)
        | Q(placed_on__isnull=False)
        | Q(enrolled_on__isnull=False)
        | Q(started_on__isnull=False)
        | Exists(phases)
    )


def _per_cohort(dates: dict[int, datetime.date]) -> Case:
    """The date of each transition's year, as an SQL expression."""
    return Case(
        *(When(cohort=c, then=Value(d)) for c, d in dates.items()),
        output_field=DateField(),
    )


def new_signals(qs: QuerySet[Transition], kind: str, raised):
    """For a rule of another app (`signal_rules`): as `_new`."""
    return _new(qs, kind, raised)


def per_cohort(dates: dict[int, datetime.date]) -> Case:
    """For a rule of another app: as `_per_cohort`."""
    return _per_cohort(dates)


def _new(qs: QuerySet[Transition], kind: str, raised) -> list[tuple[str, QuerySet]]:
    """(kind, rows of `qs` that have no such signal yet, open or closed): a query, not run."""
    existing = Signal.objects.filter(
        transition=OuterRef("pk"), kind=kind, raised_on=OuterRef("raised")
    )
    qs = qs.annotate(raised=raised).exclude(Exists(existing))
    return [(kind, qs.annotate(signal_transition=F("pk")).values(*_COLUMNS).order_by())]


_COLUMNS = ("signal_transition", "raised")


def _insert(partnership: Partnership, kind: str, qs: QuerySet) -> int:
    """INSERT … SELECT the (transition, raised_on) rows of `qs` as new signals of `kind`
    in one statement; returns how many were opened (a conflict opens nothing)."""
    sql, params = qs.query.sql_with_params()
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {Signal._meta.db_table}
                (partnership_id, transition_id, kind, raised_on, created_at, close_reason)
            SELECT %s, s.signal_transition, %s, s.raised, %s, '' FROM ({sql}) s
            WHERE true ON CONFLICT (transition_id, kind, raised_on) DO NOTHING""",
            (partnership.pk, kind, now, *params),
        )
        return cursor.rowcount


def _no_registration(transitions, dates: dict[int, CohortDates], today):
    due = {
        c: d.registration_deadline
        for c, d in dates.items()
        if today > d.registration_deadline
    }
    if not due:
        return []
    qs = (
        transitions.filter(cohort__in=due)
        .exclude(_has_registration())
        .exclude(status__in=SETTLED_ELSEWHERE)
    )
    return _new(qs, SignalKind.NO_REGISTRATION, _per_cohort(due))


def _backwards(partnership: Partnership):
    existing = Signal.objects.filter(
        transition=OuterRef("transition_id"),
        kind=SignalKind.BACKWARDS,
        raised_on=OuterRef("on"),
    )
    events = (
        StatusEvent.objects.filter(
            partnership=partnership,
            status__in=BACKWARDS,
            transition__pupil__erased_at__isnull=True,
        )
        .exclude(Exists(existing))
        .annotate(signal_transition=F("transition_id"), raised=F("on"))
        .values(*_COLUMNS)
        .order_by()
        .distinct()
    )
    return [(SignalKind.BACKWARDS, events)]


def _stopped_first_year(transitions):
    in_year = ExpressionWrapper(
        F("stopped_on") - F("started_on"), output_field=DurationField()
    )
    qs = transitions.filter(
        stopped_on__isnull=False,
        started_on__isnull=False,
        stopped_on__gte=F("started_on"),
    ).alias(in_year=in_year)
    qs = qs.filter(in_year__lte=FIRST_YEAR)
    return _new(qs, SignalKind.STOPPED_FIRST_YEAR, F("stopped_on"))


def _not_started(transitions, dates: dict[int, CohortDates], today):
    due = {c: d.start_check_on for c, d in dates.items() if today > d.start_check_on}
    if not due:
        return []
    qs = (
        transitions.filter(cohort__in=due, started_on__isnull=True)
        .filter(Q(placed_on__isnull=False) | Q(enrolled_on__isnull=False))
        .exclude(status__in=BACKWARDS | SETTLED_ELSEWHERE)
    )
    return _new(qs, SignalKind.NOT_STARTED, _per_cohort(due))


def _destination_unknown(transitions, dates: dict[int, CohortDates], today):
    rows = _new(
        transitions.filter(status=Status.ONBEKEND),
        SignalKind.DESTINATION_UNKNOWN,
        F("status_on"),
    )
    due = {c: d.start_check_on for c, d in dates.items() if today > d.start_check_on}
    if due:
        qs = transitions.filter(cohort__in=due, status="")
        rows += _new(qs, SignalKind.DESTINATION_UNKNOWN, _per_cohort(due))
    return rows
