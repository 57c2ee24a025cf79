"""Signals that close themselves once their condition resolved (see `signals`).

Closed with `closed_by` empty and a reason in the site's language, as a person would write
it; one UPDATE per distinct reason, and only signals still open (a decaan who closed one in
the meantime keeps their reason).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Case, DateField, F, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Partnership

from ..choices import BACKWARDS, OTHER_DESTINATIONS, SignalKind, Status
from ..models import Signal, StatusEvent
from ..signal_rules import signal_rules
from .cohort_settings import CohortDates

SETTLED_ELSEWHERE = frozenset(OTHER_DESTINATIONS - {Status.ONBEKEND})
PHASES = (Status.INTAKE, Status.DOSSIER_ONTVANGEN, Status.OVK_AANGEBODEN)


def signals_close_resolved(
    partnership: Partnership, dates: dict[int, CohortDates]
) -> int:
    """Close open signals whose condition resolved; returns how many were closed."""
    open_signals = Signal.objects.filter(
        partnership=partnership, closed_at__isnull=True
    ).order_by()
    reasons: dict[str, list[int]] = defaultdict(list)
    # Reasons are stored text: written in the site's language, as a person would.
    with translation.override(settings.LANGUAGE_CODE):
        for reason, pk in _resolved(open_signals, dates):
            reasons[reason].append(pk)
    now = timezone.now()
    closed = 0
    for reason, pks in reasons.items():
        closed += Signal.objects.filter(pk__in=pks, closed_at__isnull=True).update(
            closed_at=now, close_reason=reason
        )
    return closed


def _resolved(open_signals, dates: dict[int, CohortDates]) -> Iterable[tuple[str, int]]:
    yield from _no_registration_resolved(open_signals, dates)
    yield from _not_started_resolved(open_signals, dates)
    for rule in signal_rules():
        yield from rule.close(open_signals, dates)
    unknown = open_signals.filter(kind=SignalKind.DESTINATION_UNKNOWN).exclude(
        transition__status__in=["", Status.ONBEKEND]
    )
    for pk, status, on in unknown.values_list(
        "pk", "transition__status", "transition__status_on"
    ):
        yield _status_now(status, on), pk


def _no_registration_resolved(open_signals, dates):
    signals = open_signals.filter(kind=SignalKind.NO_REGISTRATION)
    first_phase = StatusEvent.objects.filter(
        transition=OuterRef("transition_id"), status__in=PHASES
    ).order_by("on")
    registered = signals.annotate(
        registered=Coalesce(
            "transition__registered_on",
            Subquery(first_phase.values("on")[:1]),
            "transition__placed_on",
            "transition__enrolled_on",
            "transition__started_on",
        )
    ).filter(registered__isnull=False)
    done: set[int] = set()
    for pk, on in registered.values_list("pk", "registered"):
        done.add(pk)
        yield _("Registered on %(date)s.") % {"date": _day(on)}, pk
    elsewhere = signals.filter(transition__status__in=SETTLED_ELSEWHERE)
    for pk, status, on in elsewhere.values_list(
        "pk", "transition__status", "transition__status_on"
    ):
        if pk not in done:
            done.add(pk)
            yield _status_now(status, on), pk
    deadlines = {c: d.registration_deadline for c, d in dates.items()}
    for pk, deadline in _moved(signals, deadlines):
        if pk not in done:
            yield (
                _("The registration deadline was changed to %(date)s.")
                % {"date": _day(deadline)},
                pk,
            )


def _not_started_resolved(open_signals, dates):
    signals = open_signals.filter(kind=SignalKind.NOT_STARTED)
    done: set[int] = set()
    started = signals.filter(transition__started_on__isnull=False)
    for pk, on in started.values_list("pk", "transition__started_on"):
        done.add(pk)
        yield _("Started on %(date)s.") % {"date": _day(on)}, pk
    elsewhere = signals.filter(transition__status__in=BACKWARDS | SETTLED_ELSEWHERE)
    for pk, status, on in elsewhere.values_list(
        "pk", "transition__status", "transition__status_on"
    ):
        if pk not in done:
            done.add(pk)
            yield _status_now(status, on), pk
    checks = {c: d.start_check_on for c, d in dates.items()}
    for pk, check in _moved(signals, checks):
        if pk not in done:
            yield (
                _("The start check was changed to %(date)s.") % {"date": _day(check)},
                pk,
            )


def _moved(signals, dates: dict[int, datetime.date]):
    """(signal, the year's date now) of signals raised on a date the year no longer uses."""
    if not dates:
        return []
    current = Case(
        *(When(transition__cohort=c, then=Value(d)) for c, d in dates.items()),
        output_field=DateField(),
    )
    moved = signals.annotate(current=current).exclude(raised_on=F("current"))
    return moved.filter(current__isnull=False).values_list("pk", "current")


def _status_now(status: str, on: datetime.date | None) -> str:
    return _("Status now: %(status)s (%(date)s).") % {
        "status": Status(status).label,
        "date": _day(on) if on else "–",
    }


def _day(on: datetime.date) -> str:
    return date_format(on, "j F Y")
