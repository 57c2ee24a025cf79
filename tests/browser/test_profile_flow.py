"""A person's profile: name, language, e-mail choices and calendar feeds, on a phone too;
and the unsubscribe page an e-mail links to."""

import pytest
from playwright.sync_api import Page, expect

from doorlopend.accounts import notifications
from doorlopend.accounts.models import NotificationKind, NotificationOptOut
from doorlopend.accounts.tests.factories import TEST_PASSWORD, UserFactory
from doorlopend.partnerships.tests.factories import (
    MembershipFactory,
    PartnershipFactory,
    RoleAssignmentFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def person(db):
    user = UserFactory(email="anna@example.org", name="Anna de Vries")
    partnership = PartnershipFactory(name="Samenwerkingsverband Rivierenland")
    membership = MembershipFactory(partnership=partnership, user=user)
    RoleAssignmentFactory(membership=membership, role="coordinator")
    return user


def test_profile_saves_choices_and_turns_english(
    live_server, page: Page, person, axe_check, screenshot
):
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    page.locator("input[name=username]").fill(person.email)
    page.locator("input[name=password]").fill(TEST_PASSWORD)
    page.locator("input[name=password]").press("Enter")
    page.get_by_role("link", name="Profiel").click()
    expect(page.get_by_role("heading", name="Je profiel")).to_be_visible()
    expect(page.get_by_role("heading", name="Agendafeed")).to_be_visible()
    expect(page.get_by_text("0 werkende feeds")).to_be_visible()
    axe_check(page)
    screenshot(page, "profile")

    page.get_by_label("Het weekoverzicht van het samenwerkingsverband").uncheck()
    page.get_by_role("button", name="E-mailkeuzes opslaan").click()
    expect(page.get_by_text("Je e-mailkeuzes zijn opgeslagen.")).to_be_visible()
    assert NotificationOptOut.objects.filter(
        user=person, kind=NotificationKind.WEEKLY_DIGEST
    ).exists()

    page.locator("select[name=language]").select_option("en")
    page.get_by_role("button", name="Naam en taal opslaan").click()
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_the_unsubscribe_page_asks_once_and_confirms(
    live_server, page: Page, person, axe_check, screenshot
):
    token = notifications.unsubscribe_token(person, NotificationKind.OVERDUE)
    page.goto(f"{live_server.url}/accounts/unsubscribe/{token}/")
    axe_check(page)
    screenshot(page, "unsubscribe")
    page.get_by_role("button", name="Stop deze e-mails").click()
    expect(page.get_by_text("je krijgt geen e-mail meer over")).to_be_visible()
    assert NotificationOptOut.objects.filter(
        user=person, kind=NotificationKind.OVERDUE
    ).exists()
