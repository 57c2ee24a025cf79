"""The same proof for an instrument that asks only the kind of party (draagvlak).

With `ask_layer: false` the rule breaks down by sector alone and keeps the total: a kind
of party under k is hidden, and while the hidden kinds hold fewer than k together, the
smallest shown kind goes with them. Hypothesis draws rooms of parties and the rank
check of `anonymity_check` finds no group under k in the span of what is shown.
"""

from dataclasses import replace

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .anonymity_check import Person, answer_breaches, count_breaches
from .test_anonymity_property import VALUE, definition, shown

PARTIES = ["vo", "mbo", "gemeente", "bedrijfsleven"]


def parties_only(shape: list[int]):
    return replace(definition(shape), ask_layer=False)


@st.composite
def party_rooms(draw):
    shape = draw(st.lists(st.integers(1, 3), min_size=1, max_size=2))
    keys = [f"t{t}-{i}" for t, n in enumerate(shape) for i in range(n)]
    answered = st.one_of(st.just(keys), st.lists(st.sampled_from(keys), unique=True))
    group = st.tuples(st.sampled_from(PARTIES), st.integers(1, 5), answered)
    people = [
        Person(party, "", {k: draw(VALUE) for k in keys_answered})
        for party, n, keys_answered in draw(st.lists(group, max_size=5))
        for _ in range(n)
    ]
    return parties_only(shape), people, draw(st.sampled_from([3, 3, 4]))


def demo_room():
    """The demo's survey: vo 4, mbo 3, bedrijfsleven 4, gemeente 1."""
    plan = {"vo": 4, "mbo": 3, "bedrijfsleven": 4, "gemeente": 1}
    people = [
        Person(party, "", {"t0-0": 4, "t0-1": 2})
        for party, n in plan.items()
        for _ in range(n)
    ]
    return parties_only([2]), people, 3


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(party_rooms())
@example(demo_room())
def test_no_kind_of_party_under_k_follows_from_everything_shown(room):
    definition, people, k = room
    res = shown(definition, people, k)
    assert res.breakdowns in ((), ("sector",))  # never a layer: none was asked
    assert count_breaches(res, people) == []
    assert answer_breaches(res, people) == []


def test_the_demo_room_shows_vo_and_employers_and_hides_mbo_with_the_municipality():
    definition, people, k = demo_room()
    res = shown(definition, people, k)
    assert res.sector_counts == {
        "vo": 4,
        "mbo": None,
        "gemeente": None,
        "bedrijfsleven": 4,
    }
    assert res.themes[0].figures.respondents == 12  # the total stays
