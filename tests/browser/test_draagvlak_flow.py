"""The draagvlak survey of a route: a new round started on its step, answered by three
parties on their phones by link (kind of party only; an open answer autosaved while
typing, with its counter), closed; the step follows it and links to the results."""

import re

import pytest
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from doorlopend.roadmaps.models import ItemState

from .support import load_demo
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 375, "height": 740}
PARTIES = [("vo", "4"), ("vo", "5"), ("bedrijfsleven", "4")]


@pytest.fixture
def demo(db):
    load_demo()


def test_three_parties_answer_the_draagvlak_survey_by_link(
    demo, live_server, page: Page, new_context, axe_check, screenshot
):
    base = live_server.url
    log_in(page, base, "coordinator@example.org")
    with scopes_disabled():
        state = ItemState.objects.get(
            item_key="draagvlakonderzoek", roadmap__partnership__slug="rivierenland"
        )
    step = f"{base}/p/rivierenland/routekaarten/items/{state.pk}/"
    page.goto(step)
    derived = page.locator(".roadmap-derived")
    expect(derived).to_contain_text("14")  # the demo's closed survey
    axe_check(page)
    screenshot(page, "draagvlak-step")
    page.get_by_role("button", name=_("Start a new round of the survey")).click()
    page.get_by_role("button", name=_("Open the session")).click()
    code = re.sub(r"\s", "", page.locator(".join-code").inner_text())
    session_page = page.url.split("?")[0]
    page.goto(step)
    expect(derived).to_contain_text(_("Open: the parties are answering."))

    for n, (party, score) in enumerate(PARTIES):
        phone = new_context().new_page()
        phone.set_viewport_size(PHONE)
        phone.goto(f"{base}/doe-mee/{code}/")
        expect(phone.locator("input[name='layer']")).to_have_count(0)
        phone.locator(f"input[name='sector'][value='{party}']").check()
        phone.get_by_role("button", name=_("Start")).click()
        text = f"Antwoord van partij {n + 1}"
        phone.locator("textarea").first.press_sequentially(text)
        expect(phone.locator(".char-count").first).to_contain_text(str(len(text)))
        expect(phone.locator(".open-question .answer-status").first).to_contain_text(
            _("Saved")
        )
        if n == 0:
            axe_check(phone)
            screenshot(phone, "draagvlak-open-question", widths=(375,))
        for fieldset in phone.locator("fieldset.question:not(.open-question)").all():
            fieldset.locator(f"input[value='{score}']").check()
            expect(fieldset.locator(".answer-status")).to_contain_text(_("Saved"))

    page.goto(session_page)
    page.get_by_role("button", name=_("Close the session")).click()
    page.goto(step)
    expect(derived).to_contain_text("3")
    expect(
        page.locator(".roadmap-decision#draagvlak, #draagvlak").first
    ).to_be_visible()
    page.get_by_role(
        "link", name=_("All results per kind of party, with the open answers")
    ).click()
    answers = page.locator("#open-answers")
    for n in range(3):
        expect(answers).to_contain_text(f"Antwoord van partij {n + 1}")
    axe_check(page)
    screenshot(page, "draagvlak-results")
