"""Erasure of pupils' personal data, on request (right to erasure) or at the end of the
retention period (`services.retention` calls this).

What goes: name and date of birth (blanked), the interventions on the pupil's signals
(deleted) and the reasons signals were closed with (free text that may describe the
pupil). The pseudonym is replaced by a random "erased:…" value, so that a new file with
the same pupil number starts a new pupil instead of re-attaching to this one.

What stays: the pupil row (`erased_at` set), the transitions with their status history and
the signals' kinds and dates — no name, no number, nothing to re-identify — so the cohort
figures keep counting them. The access log keeps its entries (ids only).
"""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doorlopend.audit.models import Action
from doorlopend.audit.services import record
from doorlopend.partnerships.models import Membership

from ..extensions import erasure_hooks
from ..models import Intervention, Pupil, Signal
from ..selectors._audit import stored

ERASED_PREFIX = "erased:"
BATCH = 500


def erased_pseudonym() -> str:
    """A random value in the pseudonym's place: no pupil number hashes to it."""
    return ERASED_PREFIX + secrets.token_hex(24)


@transaction.atomic
def pupils_erase(
    *,
    pupils: QuerySet[Pupil],
    by: Membership | None,
    purpose: str,
    partnership,
    organisation=None,
    request: HttpRequest | None = None,
) -> int:
    """Erase the personal data of `pupils` (those not erased yet); returns how many.

    One access-log entry (action "erase") lists them all, with `purpose` as its reason.
    `by` is None only for the system: the retention sweep erases when a period ends.
    """
    if not purpose.strip():
        raise ValidationError({"reason": _("Give the reason for the erasure.")})
    pending = pupils.filter(erased_at__isnull=True)
    targets = list(pending.only("pk", "partnership_id"))
    if not targets:
        return 0
    chosen = Pupil.objects.filter(pk__in=pending.values("pk"))
    for hook in erasure_hooks():  # e.g. the dossier's texts (dossier app)
        hook(chosen)
    Intervention.objects.filter(signal__transition__pupil__in=chosen).delete()
    Signal.objects.filter(transition__pupil__in=chosen).exclude(close_reason="").update(
        close_reason=""
    )
    now = timezone.now()
    for pupil in targets:
        pupil.name = ""
        pupil.birth_date = ""
        pupil.pseudonym = erased_pseudonym()
        pupil.erased_at = now
    Pupil.objects.bulk_update(
        targets, ["name", "birth_date", "pseudonym", "erased_at"], batch_size=BATCH
    )
    record(
        actor=by.user if by else None,
        action=Action.ERASE,
        objects=targets,
        purpose=purpose,
        partnership=partnership,
        organisation=organisation,
        request=request,
        label=stored(gettext_lazy("personal data erased")),
    )
    return len(targets)
