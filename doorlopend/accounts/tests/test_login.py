import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils.translation import gettext as _

from .factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")


def test_login_with_email_in_any_case(client):
    UserFactory(email="decaan@example.org")
    response = client.post(
        LOGIN, {"username": "Decaan@Example.org", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200


def test_wrong_password_says_so_and_keeps_the_address(client):
    UserFactory(email="decaan@example.org")
    page = client.post(
        LOGIN, {"username": "decaan@example.org", "password": "wrong"}
    ).content.decode()
    assert (
        _("This e-mail address and password do not match. Check both and try again.")
        in page
    )
    assert 'value="decaan@example.org"' in page


@override_settings(AXES_FAILURE_LIMIT=3)
def test_repeated_failures_lock_the_account_out_with_a_clear_message(client):
    UserFactory(email="decaan@example.org")
    for _n in range(3):
        client.post(LOGIN, {"username": "decaan@example.org", "password": "wrong"})
    # Even the right password is refused while locked out.
    response = client.post(
        LOGIN, {"username": "decaan@example.org", "password": TEST_PASSWORD}
    )
    assert response.status_code == 429
    assert "15" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302  # still not logged in


@override_settings(AXES_FAILURE_LIMIT=3)
def test_lockout_of_one_account_leaves_colleagues_at_the_same_school_alone(client):
    UserFactory(email="decaan@example.org")
    UserFactory(email="mentor@example.org")
    for _n in range(3):
        client.post(LOGIN, {"username": "decaan@example.org", "password": "wrong"})
    response = client.post(
        LOGIN, {"username": "mentor@example.org", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302


def test_logout_needs_post(client):
    client.force_login(UserFactory())
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("home")).status_code == 302


def test_password_reset_mails_a_working_link(client):
    UserFactory(email="decaan@example.org")
    client.post(reverse("accounts:password_reset"), {"email": "decaan@example.org"})
    assert len(mail.outbox) == 1
    link = next(
        line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line
    )
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    new = "een-heel-nieuw-wachtwoord"
    client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    client.post(LOGIN, {"username": "decaan@example.org", "password": new})
    assert client.get(reverse("home")).status_code in (200, 302)
    assert "_auth_user_id" in client.session


def test_password_reset_for_unknown_address_reveals_nothing(client):
    response = client.post(
        reverse("accounts:password_reset"), {"email": "nobody@example.org"}
    )
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []
