"""Who reaches the national pages: a grant for the landelijk adviseur, a permission for
a partnership's own position; a grant opens nothing inside a partnership."""

import pytest
from django.test import Client
from django.urls import reverse

from doorlopend.accounts.tests.factories import UserFactory
from doorlopend.national.models import NationalAdviser

from .helpers import NATIONAL_URL, own_url


@pytest.fixture
def adviser_client(db) -> Client:
    client = Client()
    user = UserFactory()
    NationalAdviser.objects.create(user=user)
    client.force_login(user)
    return client


def test_anonymous_is_sent_to_log_in(db):
    response = Client().get(NATIONAL_URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_without_a_grant_the_national_page_is_not_found(client_for, partnership):
    # Even a coördinator, or a landelijk adviseur by membership, needs the grant.
    assert client_for("coordinator").get(NATIONAL_URL).status_code == 404
    assert client_for("landelijk_adviseur").get(NATIONAL_URL).status_code == 404


def test_a_granted_adviser_sees_the_national_page(adviser_client):
    response = adviser_client.get(NATIONAL_URL)
    assert response.status_code == 200
    assert "Reflectie landelijk" in response.content.decode()


def test_a_grant_opens_no_partnership_page(adviser_client, partnership):
    dashboard = reverse("partnerships:dashboard", args=[partnership.slug])
    assert adviser_client.get(dashboard).status_code == 404
    assert adviser_client.get(own_url(partnership)).status_code == 404


def test_own_position_for_coordinator_and_stuurgroep_only(client_for, partnership):
    assert client_for("coordinator").get(own_url(partnership)).status_code == 200
    assert client_for("stuurgroep").get(own_url(partnership)).status_code == 200
    assert client_for("werkgroeplid").get(own_url(partnership)).status_code == 403
    assert client_for("decaan").get(own_url(partnership)).status_code == 403


def test_own_position_of_another_partnership_is_not_found(
    client_for, other_partnership
):
    assert client_for("coordinator").get(own_url(other_partnership)).status_code == 404


def test_staff_grant_the_adviser_in_the_admin(admin_client):
    user = UserFactory()
    response = admin_client.post(
        reverse("admin:national_nationaladviser_add"), {"user": user.pk}
    )
    assert response.status_code == 302
    grant = NationalAdviser.objects.get(user=user)
    assert grant.granted_by is not None
