"""The profile page, and pages in the person's chosen language (never the browser's)."""

import pytest
from django.test import Client

from doorlopend.accounts.models import NotificationKind, NotificationOptOut, User
from doorlopend.accounts.tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_phone() -> Client:
    """A browser that asks for English first, as a phone set to English does."""
    return Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")


def logged_in(client: Client, **fields) -> User:
    user = UserFactory(**fields)
    client.force_login(user)
    return user


def test_the_profile_needs_a_login():
    response = Client().get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_profile_shows_name_language_mail_choices_and_password():
    client = Client()
    user = logged_in(client, name="Anna de Vries")
    page = client.get("/accounts/profile/").content.decode()
    assert "Je profiel" in page
    assert user.email in page
    assert 'value="Anna de Vries"' in page
    assert "Standaard: Nederlands" in page
    assert "Iets is aan jou toegewezen" in page
    assert page.count('type="checkbox"') == len(NotificationKind.values)
    assert page.count("checked") == len(NotificationKind.values)  # all on at first
    assert 'href="/accounts/profile/password/"' in page


def test_choosing_english_turns_the_pages_english(english_phone):
    client = Client()
    user = logged_in(client)
    response = client.post(
        "/accounts/profile/",
        {"save_profile": "1", "name": "Sam Smith", "language": "en"},
        follow=True,
    )
    user.refresh_from_db()
    assert (user.name, user.language) == ("Sam Smith", "en")
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "Your profile has been saved." in page


def test_an_empty_name_is_refused_and_the_form_reshown():
    client = Client()
    user = logged_in(client, name="Anna")
    response = client.post(
        "/accounts/profile/", {"save_profile": "1", "name": "", "language": "xx"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dit veld is verplicht." in page
    user.refresh_from_db()
    assert user.name == "Anna"


def test_switching_off_a_kind_of_mail():
    client = Client()
    user = logged_in(client)
    wanted = [k for k in NotificationKind.values if k != NotificationKind.WEEKLY_DIGEST]
    response = client.post(
        "/accounts/profile/", {"save_notifications": "1", "wanted": wanted}, follow=True
    )
    assert "Je e-mailkeuzes zijn opgeslagen." in response.content.decode()
    assert list(
        NotificationOptOut.objects.filter(user=user).values_list("kind", flat=True)
    ) == [NotificationKind.WEEKLY_DIGEST]
    # Switching it on again removes the opt-out.
    client.post(
        "/accounts/profile/",
        {"save_notifications": "1", "wanted": NotificationKind.values},
    )
    assert not NotificationOptOut.objects.filter(user=user).exists()


def test_changing_the_password():
    client = Client()
    user = logged_in(client)
    response = client.post(
        "/accounts/profile/password/",
        {
            "old_password": TEST_PASSWORD,
            "new_password1": "een-nieuw-lang-wachtwoord",
            "new_password2": "een-nieuw-lang-wachtwoord",
        },
        follow=True,
    )
    assert "Je wachtwoord is gewijzigd." in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("een-nieuw-lang-wachtwoord")


def test_a_page_ignores_the_browsers_language(english_phone):
    page = english_phone.get("/accounts/login/")
    assert '<html lang="nl">' in page.content.decode()
    assert page["Content-Language"] == "nl"


def test_a_logged_in_person_gets_their_language_whatever_the_browser(english_phone):
    user = logged_in(english_phone)
    assert (
        '<html lang="nl">' in english_phone.get("/accounts/profile/").content.decode()
    )
    user.language = "en"
    user.save()
    assert (
        '<html lang="en">' in english_phone.get("/accounts/profile/").content.decode()
    )


def test_the_language_switch_keeps_the_choice_on_the_account():
    client = Client()
    user = logged_in(client)
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/profile/"})
    user.refresh_from_db()
    assert user.language == "en"
    # Also on another device, without the cookie.
    other = Client()
    other.force_login(user)
    assert '<html lang="en">' in other.get("/accounts/profile/").content.decode()


def test_the_language_switch_works_without_an_account():
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert '<html lang="en">' in client.get("/accounts/login/").content.decode()


def test_choosing_the_default_language_clears_an_earlier_switch():
    client = Client()
    user = logged_in(client, language="en")
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/profile/"})
    client.post(
        "/accounts/profile/", {"save_profile": "1", "name": "Anna", "language": ""}
    )
    user.refresh_from_db()
    assert user.language == ""
    assert '<html lang="nl">' in client.get("/accounts/profile/").content.decode()
