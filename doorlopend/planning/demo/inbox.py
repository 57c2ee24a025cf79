"""Demo inbox: two of the demo's reflection action points handled, the rest still waiting.

The reflection demo agrees two action points in its spring session; one becomes a task
of the plan, the other is declined with a reason, and one more point (made here, on the
same session) stays in the inbox. Idempotent: once the partnership has a triage, nothing
is done. No calendar feed is made (its address would be shown to nobody).
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.models import Membership
from doorlopend.partnerships.roles import Role
from doorlopend.reflection.models import ActionPoint
from doorlopend.reflection.services.discussion import action_point_create

from ..models import Triage
from ..services import inbox as services

WAITING = "Gastlessen van werkgevers uit de regio in leerjaar 2 plannen"


def load_demo(context: DemoContext) -> None:
    partnership = context.partnership
    coordinator = context.people.get(Role.COORDINATOR)
    if partnership is None or coordinator is None:
        return
    if Triage.objects.filter(partnership=partnership).exists():
        return
    points = list(
        ActionPoint.objects.filter(partnership=partnership, session__isnull=False)
        .select_related("session")
        .order_by("created_at", "pk")
    )
    if len(points) < 2:
        return
    first, second = points[0], points[1]
    owner = Membership.objects.filter(partnership=partnership, user=coordinator).first()
    services.triage_task(
        point=first,
        by=owner,
        title=first.title,
        owner=first.owner_member or owner,
        due_date=first.due_date,
    )
    services.triage_decline(
        point=second,
        by=owner,
        reason="Staat al als vast punt op de agenda van de stuurgroep; geen aparte taak nodig.",
    )
    if not ActionPoint.objects.filter(partnership=partnership, title=WAITING).exists():
        action_point_create(
            session=first.session,
            title=WAITING,
            theme_key="relatie",
            owner_member=owner,
            due_date=timezone.localdate() + datetime.timedelta(days=45),
            by=owner,
        )
    context.count("triages", 2)
