"""The roadmaps card on the partnership's overview page.

An inclusion tag, registered as a card (core.dashboard) in the app's ready(), so that
the partnerships app (below roadmaps) needs no import of it.
"""

from django import template
from django.utils import timezone

from ..selectors.overview import card_questions, dashboard_summary

register = template.Library()


TEMPLATE = "roadmaps/_dashboard_card.html"


@register.inclusion_tag(TEMPLATE, takes_context=True)
def roadmaps_card(context) -> dict:
    request = context["request"]
    summary = dashboard_summary(
        partnership=request.partnership,
        membership=request.membership,
        today=timezone.localdate(),
        with_checklist=False,
    )
    return {"request": request, "summary": summary}


def questions(request) -> dict:
    """What the card asks (core.facts), for the page to ask with every card's."""
    return card_questions(
        partnership=request.partnership,
        membership=request.membership,
        today=timezone.localdate(),
    )
