"""The weekly digest for the coördinator and the stuurgroep: progress, what is overdue,
and how many new signals; never a pupil, only counts and the titles of the work.

Each app adds its section from its `AppConfig.ready()` (partnerships sits below them):
`digest_section_register(name, section)` where `section(partnership, since, today)`
returns a DigestSection or None. Labels are lazy, so each reader gets their own language.
The worker sends it on WEEKLY_DIGEST_WEEKDAY (its daily work, `core.periodic`), once per
person, partnership and week whatever reruns it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django_scopes import scope

from doorlopend.accounts.models import NotificationKind
from doorlopend.accounts.notifications import MailTemplates, notify, site_url

from .models import Membership, Partnership
from .permissions.rules import holders_filter


@dataclass
class DigestLine:
    label: object  # a lazy label or a title
    value: object = ""


@dataclass
class DigestSection:
    title: object
    lines: list[DigestLine] = field(default_factory=list)
    path: str = ""  # the page to read more, under the site

    @property
    def url(self) -> str:
        return site_url() + self.path if self.path else ""


Section = Callable[[Partnership, datetime.date, datetime.date], DigestSection | None]
SECTIONS: dict[str, Section] = {}
TEMPLATES = MailTemplates(
    "partnerships/email/weekly_digest_subject.txt",
    "partnerships/email/weekly_digest.txt",
    "partnerships/email/weekly_digest.html",
)
# The longest list of titles (overdue tasks and the like) a section shows.
MAX_TITLES = 5


def digest_section_register(name: str, section: Section) -> None:
    SECTIONS[name] = section


def digest_sections(
    partnership: Partnership, since: datetime.date, today: datetime.date
) -> list[DigestSection]:
    found = (
        section(partnership, since, today)
        for _name, section in sorted(SECTIONS.items())
    )
    return [section for section in found if section is not None]


def weekly_digest_send(*, today: datetime.date, force: bool = False) -> int:
    """Send the week's digest to each coördinator and stuurgroep member; how many sent.
    Only on WEEKLY_DIGEST_WEEKDAY unless `force`."""
    if not force and today.weekday() != int(settings.WEEKLY_DIGEST_WEEKDAY):
        return 0
    since = today - datetime.timedelta(days=7)
    week = "{}-W{:02d}".format(*today.isocalendar()[:2])
    sent = 0
    for partnership in Partnership.objects.order_by("pk"):
        with scope(partnership=partnership):
            readers = list(
                Membership.objects.filter(
                    holders_filter("partnership.digest"),
                    partnership=partnership,
                    user__is_active=True,
                )
                .select_related("user")
                .distinct()
                .order_by("pk")
            )
            if not readers:
                continue
            sections = digest_sections(partnership, since, today)
            path = reverse(
                "partnerships:dashboard", kwargs={"partnership_slug": partnership.slug}
            )
            for member in readers:
                sent += notify(
                    user=member.user,
                    kind=NotificationKind.WEEKLY_DIGEST,
                    templates=TEMPLATES,
                    context={
                        "partnership": partnership,
                        "sections": sections,
                        "since": since,
                        "today": today,
                        "url": site_url() + path,
                    },
                    once=f"weekly_digest:{partnership.pk}:{member.user_id}:{week}",
                )
    return sent
