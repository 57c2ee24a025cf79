"""Signals of one school's pupils: the decaan's morning page and one signal's page.

A signal names a pupil, so both reads write the access log for the pupils they return.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

from doorlopend.audit.models import Action
from doorlopend.partnerships.models import Membership, Organisation

from ..access import visible_transitions
from ..choices import SignalKind
from ..models import Intervention, Signal, StatusEvent
from ._audit import log_pupils

CLOSED_SHOWN = 100


@dataclass
class SignalGroup:
    kind: str
    label: str
    signals: list[Signal]
    total: int = 0  # of this kind, on every page


def _school_signals(school: Organisation) -> QuerySet[Signal]:
    return Signal.objects.filter(transition__in=visible_transitions(school))


PER_PAGE = 100


@dataclass
class SignalBoard:
    groups: list[SignalGroup]
    page: Page | None  # open signals come in pages; the closed list is capped instead
    total: int


def signal_board(
    *,
    school: Organisation,
    viewer: Membership,
    closed: bool = False,
    page_number=None,
    request: HttpRequest | None = None,
) -> SignalBoard:
    """Open signals (or the latest closed ones) grouped by kind in the order of
    `SignalKind`, oldest first within a kind, with the number of interventions.

    Open signals come PER_PAGE at a time (a large mbo school can have hundreds in April);
    each group's heading counts all of its kind. Only the pupils shown are logged.
    """
    signals = (
        _school_signals(school)
        .filter(closed_at__isnull=not closed)
        .select_related(
            "transition__pupil",
            "transition__sending_organisation",
            "transition__receiving_organisation",
        )
        # A correlated count, not Count("interventions"): a join would GROUP BY every
        # column of five tables before the page's LIMIT (120 ms for a large school).
        .annotate(
            intervention_count=Coalesce(
                Subquery(
                    Intervention.objects.filter(signal=OuterRef("pk"))
                    .order_by()
                    .values("signal")
                    .annotate(n=Count("pk"))
                    .values("n")
                ),
                0,
            )
        )
    )
    page = None
    if closed:
        rows = list(signals.order_by("-closed_at", "-pk")[:CLOSED_SHOWN])
        counts = Counter(s.kind for s in rows)
    else:
        kind_order = Case(
            *(When(kind=k.value, then=Value(i)) for i, k in enumerate(SignalKind)),
            output_field=IntegerField(),
        )
        counts = dict(
            _school_signals(school)
            .filter(closed_at__isnull=True)
            .values_list("kind")
            .annotate(n=Count("pk"))
            .order_by()
        )
        ordered = signals.order_by(kind_order, "raised_on", "pk")
        paginator = Paginator(ordered, PER_PAGE)
        paginator.count = sum(counts.values())  # known already: spare the COUNT query
        page = paginator.get_page(page_number)
        rows = list(page.object_list)
    log_pupils(
        viewer=viewer,
        action=Action.VIEW,
        pupils=[s.transition.pupil for s in rows],
        purpose=_("signals to act on"),
        school=school,
        request=request,
        label=_("closed signals") if closed else _("open signals"),
    )
    groups = []
    for kind in SignalKind:
        members = [s for s in rows if s.kind == kind.value]
        if members:
            groups.append(
                SignalGroup(
                    kind=kind.value,
                    label=kind.label,
                    signals=members,
                    total=counts.get(kind.value, len(members)),
                )
            )
    return SignalBoard(groups=groups, page=page, total=sum(counts.values()))


def signal_detail(
    *,
    school: Organisation,
    signal_id: int,
    viewer: Membership,
    request: HttpRequest | None = None,
    purpose="",
) -> Signal:
    """One signal with its pupil, the transition's status history and interventions;
    404 when it is not about a pupil of this school. Logged."""
    signal = (
        _school_signals(school)
        .select_related(
            "closed_by",
            "transition__pupil",
            "transition__sending_organisation",
            "transition__receiving_organisation",
        )
        .prefetch_related(
            Prefetch(
                "interventions",
                queryset=Intervention.objects.select_related("created_by"),
            ),
            Prefetch(
                "transition__events",
                queryset=StatusEvent.objects.order_by("on", "pk"),
            ),
        )
        .filter(pk=signal_id)
        .first()
    )
    if signal is None:
        raise Http404("Not a signal of this school.")
    log_pupils(
        viewer=viewer,
        action=Action.VIEW,
        pupils=[signal.transition.pupil],
        purpose=purpose or _("signal and interventions"),
        school=school,
        request=request,
        label=SignalKind(signal.kind).label,
    )
    return signal
