"""How people find the national picture: the overview card for the coördinator and the
stuurgroep, the start page for a granted adviser, and the demo that fills it."""

from django.test import Client
from django.urls import reverse

from doorlopend.accounts.tests.factories import UserFactory
from doorlopend.national.models import NationalAdviser

from .helpers import NATIONAL_URL, own_url


def test_the_overview_card_links_to_the_own_position(client_for, partnership):
    dashboard = reverse("partnerships:dashboard", args=[partnership.slug])
    page = client_for("stuurgroep").get(dashboard).content.decode()
    assert own_url(partnership) in page
    page = client_for("werkgroeplid").get(dashboard).content.decode()
    assert own_url(partnership) not in page


def test_the_start_page_links_a_granted_adviser(db):
    user = UserFactory()
    client = Client()
    client.force_login(user)
    assert NATIONAL_URL not in client.get("/").content.decode()
    NationalAdviser.objects.create(user=user)
    assert NATIONAL_URL in client.get("/").content.decode()


def test_the_demo_shows_a_national_spread_to_its_adviser(loaded_demo):
    from doorlopend.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(email="landelijk-adviseur@example.org"))
    page = client.get(NATIONAL_URL).content.decode()
    assert "Middelste helft" in page
    assert "Nog te weinig" not in page
