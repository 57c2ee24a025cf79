"""The feeds' per-address limit counts unknown tokens only: a school's calendars all read."""

import pytest
from django.core.cache import cache
from django.test import Client

from .factories import calendar_feed
from .test_ics import feed_url, membership_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_many_calendars_behind_one_address_all_read_their_feeds(
    partnership, member_of, monkeypatch
):
    from ..views import calendar as views

    monkeypatch.setattr(views, "FEED_IP_RATE", "3/m")
    tokens = [
        calendar_feed(membership_of(partnership, member_of(partnership)))[1]
        for _n in range(6)
    ]
    school = Client(REMOTE_ADDR="192.0.2.20")
    assert [school.get(feed_url(t)).status_code for t in tokens] == [200] * 6


def test_unknown_tokens_are_limited_per_address_and_known_ones_still_read(
    partnership, member_of, monkeypatch
):
    from ..views import calendar as views

    monkeypatch.setattr(views, "FEED_IP_RATE", "3/m")
    _feed, token = calendar_feed(membership_of(partnership, member_of(partnership)))
    guesser = Client(REMOTE_ADDR="192.0.2.21")
    assert [guesser.get(feed_url(f"guess{n}")).status_code for n in range(3)] == [
        404
    ] * 3
    assert guesser.get(feed_url("guess3")).status_code == 429
    colleague = Client(REMOTE_ADDR="192.0.2.21")
    assert colleague.get(feed_url(token)).status_code == 200
