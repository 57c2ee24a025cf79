"""Reminders of tasks' due dates to their owners (the daily work, `core.periodic`)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from doorlopend.accounts.notifications import Due
from doorlopend.accounts.notifications import reminders_send as remind_owners
from doorlopend.partnerships.digest import MAX_TITLES, DigestLine, DigestSection

from .models import Task, TaskStatus


def reminders_send(*, today: datetime.date) -> int:
    """Reminders of open tasks to owners: soon due, or just overdue; how many sent."""
    return remind_owners(_due_tasks, today=today)


def _due_tasks(since: datetime.date, soon: datetime.date) -> Iterator[Due]:
    tasks = (
        Task.objects.exclude(status=TaskStatus.DONE)
        .filter(owner__isnull=False, due_date__gte=since, due_date__lte=soon)
        .select_related("owner__user", "partnership")
        .order_by("pk")
    )
    for task in tasks:
        yield Due(
            user=task.owner.user,
            item_kind=_("task"),
            title=task.title,
            due_date=task.due_date,
            path=reverse(
                "planning:my_tasks", kwargs={"partnership_slug": task.partnership.slug}
            ),
            partnership=task.partnership,
            key=f"planning.task:{task.pk}",
        )


def digest_section(partnership, since: datetime.date, today: datetime.date):
    """The plan's part of the weekly digest: tasks done, and the overdue ones."""
    tasks = Task.objects.filter(partnership=partnership)
    overdue_q = Q(due_date__lt=today) & ~Q(status=TaskStatus.DONE)
    counts = tasks.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=TaskStatus.DONE)),
        overdue=Count("pk", filter=overdue_q),
        new=Count(
            "pk", filter=Q(created_at__date__gte=since, created_at__date__lt=today)
        ),
    )
    if not counts["total"]:
        return None
    lines = [
        DigestLine(_("Tasks done"), f"{counts['done']} / {counts['total']}"),
        DigestLine(_("New tasks this week"), counts["new"]),
        DigestLine(_("Overdue tasks"), counts["overdue"]),
    ]
    for task in tasks.filter(overdue_q).order_by("due_date", "pk")[:MAX_TITLES]:
        lines.append(DigestLine(f"· {task.title}", task.due_date))
    return DigestSection(
        title=_("Plan van aanpak"),
        lines=lines,
        path=reverse(
            "planning:task_list", kwargs={"partnership_slug": partnership.slug}
        ),
    )
