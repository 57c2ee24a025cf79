"""The cards on a partnership's overview page, filled from the apps' `AppConfig.ready()`.

The overview is partnerships', which comes before reflection, transitions, roadmaps and
planning in the app order: it renders `{% dashboard_cards %}` (core's tag library), and
each of those apps registers its card here. A card shows to a member who holds its
permission.

Each role's overview starts with what that role needs first (the decaan's signals, the
portefeuillehouder's change assignment, …). A card says so in `first_for`: permission
names with a rank, so that the question "who sees this first" goes through the one
permission layer (`membership.has_perm`) like every other. A member's cards come in the
order of the best rank among the `first_for` permissions they hold; cards they hold none
of follow, in the order their apps are installed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.template import Context

from .facts import Question, ask

# The rank of a card that leads no one's page: after every card that leads.
UNRANKED = 1000


@dataclass(frozen=True)
class DashboardCard:
    name: str
    permission: str
    template: str
    # The card template's context, from the overview page's (the app's inclusion tag).
    # None: the card has nothing for this member (a portefeuillehouder's card for
    # someone without a school), so it is left out.
    context: Callable[[Context], dict | None]
    # {permission: rank}: members holding the permission see the card that early.
    first_for: Mapping[str, int] = field(default_factory=dict)
    # The counts and yes/no facts the card's context will `ask` (core.facts): the page
    # asks every card's at once, in one query, before the first card reads its own.
    questions: Callable[[HttpRequest], dict[str, Question]] | None = None

    def rank(self, membership) -> int:
        return min(
            (
                rank
                for perm, rank in self.first_for.items()
                if membership.has_perm(perm)
            ),
            default=UNRANKED,
        )


_CARDS: dict[str, DashboardCard] = {}


def dashboard_card_register(card: DashboardCard) -> None:
    """Register a card (by name: registering again replaces it in its place)."""
    _CARDS[card.name] = card


def dashboard_cards_for(membership) -> list[DashboardCard]:
    """The cards `membership` may see (`membership.has_perm`, the one permission layer),
    those that lead this member's page first, the others in the order registered."""
    cards = [card for card in _CARDS.values() if membership.has_perm(card.permission)]
    # sorted() is stable: equal ranks keep the order of registration.
    return sorted(cards, key=lambda card: card.rank(membership))


def dashboard_questions_ask(
    request: HttpRequest, questions: dict[str, Question] | None = None
) -> list[DashboardCard]:
    """Ask the questions of every card the member sees, with the page's own
    `questions`, in one query; returns those cards. The cards' `ask` then reads the
    answers from the request's memo."""
    cards = dashboard_cards_for(request.membership)
    everything = dict(questions or {})
    # Several cards of one app share their app's questions: each asked once.
    for ask_of in dict.fromkeys(c.questions for c in cards if c.questions is not None):
        everything.update(ask_of(request))
    if everything:
        ask(everything)
    return cards
