"""The login page renders, passes axe-core under the real CSP, and fits a phone."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from .support import assert_focus_visible

pytestmark = pytest.mark.django_db(transaction=True)


def test_login_page(live_server, page: Page, axe_check, screenshot):
    response = page.goto(live_server.url + reverse("accounts:login"))

    assert response is not None and response.status == 200
    # axe runs under the page's own strict policy, not a relaxed one.
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    axe_check(page)
    screenshot(page, "login")
    # Skip link, brand, language switch, two fields, button, password link.
    assert assert_focus_visible(page) == 7


def test_skip_link_appears_on_focus_and_moves_focus_to_main(live_server, page: Page):
    # Not the login page: its e-mail field takes the focus on load.
    page.goto(live_server.url + reverse("accounts:password_reset"))
    skip = page.locator(".skip-link")
    assert skip.bounding_box()["width"] <= 1

    page.keyboard.press("Tab")

    expect(skip).to_be_focused()
    assert skip.bounding_box()["width"] > 20
    assert (
        page.evaluate("() => getComputedStyle(document.activeElement).outlineWidth")
        == "3px"
    )
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
