"""The e-mail digest of new signals for decanen and mentors (sent through
`accounts.notifications.notify`, so in the reader's language, with an unsubscribe link,
by the worker).

One e-mail per person and partnership, with per school of theirs the number of new open
signals per kind and a link to the school's signal list. The e-mail carries no names, no
pupil numbers, no dates of birth and no statuses of one pupil: e-mail leaves our hands
(mail servers, forwarding, phones), and only counts and a link that asks the reader to log
in keep personal data inside the application, where every read is logged.

"New" means created in the window [since, until): by default since the previous digest run
(its time is kept in the shared cache, `LAST_RUN_KEY`), or the 24 hours before the run
when the cache does not know it (first run, cache cleared). The daily job runs it once a
day, so each signal is in one digest. Nothing is sent to someone with nothing new.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from doorlopend.accounts.models import NotificationKind
from doorlopend.accounts.notifications import MailTemplates, notify, site_url
from doorlopend.partnerships.models import Partnership, RoleAssignment

from ..choices import SignalKind
from ..models import Signal

logger = logging.getLogger(__name__)
WINDOW = datetime.timedelta(hours=24)
LAST_RUN_KEY = "transitions:digest:last-run"
TEMPLATES = MailTemplates(
    "transitions/email/digest_subject.txt",
    "transitions/email/digest.txt",
    "transitions/email/digest.html",
)


@dataclass
class SchoolDigest:
    name: str
    url: str
    counts: list[tuple[str, int]] = field(default_factory=list)  # (kind label, n)

    @property
    def total(self) -> int:
        return sum(n for _label, n in self.counts)


def digest_send(
    *,
    today: datetime.date | None = None,
    since: datetime.datetime | None = None,
    until: datetime.datetime | None = None,
) -> int:
    """Send the digests of signals created in [since, until); returns the e-mails sent."""
    until = until or timezone.now()
    remember = since is None
    since = since or cache.get(LAST_RUN_KEY) or until - WINDOW
    today = today or timezone.localdate()
    sent = 0
    base = None
    for partnership in Partnership.objects.order_by("pk"):
        with scope(partnership=partnership):
            counts = _counts(partnership, since, until)
            if counts:
                base = base or site_url()
                sent += _partnership_messages(partnership, counts, base, today)
    if remember:
        cache.set(LAST_RUN_KEY, until, timeout=None)
    return sent


def _counts(partnership, since, until) -> dict[int, dict[str, int]]:
    """{school id: {kind: n}} of new open signals, per sending and receiving school."""
    new = Signal.objects.filter(
        partnership=partnership,
        closed_at__isnull=True,
        created_at__gte=since,
        created_at__lt=until,
    ).order_by()
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for side in ("sending_organisation", "receiving_organisation"):
        column = f"transition__{side}"
        rows = (
            new.filter(**{f"{column}__isnull": False})
            .values_list(column, "kind")
            .annotate(n=Count("pk"))
        )
        for school_id, kind, n in rows:
            counts[school_id][kind] = counts[school_id].get(kind, 0) + n
    return counts


def _partnership_messages(partnership, counts, base: str, today) -> int:
    roles = (
        RoleAssignment.objects.filter(
            membership__partnership=partnership,
            membership__user__is_active=True,
            organisation_id__in=list(counts),
        )
        .select_related("membership__user", "organisation")
        .prefetch_related("membership__roles")
        .order_by("membership__user_id", "organisation__name")
    )
    schools_of: dict = defaultdict(dict)
    for role in roles:
        # Only those who may read the school's pupils (its decaan or mentor) hear of them.
        if role.membership.has_perm("transitions.pupils", role.organisation):
            schools_of[role.membership.user][role.organisation_id] = role.organisation
    sent = 0
    for user, schools in schools_of.items():
        digests = [
            _school_digest(partnership, school, counts[school.pk], base)
            for school in schools.values()
        ]
        sent += _message(user, partnership, digests, base, today)
    return sent


def _school_digest(partnership, school, counts: dict[str, int], base: str):
    path = reverse(
        "transitions:signal_list",
        kwargs={"partnership_slug": partnership.slug, "school_id": school.pk},
    )
    digest = SchoolDigest(name=school.name, url=base + path)
    # In the order of the rules, not of the database.
    digest.counts = [
        (kind.label, counts[kind.value])
        for kind in SignalKind
        if counts.get(kind.value)
    ]
    return digest


def _message(user, partnership, schools: list[SchoolDigest], base: str, today) -> int:
    """Hand the digest to the one notification path: the reader's language, the
    unsubscribe link, their choice to switch it off, sent by the worker."""
    return notify(
        user=user,
        kind=NotificationKind.SIGNAL_DIGEST,
        templates=TEMPLATES,
        context={
            "partnership": partnership,
            "schools": schools,
            "total": sum(s.total for s in schools),
            "today": today,
        },
    )
