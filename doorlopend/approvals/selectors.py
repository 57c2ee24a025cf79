"""What waits for the stuurgroep, and the approval state of one approvable thing."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, QuerySet

from doorlopend.partnerships.models import Membership, Partnership
from doorlopend.partnerships.permissions import roles_with

from .models import ApprovalDecision, ApprovalRequest, ApprovalStatus
from .registry import Snapshot, approvable


def deciders(*, partnership: Partnership) -> QuerySet[Membership]:
    """The stuurgroep: the members whose roles hold `approvals.decide` (the table),
    with an active account."""
    return (
        Membership.objects.filter(
            partnership=partnership,
            roles__role__in=roles_with("approvals.decide"),
            user__is_active=True,
        )
        .select_related("user")
        .distinct()
    )


def request_list(*, partnership: Partnership) -> QuerySet[ApprovalRequest]:
    """Every request of the partnership, newest first, with who submitted it."""
    return (
        ApprovalRequest.objects.filter(partnership=partnership)
        .select_related("submitted_by")
        .defer("content_text")
    )


def decisions_of(*, request: ApprovalRequest) -> QuerySet[ApprovalDecision]:
    return request.decisions.select_related("membership__user")


def waiting_for(*, membership: Membership) -> QuerySet[ApprovalRequest]:
    """The requests waiting on `membership`'s decision (none for who does not decide)."""
    if not membership.has_perm("approvals.decide"):
        return ApprovalRequest.objects.none()
    return (
        request_list(partnership=membership.partnership)
        .filter(status=ApprovalStatus.PENDING)
        .exclude(decisions__membership=membership)
    )


@dataclass(frozen=True)
class MemberDecision:
    membership: Membership
    decision: ApprovalDecision | None


def member_decisions(*, request: ApprovalRequest) -> list[MemberDecision]:
    """Each stuurgroep member with their decision (or none yet); members who decided and
    have since left the stuurgroep are still shown with their decision."""
    decided = {d.membership_id: d for d in decisions_of(request=request)}
    rows = [
        MemberDecision(m, decided.pop(m.pk, None))
        for m in deciders(partnership=request.partnership)
    ]
    rows += [MemberDecision(d.membership, d) for d in decided.values()]
    return rows


@dataclass(frozen=True)
class ApprovalState:
    kind: str
    target_id: int
    current: Snapshot | None
    approved: ApprovalRequest | None  # the last version the stuurgroep approved
    pending: ApprovalRequest | None  # the version waiting for decisions
    rejected: ApprovalRequest | None  # the last rejection, if it is the latest word

    @property
    def current_is_approved(self) -> bool:
        return bool(
            self.approved
            and self.current
            and self.current.content_hash == self.approved.content_hash
        )

    @property
    def current_differs(self) -> bool:
        """An approved version exists, but what is there now is not it."""
        return bool(self.approved and self.current and not self.current_is_approved)

    @property
    def can_submit(self) -> bool:
        if self.current is None or self.current_is_approved:
            return False
        return not (
            self.pending and self.pending.content_hash == self.current.content_hash
        )


def approval_state(
    *, partnership: Partnership, kind: str, target_id: int = 0
) -> ApprovalState:
    """Where `kind`/`target_id` stands: its current version, the last approved one and
    the one waiting (one query besides the kind's own for the current version)."""
    spec = approvable(kind)
    current = spec.current(partnership, target_id) if spec else None
    requests = list(
        ApprovalRequest.objects.filter(
            partnership=partnership, kind=kind, target_id=target_id
        )
        .exclude(status=ApprovalStatus.SUPERSEDED)
        .defer("content_text")[:20]
    )
    approved = next((r for r in requests if r.status == ApprovalStatus.APPROVED), None)
    pending = next((r for r in requests if r.is_pending), None)
    latest = requests[0] if requests else None
    rejected = latest if latest and latest.status == ApprovalStatus.REJECTED else None
    return ApprovalState(kind, target_id, current, approved, pending, rejected)


@dataclass(frozen=True)
class CardSummary:
    # Waiting for this member's decision (the stuurgroep), newest first.
    mine: list[ApprovalRequest]
    # Every request waiting for decisions (what the coördinator follows), newest first.
    pending: list[ApprovalRequest]
    decides: bool


def card_summary(*, membership: Membership) -> CardSummary:
    """The overview card: one query whatever the number of requests (at most the 10
    newest waiting are shown)."""
    pending = list(
        request_list(partnership=membership.partnership)
        .filter(status=ApprovalStatus.PENDING)
        .annotate(
            decided=Count("decisions"),
            decided_by_me=Exists(
                ApprovalDecision.objects.filter(
                    request=OuterRef("pk"), membership=membership
                )
            ),
        )[:10]
    )
    decides = membership.has_perm("approvals.decide")
    mine = [r for r in pending if not r.decided_by_me] if decides else []
    return CardSummary(mine=mine, pending=pending, decides=decides)
