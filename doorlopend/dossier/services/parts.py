"""Writing the dossier: part A per field (the pupil), part B and C (mentor or decaan),
the akkoordverklaring and the consent to part C.

A part's version goes up only when its text changes, so saving the same text twice (a
double submit, an autosave retried) changes nothing and keeps an approval in force.
No text is ever put in a log line, an error message or an e-mail.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership
from doorlopend.transitions.choices import SignalKind
from doorlopend.transitions.models import Signal, Transition

from ..choices import PART_A_FIELDS, Actor, Decision, Part
from ..models import Approval, Dossier, DossierLink, SupportConsent

MAX_TEXT = 4000  # characters per field: a page of text, enough for a dossier


def dossier_get_or_create(*, transition: Transition) -> Dossier:
    """The transition's dossier, made empty on first use."""
    dossier, _created = Dossier.objects.get_or_create(
        transition=transition, defaults={"partnership_id": transition.partnership_id}
    )
    return dossier


def _clean_text(name: str, value: str) -> str:
    value = (value or "").replace("\r\n", "\n").strip()
    if len(value) > MAX_TEXT:
        raise ValidationError(
            {
                name: _("Keep it under %(max)s characters (now %(count)s).")
                % {"max": MAX_TEXT, "count": len(value)}
            }
        )
    return value


def _refuse_elsewhere(dossier: Dossier) -> None:
    if dossier.kept_elsewhere_handed_on:
        raise ValidationError(
            _("This dossier is kept outside Doorlopend: nothing is written here.")
        )


def _locked(dossier: Dossier) -> Dossier:
    # One writer at a time per dossier: two saves never both bump from the same version.
    return Dossier.objects.select_for_update().get(pk=dossier.pk)


@transaction.atomic
def part_a_field_save(*, dossier: Dossier, field: str, text: str) -> bool:
    """Save one field of part A (autosave); True if the text changed."""
    if field not in PART_A_FIELDS:
        raise ValidationError(_("Unknown question."))
    text = _clean_text(field, text)
    _refuse_elsewhere(dossier)
    fresh = _locked(dossier)
    if getattr(fresh, field) == text:
        return False
    setattr(fresh, field, text)
    fresh.a_version += 1
    fresh.a_changed_at = timezone.now()
    fresh.save(update_fields=[field, "a_version", "a_changed_at"])
    setattr(dossier, field, text)
    dossier.a_version, dossier.a_changed_at = fresh.a_version, fresh.a_changed_at
    return True


def _save_part(
    dossier: Dossier, part: str, values: dict[str, object], by: Membership | None
) -> bool:
    fresh = _locked(dossier)
    changed = [name for name, value in values.items() if getattr(fresh, name) != value]
    if not changed:
        return False
    for name in changed:
        setattr(fresh, name, values[name])
        setattr(dossier, name, values[name])
    version = f"{part}_version"
    setattr(fresh, version, getattr(fresh, version) + 1)
    setattr(fresh, f"{part}_changed_at", timezone.now())
    setattr(fresh, f"{part}_changed_by", by.user if by else None)
    fields = [*changed, version, f"{part}_changed_at", f"{part}_changed_by"]
    fresh.save(update_fields=fields)
    for name in fields[len(changed) :]:
        setattr(dossier, name, getattr(fresh, name))
    return True


@transaction.atomic
def part_b_save(
    *, dossier: Dossier, advice: str, attendance_results: str, by: Membership | None
) -> bool:
    """The mentor's or decaan's part B; True if it changed (then it needs a new
    approval)."""
    values = {
        "advice": _clean_text("advice", advice),
        "attendance_results": _clean_text("attendance_results", attendance_results),
    }
    _refuse_elsewhere(dossier)
    return _save_part(dossier, Part.B, values, by)


@transaction.atomic
def part_c_save(
    *, dossier: Dossier, support_needed: bool, care: str, by: Membership | None
) -> bool:
    """Part C: only where support is needed, only what the receiving school needs.
    Not needed: the text is cleared (nothing is held that need not be)."""
    care = _clean_text("care", care)
    if care and not support_needed:
        raise ValidationError(
            {"care": _("Only write this when the pupil needs support.")}
        )
    _refuse_elsewhere(dossier)
    return _save_part(
        dossier, Part.C, {"support_needed": support_needed, "care": care}, by
    )


