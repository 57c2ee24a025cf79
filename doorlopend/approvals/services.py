"""Submitting something to the stuurgroep and deciding on it.

The rule for "vastgesteld" (also in the README): a request is approved once every
current stuurgroep member (every member holding `approvals.decide` when the last
decision is made) has approved it; a single rejection rejects it. Each member decides
once, with a comment (required when rejecting). What was submitted is frozen: its text
and SHA-256 hash are copied into the request, so a later change is a new version with a
different hash, and needs a new request.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership, Partnership

from . import notify, selectors
from .models import ApprovalDecision, ApprovalRequest, ApprovalStatus, Decision
from .registry import approvable


@transaction.atomic
def approval_submit(
    *,
    partnership: Partnership,
    kind: str,
    target_id: int,
    by: Membership,
    note: str = "",
) -> ApprovalRequest:
    """Ask the stuurgroep to approve the current version of `kind`/`target_id`. The same
    version already waiting (a second click) or already approved is not submitted again;
    an older version still waiting is replaced by this one."""
    spec = approvable(kind)
    snapshot = spec.current(partnership, target_id) if spec else None
    if snapshot is None:
        raise ValidationError(
            _("There is nothing to submit yet: make the document first."),
            code="nothing",
        )
    if not selectors.deciders(partnership=partnership).exists():
        raise ValidationError(
            _(
                "The partnership has no stuurgroep members to decide: invite them first."
            ),
            code="no_stuurgroep",
        )
    # Lock the partnership's row: two clicks at once must not both find nothing waiting.
    Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
    earlier = ApprovalRequest.objects.filter(
        partnership=partnership,
        kind=kind,
        target_id=target_id,
        status__in=[ApprovalStatus.PENDING, ApprovalStatus.APPROVED],
    )
    for request in earlier:
        if request.content_hash == snapshot.content_hash:
            return request
    earlier.filter(status=ApprovalStatus.PENDING).update(
        status=ApprovalStatus.SUPERSEDED, decided_at=timezone.now()
    )
    request = ApprovalRequest(
        partnership=partnership,
        kind=kind,
        target_id=target_id,
        version_id=snapshot.version_id,
        title=snapshot.title[:300],
        content_text=snapshot.content_text,
        content_hash=snapshot.content_hash,
        note=note,
        submitted_by=by.user,
    )
    request.full_clean()
    request.save()
    transaction.on_commit(lambda: notify.submitted_tell(request))
    return request


@transaction.atomic
def approval_decide(
    *, request: ApprovalRequest, by: Membership, decision: str, comment: str = ""
) -> ApprovalRequest:
    """Record `by`'s decision and settle the request by the rule above."""
    request = ApprovalRequest.objects.select_for_update().get(pk=request.pk)
    if not request.is_pending:
        raise ValidationError(
            _("This version is no longer waiting for a decision."), code="decided"
        )
    if not by.has_perm("approvals.decide"):
        raise ValidationError(_("Only the stuurgroep decides."), code="not_stuurgroep")
    if decision not in Decision.values:
        raise ValidationError({"decision": _("Choose approve or reject.")})
    if decision == Decision.REJECT and not comment.strip():
        raise ValidationError({"comment": _("Say why you reject it.")})
    if ApprovalDecision.objects.filter(request=request, membership=by).exists():
        # A second click: the first decision stands.
        return request
    ApprovalDecision.objects.create(
        request=request, membership=by, decision=decision, comment=comment.strip()
    )
    if decision == Decision.REJECT:
        request.status = ApprovalStatus.REJECTED
    else:
        approved = request.decisions.filter(decision=Decision.APPROVE).values(
            "membership_id"
        )
        deciders = selectors.deciders(partnership=request.partnership)
        if not deciders.exclude(pk__in=approved).exists():
            request.status = ApprovalStatus.APPROVED
    if not request.is_pending:
        request.decided_at = timezone.now()
        request.save(update_fields=["status", "decided_at"])
    return request
