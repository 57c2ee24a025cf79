"""The approval state of one thing (on its own page) and the overview card.

Inclusion tags: the plan van aanpak's page and a route's documents page (apps after
approvals in the app order) show `{% approval_box kind target_id %}`; the card is
registered in core.dashboard from the app's ready().
"""

from django import template

from .. import registry, selectors

register = template.Library()

BOX_TEMPLATE = "approvals/_approval_box.html"
CARD_TEMPLATE = "approvals/_dashboard_card.html"


@register.inclusion_tag(BOX_TEMPLATE, takes_context=True)
def approval_box(context, kind: str, target_id: int = 0) -> dict:
    request = context["request"]
    state = selectors.approval_state(
        partnership=request.partnership, kind=kind, target_id=target_id
    )
    return {"request": request, "state": state}


@register.inclusion_tag(CARD_TEMPLATE, takes_context=True)
def approvals_card(context) -> dict:
    request = context["request"]
    summary = selectors.card_summary(membership=request.membership)
    return {"request": request, "summary": summary}


@register.filter
def approvable(kind: str) -> bool:
    """`kind|approvable`: whether the stuurgroep approves things of `kind`."""
    return registry.approvable(str(kind)) is not None


WAITING_TEMPLATE = "approvals/_waiting.html"


@register.inclusion_tag(WAITING_TEMPLATE, takes_context=True)
def approvals_waiting(context, route_id: int | None = None) -> dict:
    """What waits for the stuurgroep, on the checklist (all) or a route's step plan
    (that route's documents): one query."""
    request = context["request"]
    waiting = selectors.request_list(partnership=request.partnership).filter(
        status="pending"
    )
    if route_id is not None:
        waiting = waiting.filter(target_id=route_id).exclude(kind="plan")
    return {"request": request, "waiting": list(waiting[:10])}
