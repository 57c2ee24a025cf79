"""E-mail from reflection: reminders of action points' due dates, and 'your report is
ready' to whoever asked for it."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from doorlopend.accounts.models import NotificationKind
from doorlopend.accounts.notifications import (
    REPORT_READY,
    Due,
    notify,
    site_url,
)
from doorlopend.accounts.notifications import reminders_send as remind_owners
from doorlopend.core.jobs import JobState
from doorlopend.partnerships.digest import MAX_TITLES, DigestLine, DigestSection

from .choices import ActionStatus
from .models import ActionPoint, Report


def reminders_send(*, today: datetime.date) -> int:
    """Reminders of open action points to their owners: soon due, or just overdue."""
    return remind_owners(_due_points, today=today)


def _due_points(since: datetime.date, soon: datetime.date) -> Iterator[Due]:
    points = (
        ActionPoint.objects.exclude(
            status__in=[ActionStatus.GEREED, ActionStatus.VERVALLEN]
        )
        .filter(owner_member__isnull=False, due_date__gte=since, due_date__lte=soon)
        .select_related("owner_member__user", "partnership")
        .order_by("pk")
    )
    for point in points:
        yield Due(
            user=point.owner_member.user,
            item_kind=_("action point"),
            title=point.title,
            due_date=point.due_date,
            path=reverse(
                "reflection:action_point_list",
                kwargs={"partnership_slug": point.partnership.slug},
            ),
            partnership=point.partnership,
            key=f"reflection.action:{point.pk}",
        )


def report_ready_tell(report: Report) -> bool:
    """The person who asked for the report hears it is ready (the job's `after`)."""
    if report.status != JobState.DONE or report.requested_by is None:
        return False
    session = report.session
    path = reverse(
        "reflection:report_status",
        kwargs={
            "partnership_slug": session.partnership.slug,
            "session_id": session.pk,
            "report_id": report.pk,
        },
    )
    return notify(
        user=report.requested_by,
        kind=NotificationKind.REPORT_READY,
        templates=REPORT_READY,
        context={
            "title": str(session),
            "url": site_url() + path,
            "partnership": session.partnership,
        },
        once=f"report_ready:reflection.report:{report.pk}",
    )


def digest_section(partnership, since: datetime.date, today: datetime.date):
    """Reflection's part of the weekly digest: open and overdue action points."""
    open_points = ActionPoint.objects.filter(partnership=partnership).exclude(
        status__in=[ActionStatus.GEREED, ActionStatus.VERVALLEN]
    )
    counts = open_points.aggregate(
        open=Count("pk"), overdue=Count("pk", filter=Q(due_date__lt=today))
    )
    if not counts["open"]:
        return None
    lines = [
        DigestLine(_("Open action points"), counts["open"]),
        DigestLine(_("Overdue action points"), counts["overdue"]),
    ]
    overdue = open_points.filter(due_date__lt=today).order_by("due_date", "pk")
    for point in overdue[:MAX_TITLES]:
        lines.append(DigestLine(f"· {point.title}", point.due_date))
    return DigestSection(
        title=_("Action points"),
        lines=lines,
        path=reverse(
            "reflection:action_point_list",
            kwargs={"partnership_slug": partnership.slug},
        ),
    )
