"""The reflection card on the partnership's overview page.

An inclusion tag, registered as a card (core.dashboard) in the app's ready(), so that
the partnerships app (below reflection) needs no import of it.
"""

from django import template
from django.utils import timezone

from .. import selectors

register = template.Library()


TEMPLATE = "reflection/_dashboard_card.html"


@register.inclusion_tag(TEMPLATE, takes_context=True)
def reflection_card(context) -> dict:
    request = context["request"]
    summary = selectors.dashboard_summary(
        partnership=request.partnership, today=timezone.localdate()
    )
    return {"request": request, "summary": summary}


def questions(request) -> dict:
    """What the card asks (core.facts), for the page to ask with every card's."""
    return selectors.card_questions(
        partnership=request.partnership, today=timezone.localdate()
    )
