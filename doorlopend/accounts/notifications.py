"""The one path every notification e-mail takes: `notify()`.

It renders a pair of templates (plain text and HTML) in the recipient's language (their
choice on the profile page, else Dutch), adds a signed one-click unsubscribe link for that
kind of e-mail (in the text and as List-Unsubscribe headers), leaves out whoever switched
that kind off, and hands the message to the worker (`tasks.mail_send`) once the
transaction that caused it commits. A `once` key makes an e-mail go out once whatever
reruns its sweep (reminders, digests): the key is recorded in NotificationSent.

Each kind of e-mail names its three templates in a `MailTemplates` (subject, text, HTML);
the text and HTML extend `accounts/email/base.txt` and `accounts/email/base.html`, which
carry the greeting, the footer and the unsubscribe link.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled

from . import tasks
from .models import NotificationKind, NotificationOptOut, NotificationSent, User

logger = logging.getLogger(__name__)
UNSUBSCRIBE_SALT = "doorlopend.accounts.unsubscribe"


@dataclass(frozen=True)
class MailTemplates:
    subject: str
    text: str
    html: str


ASSIGNED = MailTemplates(
    "accounts/email/assigned_subject.txt",
    "accounts/email/assigned.txt",
    "accounts/email/assigned.html",
)
DUE_SOON = MailTemplates(
    "accounts/email/due_soon_subject.txt",
    "accounts/email/due_soon.txt",
    "accounts/email/due_soon.html",
)
OVERDUE = MailTemplates(
    "accounts/email/overdue_subject.txt",
    "accounts/email/overdue.txt",
    "accounts/email/overdue.html",
)
REPORT_READY = MailTemplates(
    "accounts/email/report_ready_subject.txt",
    "accounts/email/report_ready.txt",
    "accounts/email/report_ready.html",
)


def site_url() -> str:
    """The address of the site for links in e-mail (no request to take it from)."""
    url = getattr(settings, "SITE_URL", "")
    if not url:
        logger.warning("SITE_URL is not set: links in e-mail point to localhost.")
        url = "http://localhost:8000"
    return url.rstrip("/")


def language_of(user: User) -> str:
    """The language a person reads: their own choice, else the partnership's (Dutch)."""
    return user.language or settings.LANGUAGE_CODE


