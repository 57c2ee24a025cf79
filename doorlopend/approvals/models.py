"""Stuurgroep approval of anything approvable (the plan van aanpak, a route's documents).

One model for every approvable kind: an `ApprovalRequest` names its subject by
`kind` (a key in `registry`) and `target_id` (the route, or 0 for the partnership's own
plan), and freezes what was submitted: its content text and SHA-256 hash (as documents
keep theirs). Each stuurgroep member's decision is an `ApprovalDecision` with a comment.

The rule (services.approval_decide): a request is approved when every member who holds
the stuurgroep role at that moment has approved it; one rejection rejects it. A change
afterwards gives a different hash: a new version, which needs a new request.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.partnerships.models import Membership, Partnership


class ApprovalStatus(models.TextChoices):
    PENDING = "pending", _("waiting for decisions")
    APPROVED = "approved", _("vastgesteld")
    REJECTED = "rejected", _("rejected")
    # A newer version was submitted while this one waited.
    SUPERSEDED = "superseded", _("replaced by a newer version")


class ApprovalRequest(models.Model):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="approval_requests"
    )
    kind = models.CharField(_("kind"), max_length=30)
    # The route whose document it is; 0 for what belongs to the whole partnership.
    target_id = models.PositiveIntegerField(default=0)
    # The version submitted (a GeneratedDocument's id), when the kind keeps versions.
    version_id = models.PositiveIntegerField(null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    content_text = models.TextField(blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64)
    note = models.TextField(_("note to the stuurgroep"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ApprovalStatus.choices,
        default=ApprovalStatus.PENDING,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["partnership", "kind", "target_id"])]
        verbose_name = _("approval request")
        verbose_name_plural = _("approval requests")

    def __str__(self) -> str:
        return self.title

    @property
    def is_pending(self) -> bool:
        return self.status == ApprovalStatus.PENDING


class Decision(models.TextChoices):
    APPROVE = "approve", _("approve")
    REJECT = "reject", _("reject")


class ApprovalDecision(models.Model):
    request = models.ForeignKey(
        ApprovalRequest, on_delete=models.CASCADE, related_name="decisions"
    )
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="approval_decisions"
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    comment = models.TextField(_("comment"), blank=True)
    decided_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="request__partnership")

    class Meta:
        ordering = ["decided_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "membership"], name="approvals_one_decision_each"
            )
        ]
        verbose_name = _("approval decision")
        verbose_name_plural = _("approval decisions")

    def __str__(self) -> str:
        return f"{self.membership} {self.decision}"
