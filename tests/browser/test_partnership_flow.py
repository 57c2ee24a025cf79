"""A coordinator's first hour: log in, add a school, invite a colleague who accepts.

Runs on the demo data, checks every page with axe-core and screenshots it at 1280 and 375 px.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from doorlopend.core.demo import DEMO_PASSWORD

from .support import load_demo

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(db):
    load_demo()


def log_in(page: Page, base: str, email: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def test_coordinator_adds_a_school_and_invites_a_colleague(
    demo, live_server, page: Page, new_context, axe_check, screenshot
):
    base = live_server.url
    log_in(page, base, "coordinator@example.org")
    # The coordinator works in two partnerships: the start page lets them choose.
    page.get_by_role("link", name="Samenwerkingsverband Rivierenland").click()
    expect(
        page.get_by_role("heading", name="Samenwerkingsverband Rivierenland")
    ).to_be_visible()
    axe_check(page)
    screenshot(page, "dashboard")

    page.get_by_role("link", name="Organisaties").first.click()
    expect(
        page.get_by_role("cell", name="Betuws Lyceum De Uiterwaard", exact=True)
    ).to_be_visible()
    axe_check(page)
    screenshot(page, "organisation-list")

    page.get_by_role("button", name="School toevoegen uit het register").click()
    page.get_by_label("Zoek in het scholenregister van DUO").fill("boomgaard")
    result = page.locator(
        "#register-results li", has_text="Praktijkschool De Boomgaard"
    )
    expect(result).to_be_visible()  # appeared while typing (htmx), no page load
    axe_check(page)
    screenshot(page, "register-search")
    result.get_by_role("button", name=re.compile("Toevoegen")).click()
    expect(result.get_by_text("Toegevoegd")).to_be_visible()
    page.get_by_role("link", name="Terug naar de organisaties").click()
    expect(
        page.get_by_role("cell", name="Praktijkschool De Boomgaard", exact=True)
    ).to_be_visible()

    page.get_by_role("link", name="Mensen").first.click()
    axe_check(page)
    screenshot(page, "member-list")
    page.get_by_role("button", name="Iemand uitnodigen").click()
    page.get_by_label("E-mailadres").fill("nieuwe.collega@example.org")
    page.get_by_label("Rol").select_option("werkgroeplid")
    axe_check(page)
    screenshot(page, "member-invite")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(
        page.get_by_role("cell", name="nieuwe.collega@example.org", exact=True)
    ).to_be_visible()

    link = re.search(r"https?://\S+/invitations/\S+/", mail.outbox[-1].body).group(0)
    colleague = new_context().new_page()
    colleague.goto(link)
    expect(
        colleague.get_by_role("heading", name=re.compile("Uitnodiging voor"))
    ).to_be_visible()
    axe_check(colleague)
    screenshot(colleague, "invitation-accept")
    colleague.get_by_label("Je naam").fill("Nieuwe Collega")
    colleague.get_by_label("Kies een wachtwoord").fill("een-lang-wachtwoord-2026")
    colleague.get_by_label("Wachtwoord nogmaals").fill("een-lang-wachtwoord-2026")
    colleague.get_by_role(
        "button", name="Account aanmaken en uitnodiging aannemen"
    ).click()
    expect(
        colleague.get_by_role("heading", name="Samenwerkingsverband Rivierenland")
    ).to_be_visible()

    page.reload()
    expect(page.get_by_role("cell", name="Nieuwe Collega", exact=True)).to_be_visible()
    axe_check(page)


def test_keyboard_skip_link_and_language_switch(
    demo, live_server, page: Page, axe_check, screenshot
):
    page.goto(f"{live_server.url}/accounts/login/")
    axe_check(page)
    log_in(page, live_server.url, "decaan@example.org")
    expect(
        page.get_by_role("heading", name="Samenwerkingsverband Rivierenland")
    ).to_be_visible()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("link", name="Overview")).to_be_visible()


def test_other_partnership_is_not_found(demo, live_server, page: Page, axe_check):
    log_in(page, live_server.url, "decaan@example.org")
    response = page.goto(f"{live_server.url}/p/kop-van-de-delta/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Pagina niet gevonden")).to_be_visible()
    axe_check(page)
