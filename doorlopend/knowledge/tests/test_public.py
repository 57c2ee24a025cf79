"""The public page and the Atom feed: opt-in per practice, no person, no login."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.accounts.tests.factories import UserFactory

from .factories import PracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(db):
    return UserFactory(name="Sanne de Vries", email="sanne.devries@example.org")


def test_a_public_practice_shows_no_person(client, partnership, contact):
    practice = PracticeFactory(
        partnership=partnership,
        public=True,
        title="Loopbaandag",
        contact_person=contact,
        contact_role="decaan van het Vakcollege",
    )
    response = client.get(reverse("knowledge_public:practice", args=[practice.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Loopbaandag" in body
    assert partnership.name in body
    assert "decaan van het Vakcollege" in body
    for personal in ("Sanne", "sanne.devries@example.org", "mailto:"):
        assert personal not in body
    assert "csrfmiddlewaretoken" not in body
    assert "public" in response["Cache-Control"]


def test_a_practice_without_the_opt_in_has_no_public_page(client, partnership):
    published = PracticeFactory(partnership=partnership, published=True)
    draft = PracticeFactory(partnership=partnership)
    for practice in (published, draft):
        address = reverse("knowledge_public:practice", args=[practice.pk])
        assert client.get(address).status_code == 404


def test_withdrawing_publication_takes_the_public_page_down(
    client_for, client, partnership
):
    practice = PracticeFactory(partnership=partnership, public=True)
    address = reverse("knowledge_public:practice", args=[practice.pk])
    assert client.get(address).status_code == 200
    client_for("coordinator").post(
        reverse("knowledge:practice_publish", args=[partnership.slug, practice.pk]),
        {"action": "unpublish"},
    )
    assert client.get(address).status_code == 404


def test_the_coordinator_opts_a_practice_in(client_for, client, partnership):
    practice = PracticeFactory(partnership=partnership, published=True)
    publish = reverse(
        "knowledge:practice_publish", args=[partnership.slug, practice.pk]
    )
    assert (
        client_for("werkgroeplid").post(publish, {"action": "public"}).status_code
        == 403
    )
    client_for("coordinator").post(publish, {"action": "public"})
    with scopes_disabled():
        practice.refresh_from_db()
    assert practice.is_public
    address = reverse("knowledge_public:practice", args=[practice.pk])
    assert client.get(address).status_code == 200


def test_the_feed_lists_public_practices_without_persons(client, partnership, contact):
    PracticeFactory(
        partnership=partnership,
        public=True,
        title="Open praktijk",
        contact_person=contact,
    )
    PracticeFactory(partnership=partnership, published=True, title="Alleen leden")
    response = client.get(reverse("knowledge_public:feed"))
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Open praktijk" in body
    assert "Alleen leden" not in body
    assert partnership.name in body
    assert "Sanne" not in body and "sanne.devries" not in body
    assert "public" in response["Cache-Control"]
