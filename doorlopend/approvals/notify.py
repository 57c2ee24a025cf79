"""'Wacht op jouw besluit': an e-mail to each stuurgroep member when something is
submitted, through accounts' one notification path (their notification settings hold)."""

from __future__ import annotations

from django.urls import reverse
from django_scopes import scope

from doorlopend.accounts.models import NotificationKind
from doorlopend.accounts.notifications import MailTemplates, notify, site_url

from . import selectors
from .models import ApprovalRequest

SUBMITTED = MailTemplates(
    "approvals/email/submitted_subject.txt",
    "approvals/email/submitted.txt",
    "approvals/email/submitted.html",
)


def submitted_tell(request: ApprovalRequest) -> int:
    """E-mail every stuurgroep member about `request`; how many e-mails were queued."""
    path = reverse(
        "approvals:detail",
        kwargs={
            "partnership_slug": request.partnership.slug,
            "approval_id": request.pk,
        },
    )
    sent = 0
    # Runs on commit, after the view's scope has closed: enter the request's own.
    with scope(partnership=request.partnership):
        members = list(selectors.deciders(partnership=request.partnership))
    for member in members:
        sent += notify(
            user=member.user,
            kind=NotificationKind.APPROVAL,
            templates=SUBMITTED,
            context={
                "title": request.title,
                "note": request.note,
                "url": site_url() + path,
                "partnership": request.partnership,
            },
            once=f"approval:{request.pk}:{member.user_id}",
        )
    return sent