@transaction.atomic
def approval_record(
    *,
    dossier: Dossier,
    part: str,
    version: int,
    decision: str,
    who: str,
    link: DossierLink | None = None,
    comment: str = "",
) -> Approval:
    """The akkoordverklaring on the version the pupil read. Disagreement only with part
    B, with a comment; it opens a signal for the mentor to talk. Recording the same
    decision on the same version again returns the first (a double submit)."""
    fresh = _locked(dossier)
    if part not in Part.values or decision not in Decision.values:
        raise ValidationError(_("Unknown choice."))
    if decision == Decision.DISAGREED and part != Part.B:
        raise ValidationError(_("You can only disagree with part B."))
    comment = _clean_text("comment", comment)
    if decision == Decision.DISAGREED and not comment:
        raise ValidationError(
            {"comment": _("Write what you disagree with, so your mentor knows.")}
        )
    if decision == Decision.APPROVED:
        comment = ""
    current = fresh.version_of(part)
    if current == 0:
        raise ValidationError(_("There is nothing to approve yet."))
    if version != current:
        raise ValidationError(
            _("This part changed while you were reading. Read it again, then choose.")
        )
    last = (
        Approval.objects.filter(dossier=fresh, part=part, by=who)
        .order_by("-at", "-pk")
        .first()
    )
    if last and (last.version, last.decision) == (version, decision):
        return last
    approval = Approval.objects.create(
        partnership_id=fresh.partnership_id,
        dossier=fresh,
        part=part,
        version=version,
        decision=decision,
        comment=comment,
        by=who,
        link=link,
    )
    if decision == Decision.DISAGREED:
        signal_disagreement(transition=fresh.transition)
    return approval


def signal_disagreement(*, transition: Transition, on: datetime.date | None = None):
    """The signal in the decaan's and mentor's list: talk with the pupil about part B.
    One per day at most (the signal's unique date); it carries no text of the dossier."""
    signal, _created = Signal.objects.get_or_create(
        partnership_id=transition.partnership_id,
        transition=transition,
        kind=SignalKind.DOSSIER_DISAGREEMENT,
        raised_on=on or timezone.localdate(),
    )
    return signal


@transaction.atomic
def consent_give(
    *, dossier: Dossier, who: str, link: DossierLink | None = None
) -> SupportConsent:
    """Consent to hand part C over; giving it again keeps the one in force."""
    fresh = _locked(dossier)
    if not fresh.support_needed:
        raise ValidationError(_("There is no support part to consent to."))
    if who not in Actor.values:
        raise ValidationError(_("Unknown choice."))
    active = SupportConsent.objects.filter(
        dossier=fresh, given_by=who, revoked_at__isnull=True
    ).first()
    return active or SupportConsent.objects.create(
        partnership_id=fresh.partnership_id, dossier=fresh, given_by=who, link=link
    )


@transaction.atomic
def consent_revoke(*, dossier: Dossier, who: str) -> int:
    """Revoke the consent of `who` (pupil or parent): part C is hidden from the receiving
    school at once. Returns how many consents were revoked (0: none was in force)."""
    return SupportConsent.objects.filter(
        dossier=dossier, given_by=who, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())


@transaction.atomic
def kept_elsewhere_record(
    *, dossier: Dossier, on: datetime.date, by: Membership
) -> Dossier:
    """The dossier lives in DDD, PvS or another system: record only that it was handed
    over, and when."""
    if on > timezone.localdate():
        raise ValidationError({"on": _("The date cannot be in the future.")})
    fresh = _locked(dossier)
    fresh.kept_elsewhere_handed_on = on
    fresh.kept_elsewhere_by = by.user
    fresh.save(update_fields=["kept_elsewhere_handed_on", "kept_elsewhere_by"])
    dossier.kept_elsewhere_handed_on = on
    dossier.kept_elsewhere_by = by.user
    return dossier
