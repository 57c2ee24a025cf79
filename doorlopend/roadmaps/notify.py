"""E-mail about checklist items and steps: to a new owner, and reminders of due dates."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from doorlopend.accounts.notifications import Due, notify_assigned
from doorlopend.accounts.notifications import reminders_send as remind_owners
from doorlopend.partnerships.digest import MAX_TITLES, DigestLine, DigestSection

from .models import OPEN_STATUSES, ItemState, Status

CHECKLIST_ITEM = _("checklist item")
STEP = _("step")


def _kind(state: ItemState):
    return STEP if state.roadmap.route_id else CHECKLIST_ITEM


def _path(state: ItemState) -> str:
    return reverse(
        "roadmaps:state_edit",
        kwargs={
            "partnership_slug": state.roadmap.partnership.slug,
            "state_id": state.pk,
        },
    )


def owner_tell(state: ItemState, *, by) -> bool:
    """The item's owner hears it is theirs (not when they took it on themselves)."""
    if state.owner_id is None:
        return False
    return notify_assigned(
        user=state.owner.user,
        by_user=by.user if by else None,
        item_kind=_kind(state),
        title=state.title,
        due_date=state.due_date,
        path=_path(state),
        partnership=state.roadmap.partnership,
    )


def reminders_send(*, today: datetime.date) -> int:
    """Reminders of open items of theirs to owners: soon due, or just overdue."""
    return remind_owners(_due_states, today=today)


def _due_states(since: datetime.date, soon: datetime.date) -> Iterator[Due]:
    states = (
        ItemState.objects.filter(
            status__in=OPEN_STATUSES,
            owner__isnull=False,
            due_date__gte=since,
            due_date__lte=soon,
        )
        .select_related("owner__user", "roadmap__partnership", "roadmap__version")
        .order_by("pk")
    )
    for state in states:
        yield Due(
            user=state.owner.user,
            item_kind=_kind(state),
            title=state.title,
            due_date=state.due_date,
            path=_path(state),
            partnership=state.roadmap.partnership,
            key=f"roadmaps.item:{state.pk}",
        )


def digest_section(partnership, since: datetime.date, today: datetime.date):
    """The roadmaps' part of the weekly digest: items done, and the overdue ones."""
    states = ItemState.objects.filter(roadmap__partnership=partnership)
    overdue_q = Q(status__in=OPEN_STATUSES, due_date__lt=today)
    counts = states.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=Status.DONE)),
        overdue=Count("pk", filter=overdue_q),
    )
    if not counts["total"]:
        return None
    lines = [
        DigestLine(_("Items done"), f"{counts['done']} / {counts['total']}"),
        DigestLine(_("Overdue items"), counts["overdue"]),
    ]
    overdue = (
        states.filter(overdue_q)
        .select_related("roadmap__version")
        .order_by("due_date", "pk")
    )
    for state in overdue[:MAX_TITLES]:
        lines.append(DigestLine(f"· {state.title}", state.due_date))
    return DigestSection(
        title=_("Roadmaps"),
        lines=lines,
        path=reverse(
            "roadmaps:overview", kwargs={"partnership_slug": partnership.slug}
        ),
    )
