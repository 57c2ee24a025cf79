"""The cards on a partnership's overview page, filled from the apps' `AppConfig.ready()`.

The overview is partnerships', which comes before reflection, transitions, roadmaps and
planning in the app order: it renders `{% dashboard_cards %}` (core's tag library), and
each of those apps registers its card here. A card shows to a member who holds its
permission; cards come in the order their apps are installed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.template import Context


@dataclass(frozen=True)
class DashboardCard:
    name: str
    permission: str
    template: str
    # The card template's context, from the overview page's (the app's inclusion tag).
    context: Callable[[Context], dict]


_CARDS: dict[str, DashboardCard] = {}


def dashboard_card_register(card: DashboardCard) -> None:
    """Register a card (by name: registering again replaces it in its place)."""
    _CARDS[card.name] = card


def dashboard_cards_for(membership) -> list[DashboardCard]:
    """The cards `membership` may see (`membership.has_perm`, the one permission layer),
    in the order they were registered."""
    return [card for card in _CARDS.values() if membership.has_perm(card.permission)]
