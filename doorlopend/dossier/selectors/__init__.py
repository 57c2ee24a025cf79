"""The rules of the dossier read from its rows: which parts are approved, whether the
consent to part C holds, and so what a receiving school may see.

Every function here takes a `Dossier` whose `approvals` and `consents` may be prefetched
(`DOSSIER_PREFETCH`): then it runs no query, so a list of dossiers costs the same with one
pupil or two hundred. None of them returns or logs pupil data; the pages that show it
read through `selectors.pages`, which log.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import PART_FIELDS, Actor, Decision, Part
from ..models import Approval, Dossier

DOSSIER_PREFETCH = ("approvals", "consents")
PART_STATUS_LABELS = {
    "empty": _("not written yet"),
    "draft": _("waiting for approval"),
    "approved": _("approved"),
    "changed": _("changed since approval"),
    "disagreed": _("pupil disagrees"),
}
ADULT_FOR_SUPPORT = 16  # from this age the pupil's own consent to part C suffices


@dataclass(frozen=True)
class PartState:
    part: str
    version: int  # 0: never written
    filled: bool  # every field of the part has text
    approved: bool  # the pupil's latest decision approves the current version
    disagreed: bool  # the pupil's latest decision disagrees with the current version
    stale: bool  # approved once, changed since: needs a new approval
    decided_at: datetime.datetime | None = None

    @property
    def status(self) -> str:
        """For its badge (core.status "dossier.part")."""
        if self.approved:
            return "approved"
        if self.disagreed:
            return "disagreed"
        if self.stale:
            return "changed"
        return "draft" if self.version else "empty"

    @property
    def status_label(self) -> str:
        return str(PART_STATUS_LABELS[self.status])


@dataclass(frozen=True)
class ConsentState:
    pupil_given: bool
    parent_needed: bool
    parent_given: bool

    @property
    def valid(self) -> bool:
        return self.pupil_given and (self.parent_given or not self.parent_needed)

    @property
    def status(self) -> str:
        return "given" if self.valid else "missing"


def latest_decision(
    dossier: Dossier, part: str, by: str = Actor.PUPIL
) -> Approval | None:
    rows = [a for a in dossier.approvals.all() if a.part == part and a.by == by]
    return max(rows, key=lambda a: (a.at, a.pk)) if rows else None


def part_state(dossier: Dossier, part: str) -> PartState:
    version = dossier.version_of(part)
    latest = latest_decision(dossier, part)
    current = latest is not None and latest.version == version and version > 0
    return PartState(
        part=part,
        version=version,
        filled=all(getattr(dossier, f).strip() for f in PART_FIELDS[part]),
        approved=current and latest.decision == Decision.APPROVED,
        disagreed=current and latest.decision == Decision.DISAGREED,
        stale=latest is not None and not current,
        decided_at=latest.at if latest else None,
    )


def part_states(dossier: Dossier) -> dict[str, PartState]:
    return {part: part_state(dossier, part) for part in Part.values}


def is_approved(dossier: Dossier, part: str) -> bool:
    """A part counts as approved only if the pupil's latest decision on it approves its
    current version: a change after approval needs a new approval."""
    return part_state(dossier, part).approved


def age_on(birth_date: datetime.date | None, today: datetime.date) -> int | None:
    if birth_date is None:
        return None
    before_birthday = (today.month, today.day) < (birth_date.month, birth_date.day)
    return today.year - birth_date.year - before_birthday


def parent_needed(dossier: Dossier, today: datetime.date | None = None) -> bool:
    """Under 16 a parent's consent to part C is needed too; an unknown age counts as
    under 16 (the safe side)."""
    age = age_on(
        dossier.transition.pupil.birth_date_value, today or timezone.localdate()
    )
    return age is None or age < ADULT_FOR_SUPPORT


def consent_state(dossier: Dossier) -> ConsentState:
    active = {c.given_by for c in dossier.consents.all() if c.revoked_at is None}
    return ConsentState(
        pupil_given=Actor.PUPIL in active,
        parent_needed=parent_needed(dossier),
        parent_given=Actor.PARENT in active,
    )


def visible_parts(dossier: Dossier) -> frozenset[str]:
    """The parts a receiving school may see: A and B once approved (current version),
    C only where support is needed, approved, and consented to (revoking hides it at
    once). A dossier kept elsewhere (DDD, PvS…) shows nothing: no content is held."""
    if dossier.kept_elsewhere_handed_on:
        return frozenset()
    parts = {p for p in (Part.A, Part.B) if is_approved(dossier, p)}
    if (
        dossier.support_needed
        and dossier.care.strip()
        and is_approved(dossier, Part.C)
        and consent_state(dossier).valid
    ):
        parts.add(Part.C)
    return frozenset(parts)


def parts_for_receiving_school(dossier: Dossier) -> dict[str, dict[str, str]]:
    """The texts of the visible parts only, by part and field (log the read yourself)."""
    return {
        part: {f: getattr(dossier, f) for f in PART_FIELDS[part]}
        for part in sorted(visible_parts(dossier))
    }


def dossier_complete(dossier: Dossier) -> bool:
    """Parts A and B filled and approved (and C, where needed, approved with consent)."""
    states = part_states(dossier)
    done = all(states[p].filled and states[p].approved for p in (Part.A, Part.B))
    if dossier.support_needed:
        done = done and Part.C in visible_parts(dossier)
    return done