def unsubscribe_token(user: User, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_read(token: str) -> tuple[User, str] | None:
    """The person and kind a token names; None for a forged or broken token."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        kind = str(data["k"])
        user = User.objects.get(pk=int(data["u"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError, User.DoesNotExist):
        return None
    if kind not in NotificationKind.values:
        return None
    return user, kind


def unsubscribe_url(user: User, kind: str) -> str:
    path = reverse(
        "accounts:unsubscribe", kwargs={"token": unsubscribe_token(user, kind)}
    )
    return site_url() + path


def opted_out(user: User, kind: str) -> bool:
    return NotificationOptOut.objects.filter(user=user, kind=kind).exists()


def opt_out(*, user: User, kind: str) -> None:
    NotificationOptOut.objects.get_or_create(user=user, kind=kind)


def choices_set(*, user: User, wanted: set[str]) -> None:
    """Keep exactly the kinds in `wanted` switched on, every other kind off."""
    with transaction.atomic():
        NotificationOptOut.objects.filter(user=user, kind__in=wanted).delete()
        for kind in set(NotificationKind.values) - wanted:
            NotificationOptOut.objects.get_or_create(user=user, kind=kind)


def _claim(key: str) -> bool:
    """Record `key` once; False when an earlier run recorded it already."""
    try:
        with transaction.atomic():
            NotificationSent.objects.create(key=key[:200])
    except IntegrityError:
        return False
    return True


def notify(
    *,
    user: User | None,
    kind: str,
    templates: MailTemplates,
    context: dict | None = None,
    once: str = "",
) -> bool:
    """E-mail `user` about `kind` from `templates`; whether an e-mail was queued.

    Nothing goes to nobody, to an inactive account, to someone who switched `kind` off, or
    a second time for the same `once` key.
    """
    if kind not in NotificationKind.values:
        raise ValueError(f"Unknown notification kind {kind!r}")
    if user is None or not user.is_active or not user.email:
        return False
    if opted_out(user, kind):
        return False
    if once and not _claim(once):
        return False
    message = render(user=user, kind=kind, templates=templates, context=context or {})
    transaction.on_commit(partial(tasks.mail_send.enqueue, **message))
    return True


def render(*, user: User, kind: str, templates: MailTemplates, context: dict) -> dict:
    """The e-mail as the worker sends it: to, subject, text, html and headers."""
    leave = unsubscribe_url(user, kind)
    with translation.override(language_of(user)):
        context = {
            **context,
            "user": user,
            "site_url": site_url(),
            "unsubscribe_url": leave,
            "kind_label": str(NotificationKind(kind).label),
            "language": translation.get_language(),
        }
        subject = " ".join(render_to_string(templates.subject, context).split())
        text = render_to_string(templates.text, context)
        html = render_to_string(templates.html, context)
    return {
        "to": user.email,
        "subject": subject,
        "text": text,
        "html": html,
        "headers": {
            "List-Unsubscribe": f"<{leave}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    }


def notify_assigned(
    *,
    user: User | None,
    by_user: User | None,
    item_kind,
    title: str,
    due_date,
    path: str,
    partnership,
) -> bool:
    """Tell `user` that something (a task, action point, checklist item, step) is now
    theirs; not when they gave it to themselves. `item_kind` is a lazy label, so it reads
    in the recipient's language; `path` is the page of the item."""
    if user is None or (by_user is not None and by_user.pk == user.pk):
        return False
    return notify(
        user=user,
        kind=NotificationKind.ASSIGNED,
        templates=ASSIGNED,
        context={
            "item_kind": item_kind,
            "title": title,
            "due_date": due_date,
            "url": site_url() + path,
            "partnership": partnership,
            "by_name": by_user.get_full_name() if by_user else "",
        },
    )


def notify_due(
    *,
    user: User | None,
    overdue: bool,
    item_kind,
    title: str,
    due_date,
    path: str,
    partnership,
    key: str,
) -> bool:
    """A reminder before the due date, or once it has passed; once per `key`, due date
    and person (a new due date or owner earns a new reminder)."""
    if user is None:
        return False
    kind = NotificationKind.OVERDUE if overdue else NotificationKind.DUE_SOON
    return notify(
        user=user,
        kind=kind,
        templates=OVERDUE if overdue else DUE_SOON,
        context={
            "item_kind": item_kind,
            "title": title,
            "due_date": due_date,
            "url": site_url() + path,
            "partnership": partnership,
        },
        once=f"{kind}:{key}:{due_date.isoformat()}:{user.pk}",
    )


@dataclass(frozen=True)
class Due:
    """An open item with an owner and a due date, as its reminder names it."""

    user: User
    item_kind: object  # a translatable word: "task", "action point", "step"
    title: str
    due_date: datetime.date
    path: str
    partnership: object
    key: str  # the item, e.g. "planning.task:12": a reminder goes once per key and date


def reminders_send(
    due: Callable[[datetime.date, datetime.date], Iterable[Due]],
    *,
    today: datetime.date,
) -> int:
    """Remind the owners of the items `due(since, soon)` gives: soon due, or just
    overdue (see reminder_window); how many were sent. Each app names its own items."""
    soon, since = reminder_window(today)
    # The daily work runs for every partnership at once, outside any request.
    with scopes_disabled():
        return sum(
            notify_due(
                user=item.user,
                overdue=item.due_date < today,
                item_kind=item.item_kind,
                title=item.title,
                due_date=item.due_date,
                path=item.path,
                partnership=item.partnership,
                key=item.key,
            )
            for item in due(since, soon)
        )


def reminder_window(today) -> tuple:
    """(soon, since): remind of open things due in [today, soon], and once of those
    overdue since `since` (not of things long forgotten when reminders started)."""
    soon = today + datetime.timedelta(days=int(settings.REMINDER_DAYS_BEFORE))
    since = today - datetime.timedelta(days=int(settings.REMINDER_OVERDUE_DAYS))
    return soon, since


# A key older than this can no longer come round again: a reminder's key holds its due
# date, which has left the reminder window long before; a digest's holds its week.
SENT_KEPT_DAYS = 90


def sent_prune(*, today: datetime.date) -> int:
    """Forget the keys of e-mails sent more than SENT_KEPT_DAYS ago; how many (daily)."""
    cutoff = today - datetime.timedelta(days=SENT_KEPT_DAYS)
    deleted, _kinds = NotificationSent.objects.filter(sent_at__date__lt=cutoff).delete()
    return deleted
