"""The dossier's two signal rules, evaluated by the monitor's engine
(`transitions.services.signals`, registered through `transitions.signal_rules`).

- DOSSIER_INCOMPLETE: the year's "dossier complete by" date (default 1 April) has passed
  and the dossier of a pupil leaving a vo school is not complete (`selectors.
  dossier_complete`: A and B approved, C where needed), or there is none [that date].
  Not for pupils settled outside mbo (havo, ander vo, doubleert, werk). Where the dossier
  lives elsewhere, complete means its handover is recorded.
- DOSSIER_UNREAD: the year's "dossier read by" date (default 1 June) has passed, the
  dossier is complete and handed to an mbo school (an active registration there:
  `selectors.handover`), and that school has not read it [that date].

Only in a partnership that agreed on a dossier (a `DossierAgreement`). Both close
themselves once resolved: the dossier became complete, was read, is no longer handed to a
school, or the date was moved; like the monitor's, never twice on one date.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from doorlopend.transitions.choices import SignalKind, Status
from doorlopend.transitions.services.signals import new_signals, per_cohort
from doorlopend.transitions.services.signals_close import SETTLED_ELSEWHERE
from doorlopend.transitions.signal_rules import day

from ..models import Dossier, DossierAgreement, Handover
from ..selectors import DOSSIER_PREFETCH, dossier_complete
from ..selectors.handover import ACTIVE_REGISTRATION


def _complete(dossier: Dossier | None) -> bool:
    if dossier is None:
        return False
    return bool(dossier.kept_elsewhere_handed_on) or dossier_complete(dossier)


def _with_dossiers(qs):
    return qs.select_related("pupil").prefetch_related(
        Prefetch(
            "dossier", queryset=Dossier.objects.prefetch_related(*DOSSIER_PREFETCH)
        )
    )


def _read_pairs(partnership) -> set[tuple[int, int]]:
    return set(
        Handover.objects.filter(
            partnership=partnership, first_read_at__isnull=False
        ).values_list("dossier_id", "receiving_organisation_id")
    )


def dossier_signals_open(partnership, transitions, dates, today) -> list:
    """(kind, rows) of new DOSSIER_INCOMPLETE and DOSSIER_UNREAD signals."""
    if not DossierAgreement.objects.filter(partnership=partnership).exists():
        return []
    rows = []
    due = {
        c: d.dossier_complete_by
        for c, d in dates.items()
        if today > d.dossier_complete_by
    }
    if due:
        leavers = transitions.filter(
            cohort__in=due, sending_organisation__isnull=False
        ).exclude(status__in=SETTLED_ELSEWHERE)
        incomplete = [
            t.pk
            for t in _with_dossiers(leavers)
            if not _complete(getattr(t, "dossier", None))
        ]
        rows += incomplete and new_signals(
            transitions.filter(pk__in=incomplete),
            SignalKind.DOSSIER_INCOMPLETE,
            per_cohort(due),
        )
    due = {c: d.dossier_read_by for c, d in dates.items() if today > d.dossier_read_by}
    if due:
        handed = transitions.filter(
            cohort__in=due,
            dossier__isnull=False,
            dossier__kept_elsewhere_handed_on__isnull=True,
            receiving_organisation__isnull=False,
            status__in=sorted(ACTIVE_REGISTRATION),
        )
        read = _read_pairs(partnership)
        unread = [
            t.pk
            for t in _with_dossiers(handed)
            if _complete(t.dossier)
            and (t.dossier.pk, t.receiving_organisation_id) not in read
        ]
        rows += unread and new_signals(
            transitions.filter(pk__in=unread),
            SignalKind.DOSSIER_UNREAD,
            per_cohort(due),
        )
    return rows


def dossier_signals_close(open_signals, dates):
    """(reason, signal id) of open dossier signals whose condition resolved."""
    incomplete = open_signals.filter(kind=SignalKind.DOSSIER_INCOMPLETE).select_related(
        "transition"
    )
    unread = open_signals.filter(kind=SignalKind.DOSSIER_UNREAD).select_related(
        "transition"
    )
    signals = [*incomplete, *unread]
    if not signals:
        return
    dossiers = {
        d.transition_id: d
        for d in Dossier.objects.filter(
            transition_id__in={s.transition_id for s in signals}
        ).prefetch_related(*DOSSIER_PREFETCH)
    }
    read = {}
    for dossier_id, school_id, at in Handover.objects.filter(
        dossier__in=list(dossiers.values()), first_read_at__isnull=False
    ).values_list("dossier_id", "receiving_organisation_id", "first_read_at"):
        read[(dossier_id, school_id)] = at
    for signal in signals:
        t = signal.transition
        dossier = dossiers.get(t.pk)
        if dossier is not None:
            dossier.transition = t
        year = dates.get(t.cohort)
        if signal.kind == SignalKind.DOSSIER_INCOMPLETE:
            if _complete(dossier):
                yield _("The doorstroomdossier is complete now."), signal.pk
            elif year and signal.raised_on != year.dossier_complete_by:
                yield (
                    _("The date the dossier is complete by was changed to %(date)s.")
                    % {"date": day(year.dossier_complete_by)},
                    signal.pk,
                )
            continue
        at = dossier and read.get((dossier.pk, t.receiving_organisation_id))
        if at:
            yield (
                _("Read by the mbo school on %(date)s.") % {"date": day(at.date())},
                signal.pk,
            )
        elif t.status not in ACTIVE_REGISTRATION:
            yield (
                _("No longer handed over: status now %(status)s.")
                % {"status": Status(t.status).label if t.status else "–"},
                signal.pk,
            )
        elif year and signal.raised_on != year.dossier_read_by:
            yield (
                _("The date the dossier is read by was changed to %(date)s.")
                % {"date": day(year.dossier_read_by)},
                signal.pk,
            )
