"""The decaan's first card on the overview page: open signals and waiting files.

Counts and dates only, per school the member may read pupils of (`transitions.access`):
no pupil is named, so nothing of a pupil is read and the access log gets no entry (as
`log_pupils` writes none when no pupil is shown). The signals themselves, with names,
are on the school's signals page, which logs who saw whom.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Max

from doorlopend.partnerships.models import Membership, Organisation

from ..access import WRITE_PERM, pupil_schools, schools_where, visible_transitions
from ..choices import SignalKind
from ..models import Signal, TransitionImport

# Waiting files listed on the card; more are on the imports page.
IMPORTS_SHOWN = 3


@dataclass
class KindCount:
    kind: str
    label: str
    count: int


@dataclass
class SchoolSignals:
    school: Organisation
    open_count: int = 0
    newest: datetime.date | None = None
    newest_kind: str = ""
    kinds: list[KindCount] = field(default_factory=list)


@dataclass
class SignalSummary:
    schools: list[SchoolSignals]
    imports: list[TransitionImport]
    imports_waiting: int
    may_import: bool

    @property
    def open_count(self) -> int:
        return sum(s.open_count for s in self.schools)


def school_signals(school: Organisation) -> SchoolSignals:
    """One school's open signals: how many, of which kind, and the newest (one query)."""
    rows = list(
        Signal.objects.filter(
            transition__in=visible_transitions(school), closed_at__isnull=True
        )
        .values("kind")
        .annotate(n=Count("pk"), newest=Max("raised_on"))
        .order_by()
    )
    by_kind = {row["kind"]: row for row in rows}
    summary = SchoolSignals(school=school)
    for kind in SignalKind:
        row = by_kind.get(kind.value)
        if row is None:
            continue
        summary.kinds.append(KindCount(kind.value, kind.label, row["n"]))
        summary.open_count += row["n"]
        if summary.newest is None or row["newest"] > summary.newest:
            summary.newest, summary.newest_kind = row["newest"], kind.label
    return summary


def signal_summary(*, membership: Membership) -> SignalSummary | None:
    """The member's schools' open signals and the files waiting to be imported.

    None for a member who may read no school's pupils. One query per school plus two
    for the files, whatever the number of signals.
    """
    schools = pupil_schools(membership)
    if not schools:
        return None
    import_schools = schools_where(membership, WRITE_PERM)
    imports: list[TransitionImport] = []
    waiting = 0
    if import_schools:
        pending = TransitionImport.objects.filter(
            partnership_id=membership.partnership_id,
            organisation__in=import_schools,
            status__in=TransitionImport.cancellable,
        )
        waiting = pending.count()
        if waiting:
            imports = list(
                pending.select_related("organisation").defer("errors", "headers")[
                    :IMPORTS_SHOWN
                ]
            )
    return SignalSummary(
        schools=[school_signals(school) for school in schools],
        imports=imports,
        imports_waiting=waiting,
        may_import=bool(import_schools),
    )
