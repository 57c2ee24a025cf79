"""The decaan's signals card on the partnership's overview page.

An inclusion tag, registered as a card (core.dashboard) in the app's ready(), so that
the partnerships app (below transitions) needs no import of it.
"""

from django import template

from ..selectors.home import signal_summary

register = template.Library()


TEMPLATE = "transitions/_signals_card.html"


@register.inclusion_tag(TEMPLATE, takes_context=True)
def signals_card(context) -> dict | None:
    request = context["request"]
    summary = signal_summary(membership=request.membership)
    if summary is None:
        return None
    return {"request": request, "summary": summary}
