"""A school's own LOB plan: the portefeuillehouder opens the schools' plans from the plan,
writes a new version of the school's vision, and sees the action point of the school's
LOB-scan; each page is axe-clean."""

import pytest
from django.utils.translation import gettext as _
from playwright.sync_api import Page, expect

from .support import load_demo
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(db):
    load_demo()


def test_portefeuillehouder_keeps_the_schools_plan(
    demo, live_server, page: Page, axe_check, screenshot
):
    base = live_server.url
    log_in(page, base, "portefeuillehouder@example.org")
    page.goto(f"{base}/p/rivierenland/plan/")
    section = page.locator("#plan-school-plans").locator("..")
    expect(section).to_contain_text("(2 versies)")
    axe_check(page)
    page.get_by_role("link", name=_("All school plans")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        _("The schools' own LOB plans")
    )
    axe_check(page)
    screenshot(page, "school-plans")
    page.get_by_role(
        "link", name="Christelijk College Kersenbongerd", exact=True
    ).click()
    expect(page.get_by_text(_("not handled yet"))).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name=_("Edit the school's vision")).click()
    axe_check(page)
    page.locator("[name=ambition]").fill("Elke leerling drie loopbaangesprekken.")
    page.get_by_role("button", name=_("Save as a new version")).click()
    expect(page.get_by_text("Elke leerling drie loopbaangesprekken.")).to_be_visible()
    screenshot(page, "school-plan")
    page.get_by_role("link", name="Geschiedenis (3 versies)").click()
    expect(page.locator(".diff-added").first).to_contain_text(
        "Elke leerling drie loopbaangesprekken."
    )
    axe_check(page)
