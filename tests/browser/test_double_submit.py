"""A create button clicked twice makes one thing (core.submit_once): the decaan
double-clicks "Link maken" and the pupil's link that the page shows is the one link,
and it works."""

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from doorlopend.dossier.models import DossierLink

from .test_dossier_flow import leaver  # noqa: F401
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_double_click_on_make_a_link_makes_one_working_link(
    leaver,  # noqa: F811
    live_server,
    page: Page,
    new_context,
    screenshot,
):
    base = live_server.url
    log_in(page, base, "decaan@example.org")
    page.goto(base + leaver)
    page.get_by_role("button", name="Link maken").dblclick()
    expect(page.locator("#new-link-url")).to_be_visible()
    link = page.locator("#new-link-url").input_value()
    screenshot(page, "dossier-new-link-after-double-click", widths=(375, 768, 1280))
    with scopes_disabled():
        links = list(
            DossierLink.objects.filter(
                dossier__transition_id=int(leaver.rstrip("/").rsplit("/", 1)[1])
            )
        )
    assert len(links) == 1 and links[0].revoked_at is None
    phone = new_context().new_page()
    phone.goto(link)
    expect(phone.get_by_label("Wat helpt jou om te leren?")).to_be_visible()
