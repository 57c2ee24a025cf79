"""The demo's stuurgroep approvals: the plan van aanpak vastgesteld, the route's
samenwerkingsovereenkomst waiting for the stuurgroep's decision.

Approvals is installed last, so this runs after the apps whose things it approves
have loaded theirs (the plan would otherwise change after its approval).
"""

from __future__ import annotations

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.selectors import membership_of
from doorlopend.routes.demo import ROUTE_NAME
from doorlopend.routes.models import Leerroute

from . import selectors, services
from .models import ApprovalRequest, Decision


def load_demo(context: DemoContext) -> None:
    partnership = context.partnership
    if ApprovalRequest.objects.filter(partnership=partnership).exists():
        return
    coordinator = membership_of(
        partnership=partnership, user=context.people.get(Role.COORDINATOR)
    )
    plan = services.approval_submit(
        partnership=partnership, kind="plan", target_id=0, by=coordinator
    )
    for member in selectors.deciders(partnership=partnership):
        services.approval_decide(
            request=plan,
            by=membership_of(partnership=partnership, user=member.user),
            decision=Decision.APPROVE,
            comment="Akkoord: dit plan van aanpak stellen we vast.",
        )
    context.count("approvals", 1)
    route = Leerroute.objects.filter(partnership=partnership, name=ROUTE_NAME).first()
    if route is not None:
        services.approval_submit(
            partnership=partnership,
            kind="agreement",
            target_id=route.pk,
            by=coordinator,
            note="Graag jullie besluit vóór de volgende stuurgroepvergadering.",
        )
        context.count("approvals", 1)
