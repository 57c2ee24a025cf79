"""The overview's cards: those that lead a member's role first, the rest as registered."""

from dataclasses import dataclass

import pytest

from doorlopend.core import dashboard
from doorlopend.core.dashboard import DashboardCard, dashboard_cards_for


@dataclass
class Member:
    """Holds the permissions named; `has_perm` is all the registry asks."""

    perms: frozenset[str]

    def has_perm(self, perm: str, obj=None) -> bool:
        return perm in self.perms


@pytest.fixture
def cards(monkeypatch):
    monkeypatch.setattr(dashboard, "_CARDS", {})

    def card(name, permission="see", **kwargs):
        dashboard.dashboard_card_register(
            DashboardCard(name, permission, "card.html", lambda c: {}, **kwargs)
        )

    card("reflection")
    card("figures", first_for={"home.figures": 0})
    card("signals", permission="pupils", first_for={"home.signals": 0})
    card("plan", first_for={"home.next_steps": 2, "home.progress": 1})
    card("steps", first_for={"home.next_steps": 1})


def names(member) -> list[str]:
    return [card.name for card in dashboard_cards_for(member)]


def test_a_role_without_a_lead_sees_the_cards_as_registered(cards):
    assert names(Member(frozenset({"see"}))) == [
        "reflection",
        "figures",
        "plan",
        "steps",
    ]


def test_each_role_sees_its_own_cards_first_in_their_rank(cards):
    assert names(Member(frozenset({"see", "home.next_steps"}))) == [
        "steps",
        "plan",
        "reflection",
        "figures",
    ]
    assert names(Member(frozenset({"see", "home.figures"})))[0] == "figures"


def test_a_lead_does_not_show_a_card_one_may_not_see(cards):
    assert "signals" not in names(Member(frozenset({"see", "home.signals"})))
    assert names(Member(frozenset({"see", "pupils", "home.signals"})))[0] == "signals"


def test_several_roles_take_the_best_rank_and_a_tie_keeps_the_registered_order(cards):
    # plan: rank 1 (home.progress) beats its 2; steps: rank 1 too, registered later
    member = Member(frozenset({"see", "home.progress", "home.next_steps"}))
    assert names(member)[:2] == ["plan", "steps"]
