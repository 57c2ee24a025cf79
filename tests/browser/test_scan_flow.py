"""The partnership's overview of the schools' LOB-scans, as the stuurgroep sees it.

A decaan running the school's own scan with three phones, its result and the action point
it becomes on the school's plan: test_programme_and_scan_story.py."""

import pytest
from playwright.sync_api import Page, expect

from .support import load_demo
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(db):
    load_demo()


def test_the_stuurgroep_sees_the_schools_side_by_side_without_names(
    demo, live_server, page: Page, axe_check, screenshot
):
    from django_scopes import scopes_disabled

    from doorlopend.partnerships.models import Organisation
    from doorlopend.reflection.tests.scan_helpers import scan_of

    with scopes_disabled():
        third = Organisation.objects.get(name="ROC Betuwe en Bommelerwaard")
    scan_of(third, value=4)  # the demo's two schools and this one: three have scanned
    log_in(page, live_server.url, "stuurgroep@example.org")
    page.goto(f"{live_server.url}/p/rivierenland/reflectie/scan/")
    table = page.locator(".table-scroll", has=page.get_by_role("table"))
    for letter in "ABC":
        expect(table).to_contain_text(f"school {letter}")
    expect(page.locator("main")).not_to_contain_text("Kersenbongerd")
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        axe_check(page)
    screenshot(page, "scan-overview-stuurgroep")
