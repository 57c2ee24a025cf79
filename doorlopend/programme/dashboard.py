"""The programme's card on the partnership's overview page (core.dashboard).

The newest programme with its number of items and its first thin places, so that a
werkgroep sees at the start of a meeting where the leerlijn is thin. Without a programme,
those who keep it are invited to start from the example; others see no card.
"""

from __future__ import annotations

from django.template import Context

from .elements import element_choices_of
from .selectors import coverage
from .selectors import programmes as selectors

TEMPLATE = "programme/_dashboard_card.html"
THIN_SHOWN = 3


def card_context(context: Context) -> dict | None:
    request = context["request"]
    programme = (
        selectors.programme_list(partnership=request.partnership)
        .select_related("elements_version")
        .first()
    )
    if programme is None:
        if not request.membership.has_perm("programme.manage"):
            return None
        return {"request": request, "programme": None}
    items = selectors.programme_items(programme=programme, full=False)
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
