"""The programme's card on the partnership's overview page (core.dashboard).

The newest programme with its number of items and its first thin places, so that a
werkgroep sees at the start of a meeting where the leerlijn is thin. Without a programme,
those who keep it are invited to start from the example; others see no card.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.template import Context

from doorlopend.core.facts import Question, any_of, ask

from .elements import element_choices_of
from .selectors import coverage
from .selectors import programmes as selectors

TEMPLATE = "programme/_dashboard_card.html"
THIN_SHOWN = 3


def questions(request: HttpRequest) -> dict[str, Question]:
    """What the card asks (core.facts), for the page to ask with every card's."""
    return {
        "programme.any": any_of(
            lambda: selectors.programme_list(partnership=request.partnership)
        )
    }


def card_context(context: Context) -> dict | None:
    request = context["request"]
    # The newest programme with its items in one query; read on its own only when there
    # is one without items (whether there is any, the page asked with its cards').
    read = selectors.newest_programme_items(partnership=request.partnership)
    programme = None
    if read:
        programme = read[0].programme
    elif ask(questions(request))["programme.any"]:
        programme = (
            selectors.programme_list(partnership=request.partnership)
            .select_related("elements_version")
            .first()
        )
    if programme is None:
        if not request.membership.has_perm("programme.manage"):
            return None
        return {"request": request, "programme": None}
    items = selectors.programme_items(programme=programme, full=False, read=read)
    heat = coverage.heat_map(
        grouped=selectors.items_by_row(items), elements=element_choices_of(programme)
    )
    return {
        "request": request,
        "programme": programme,
        "item_count": len(items),
        "thin": heat.thin[:THIN_SHOWN],
        "more": max(0, len(heat.thin) - THIN_SHOWN),
    }
