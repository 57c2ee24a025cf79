"""The header on a phone is one row: the section links and tools fold behind a Menu button
that a keyboard opens and Escape closes. On a laptop the header is unchanged: no button."""

import pytest
from playwright.sync_api import Page, expect

from .support import load_demo
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(db):
    load_demo()


def test_phone_header_folds_the_menu_behind_a_button(
    demo, live_server, page: Page, axe_check
):
    log_in(page, live_server.url, "coordinator@example.org")
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(f"{live_server.url}/p/rivierenland/plan/")
    header = page.locator("header.site-header")
    menu = page.get_by_role("button", name="Menu")
    plan = page.get_by_role("link", name="Plan", exact=True)

    # One row: a sixth of the screen at most, the links out of sight.
    assert header.bounding_box()["height"] <= 667 / 6
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(plan).to_be_hidden()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_hidden()

    # Keyboard: skip link, brand, then the button.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(menu).to_be_focused()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(plan).to_be_visible()
    expect(plan).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    expect(page.locator(".partnership-switcher")).to_be_visible()
    axe_check(page)

    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    expect(plan).to_be_hidden()

    # A tablet keeps the partnership in view beside the button.
    page.set_viewport_size({"width": 768, "height": 1024})
    expect(page.locator(".partnership-switcher")).to_be_visible()
    expect(menu).to_be_visible()
    expect(plan).to_be_hidden()


def test_laptop_header_shows_everything_without_a_button(demo, live_server, page: Page):
    log_in(page, live_server.url, "coordinator@example.org")
    page.goto(f"{live_server.url}/p/rivierenland/")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.get_by_role("link", name="Plan", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
