"""The lockout counts an account, not a spelling: case and spaces give no new tries."""

import pytest
from django.urls import reverse

from .factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")


def _fail(client, username: str) -> None:
    client.post(LOGIN, {"username": username, "password": "wrong"})


def test_lockout_holds_for_the_same_address_in_another_case(client):
    UserFactory(email="docent@example.org")
    for _n in range(5):
        _fail(client, "docent@example.org")
    response = client.post(
        LOGIN, {"username": "Docent@example.org", "password": TEST_PASSWORD}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_case_variants_do_not_get_new_tries(client):
    UserFactory(email="docent@example.org")
    variants = [
        "docent@example.org",
        "Docent@example.org",
        "DOCENT@EXAMPLE.ORG",
        "docent@Example.Org",
        " dOcent@example.org ",
    ]
    for variant in variants:
        _fail(client, variant)
    # Five failures in five spellings lock the one account.
    response = client.post(
        LOGIN, {"username": "docent@example.org", "password": TEST_PASSWORD}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_locked_account_leaves_a_colleague_with_a_similar_address_alone(client):
    UserFactory(email="docent@example.org")
    UserFactory(email="docent2@example.org")
    for _n in range(5):
        _fail(client, "Docent@example.org")
    response = client.post(
        LOGIN, {"username": "Docent2@example.org", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
