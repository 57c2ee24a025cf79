from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.accounts.models import User
from doorlopend.accounts.tests.factories import UserFactory
from doorlopend.partnerships.models import RoleAssignment

from .factories import SchoolFactory, invitation_with_token

pytestmark = pytest.mark.django_db


def accept_url(token: str) -> str:
    return reverse("invitations:accept", kwargs={"token": token})


def roles_of(email: str) -> list[str]:
    with scopes_disabled():
        return list(
            RoleAssignment.objects.filter(membership__user__email=email).values_list(
                "role", flat=True
            )
        )


NEW_ACCOUNT = {
    "name": "Fatima el Amrani",
    "password1": "lange-zin-als-wachtwoord",
    "password2": "lange-zin-als-wachtwoord",
}


def test_new_person_creates_account_and_becomes_member(client, partnership):
    school = SchoolFactory(partnership=partnership)
    invitation, token = invitation_with_token(
        partnership=partnership,
        email="f.amrani@example.org",
        role="mentor",
        organisation=school,
    )
    page = client.get(accept_url(token)).content.decode()
    assert partnership.name in page
    assert "f.amrani@example.org" in page
    response = client.post(accept_url(token), NEW_ACCOUNT)
    assert response["Location"] == reverse(
        "partnerships:dashboard", kwargs={"partnership_slug": partnership.slug}
    )
    assert User.objects.get(email="f.amrani@example.org").name == "Fatima el Amrani"
    assert roles_of("f.amrani@example.org") == ["mentor"]
    assert client.get(response["Location"]).status_code == 200  # logged in


def test_link_works_once(client, partnership):
    _invitation, token = invitation_with_token(
        partnership=partnership, email="a@example.org"
    )
    client.post(accept_url(token), NEW_ACCOUNT)
    client.logout()
    again = client.get(accept_url(token))
    assert again.status_code == 410
    assert _("This invitation has already been used.") in again.content.decode()


def test_expired_and_withdrawn_links_say_so(client, partnership):
    _expired, expired_token = invitation_with_token(
        partnership=partnership, expires_at=timezone.now() - timedelta(minutes=1)
    )
    _withdrawn, withdrawn_token = invitation_with_token(
        partnership=partnership, revoked_at=timezone.now()
    )
    assert (
        _("This invitation has expired. Ask the coördinator for a new one.")
        in client.get(accept_url(expired_token)).content.decode()
    )
    assert (
        _("This invitation has been withdrawn.")
        in client.get(accept_url(withdrawn_token)).content.decode()
    )
    assert client.post(accept_url(expired_token), NEW_ACCOUNT).status_code == 410
    assert not User.objects.exists()


def test_unknown_token_is_404(client):
    assert client.get(accept_url("made-up")).status_code == 404


def test_weak_password_is_refused_and_name_kept(client, partnership):
    _invitation, token = invitation_with_token(
        partnership=partnership, email="a@example.org"
    )
    page = client.post(
        accept_url(token),
        {"name": "Piet", "password1": "12345678901", "password2": "12345678901"},
    ).content.decode()
    assert _("This password is entirely numeric.") in page
    assert 'value="Piet"' in page
    assert not User.objects.exists()


def test_existing_account_logs_in_then_accepts(
    client, partnership, member_of, other_partnership
):
    person = member_of(
        other_partnership, "docent", user=UserFactory(email="a@example.org")
    )
    _invitation, token = invitation_with_token(
        partnership=partnership, email="a@example.org", role="werkgroeplid"
    )
    page = client.get(accept_url(token)).content.decode()
    assert (
        _(
            "You already have an account with this e-mail address. Log in to accept the invitation."
        )
        in page
    )
    client.force_login(person)
    client.post(accept_url(token))
    assert sorted(roles_of(person.email)) == ["docent", "werkgroeplid"]


def test_someone_else_cannot_use_the_link(client, partnership):
    client.force_login(UserFactory(email="other@example.org"))
    _invitation, token = invitation_with_token(
        partnership=partnership, email="a@example.org"
    )
    page = client.post(accept_url(token), follow=True).content.decode()
    assert (
        _("This invitation is for %(email)s. Log in with that address to accept it.")
        % {"email": "a@example.org"}
        in page
    )
    assert roles_of("other@example.org") == []


def test_the_invitation_page_is_dutch_on_an_english_phone(partnership):
    """The e-mail was Dutch; the page it links to must be too, whatever the browser asks."""
    _invitation, token = invitation_with_token(
        partnership=partnership, email="a@example.org"
    )
    phone = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    page = phone.get(accept_url(token)).content.decode()
    assert '<html lang="nl">' in page
    assert "Samenwerkingsverband Rivierenland" in page
