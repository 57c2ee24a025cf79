"""The plan van aanpak's card on the partnership's overview page.

An inclusion tag, registered as a card (core.dashboard) in the app's ready(), so that
the partnerships app (below planning) needs no import of it.
"""

from django import template
from django.utils import timezone

from ..selectors.dashboard import plan_card as plan_card_summary

register = template.Library()


TEMPLATE = "planning/_dashboard_card.html"


@register.inclusion_tag(TEMPLATE, takes_context=True)
def plan_card(context) -> dict:
    request = context["request"]
    summary = plan_card_summary(
        partnership=request.partnership,
        membership=request.membership,
        today=timezone.localdate(),
    )
    return {"request": request, "summary": summary}
