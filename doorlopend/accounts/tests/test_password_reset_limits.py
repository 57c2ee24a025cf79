"""Password reset is limited per address and per network, and says nothing about either."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from .factories import UserFactory

pytestmark = pytest.mark.django_db
RESET = reverse("accounts:password_reset")
DONE = reverse("accounts:password_reset_done")


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_twenty_requests_for_one_address_send_at_most_three_mails(client):
    UserFactory(email="docent@example.org")
    for _n in range(20):
        response = client.post(RESET, {"email": "docent@example.org"})
        # Limited or not, the answer is the same neutral page.
        assert response.status_code == 302 and response["Location"] == DONE
    assert 1 <= len(mail.outbox) <= 3


def test_case_variants_of_an_address_share_its_limit(client):
    UserFactory(email="docent@example.org")
    for variant in ["docent@example.org", "Docent@example.org", "DOCENT@example.org"]:
        for _n in range(3):
            client.post(RESET, {"email": variant})
    assert len(mail.outbox) <= 3


def test_a_limited_address_looks_like_an_unknown_one(client):
    UserFactory(email="docent@example.org")
    for _n in range(10):
        client.post(RESET, {"email": "docent@example.org"})
    limited = client.post(RESET, {"email": "docent@example.org"}, follow=True)
    unknown = client.post(RESET, {"email": "nobody@example.org"}, follow=True)
    assert limited.status_code == unknown.status_code == 200
    assert limited.redirect_chain == unknown.redirect_chain == [(DONE, 302)]
    assert "Als het adres bij een account hoort" in limited.content.decode()


def test_one_address_limited_leaves_a_colleague_alone(client):
    UserFactory(email="docent@example.org")
    UserFactory(email="decaan@example.org")
    for _n in range(10):
        client.post(RESET, {"email": "docent@example.org"})
    sent = len(mail.outbox)
    client.post(RESET, {"email": "decaan@example.org"})
    assert len(mail.outbox) == sent + 1
    assert mail.outbox[-1].to == ["decaan@example.org"]


def test_many_addresses_from_one_network_are_limited_with_a_dutch_page(settings):
    settings.PASSWORD_RESET_IP_RATE = "5/h"
    for n in range(20):
        UserFactory(email=f"docent{n}@example.org")
    client = Client(REMOTE_ADDR="192.0.2.44")
    statuses = [
        client.post(RESET, {"email": f"docent{n}@example.org"}).status_code
        for n in range(20)
    ]
    assert statuses[:5] == [302] * 5 and set(statuses[5:]) == {429}
    assert len(mail.outbox) == 5
    page = client.post(RESET, {"email": "docent0@example.org"}).content.decode()
    assert "Te veel aanvragen vanaf dit netwerk" in page
    assert 'value="docent0@example.org"' in page  # what was typed is kept
    # Another network is not affected.
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert other.post(RESET, {"email": "docent19@example.org"}).status_code == 302
    assert len(mail.outbox) == 6
