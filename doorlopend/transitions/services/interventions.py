"""What a decaan does about a signal: log an intervention, close the signal with a reason.

Both are changes to a pupil's personal data, so both write the access log (the school as
organisation). A double click must not make two rows: an identical intervention on the
same signal within `DUPLICATE_WINDOW` is the same one, and closing a closed signal changes
nothing. The signal row is locked while checking, so two simultaneous submits queue.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doorlopend.audit.models import Action
from doorlopend.audit.services import record
from doorlopend.partnerships.models import Membership, Organisation

from ..choices import SignalKind
from ..models import Intervention, Signal
from ..selectors._audit import stored

DUPLICATE_WINDOW = datetime.timedelta(minutes=1)
# Planned interventions may lie ahead, but not further than this.
PLAN_AHEAD = datetime.timedelta(days=366)


def _locked(signal: Signal) -> Signal:
    return (
        Signal.objects.select_for_update()
        .select_related("transition__pupil")
        .get(pk=signal.pk)
    )


def _refuse_if_erased(signal: Signal) -> None:
    if signal.transition.pupil.erased_at:
        raise ValidationError(
            _("The personal data of this pupil has been erased: nothing can be added.")
        )


@transaction.atomic
def intervention_add(
    *,
    signal: Signal,
    what: str,
    who: str,
    on: datetime.date,
    outcome: str = "",
    by: Membership,
    school: Organisation,
    request: HttpRequest | None = None,
) -> Intervention:
    """Record what someone did (or will do) about an open signal.

    Refused on a closed signal, for an erased pupil, with an empty "what" or "who", and
    for a date more than a year ahead. The same intervention submitted twice within a
    minute is returned, not added again.
    """
    signal = _locked(signal)
    if signal.closed_at is not None:
        raise ValidationError(_("This signal is closed: add no more interventions."))
    _refuse_if_erased(signal)
    what, who, outcome = what.strip(), who.strip(), outcome.strip()
    if on > timezone.localdate() + PLAN_AHEAD:
        raise ValidationError({"on": _("Choose a date within the coming year.")})
    duplicate = Intervention.objects.filter(
        signal=signal,
        what=what,
        who=who,
        on=on,
        outcome=outcome,
        created_at__gte=timezone.now() - DUPLICATE_WINDOW,
    ).first()
    if duplicate is not None:
        return duplicate
    intervention = Intervention(
        partnership_id=signal.partnership_id,
        signal=signal,
        what=what,
        who=who,
        on=on,
        outcome=outcome,
        created_by=by.user,
    )
    intervention.full_clean(exclude=["partnership", "signal", "created_by"])
    intervention.save()
    record(
        actor=by.user,
        action=Action.CREATE,
        objects=signal.transition.pupil,
        purpose=stored(gettext_lazy("intervention on a signal")),
        partnership=getattr(request, "partnership", None) or school.partnership,
        organisation=school,
        request=request,
        label=stored(SignalKind(signal.kind).label),
    )
    return intervention


@transaction.atomic
def signal_close(
    *,
    signal: Signal,
    reason: str,
    by: Membership,
    school: Organisation,
    request: HttpRequest | None = None,
) -> Signal:
    """Close a signal with a reason (required). Closing a closed signal changes nothing."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the signal can be closed.")})
    signal = _locked(signal)
    if signal.closed_at is not None:
        return signal
    signal.closed_at = timezone.now()
    signal.closed_by = by.user
    signal.close_reason = reason
    signal.save(update_fields=["closed_at", "closed_by", "close_reason"])
    record(
        actor=by.user,
        action=Action.UPDATE,
        objects=signal.transition.pupil,
        purpose=stored(gettext_lazy("signal closed")),
        partnership=getattr(request, "partnership", None) or school.partnership,
        organisation=school,
        request=request,
        label=stored(SignalKind(signal.kind).label),
    )
    return signal
