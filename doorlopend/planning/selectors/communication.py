"""Reads of the communication plan: by moment, per audience, the next moments."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet

from doorlopend.core.facts import ask, how_many
from doorlopend.partnerships.models import Membership, Partnership

from ..models import CommunicationItem

Audience = CommunicationItem.Audience
PLAN_NEXT = 4


def communication_items(
    *, partnership: Partnership, audience: str | None = None
) -> QuerySet[CommunicationItem]:
    """The plan's items by moment, optionally for one audience."""
    items = CommunicationItem.objects.filter(partnership=partnership)
    if audience:
        items = items.filter(audience=audience)
    return items.select_related("owner__user").order_by("moment", "pk")


@dataclass
class AudienceGroup:
    audience: str
    label: str
    items: list[CommunicationItem] = field(default_factory=list)


def by_audience(items: list[CommunicationItem]) -> list[AudienceGroup]:
    """The items grouped in the order of the eight audiences; empty groups left out."""
    groups = {value: AudienceGroup(value, label) for value, label in Audience.choices}
    for item in items:
        groups[item.audience].items.append(item)
    return [g for g in groups.values() if g.items]


@dataclass
class CommunicationSummary:
    total: int
    next: list[CommunicationItem]


def plan_communication(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> CommunicationSummary:
    """The plan page's section: the next moments not yet done (two queries; one when
    the page asked its sections' counts first)."""
    items = CommunicationItem.objects.filter(partnership=partnership)
    upcoming = list(
        items.filter(moment__gte=today)
        .exclude(status=CommunicationItem.Status.DONE)
        .select_related("owner__user")
        .order_by("moment", "pk")[:PLAN_NEXT]
    )
    total = ask({"planning.communication": how_many(items)})
    return CommunicationSummary(total=total["planning.communication"], next=upcoming)
