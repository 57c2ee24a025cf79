"""A reflection hour end to end: a facilitator and four phones.

The coordinator creates and opens a session; four participants in separate 375 px browser
contexts join by code and score all 22 questions (one reloads halfway and carries on); the
facilitator page shows the results arriving without being reloaded; an action point is
added; the session is closed and the PDF report downloaded and read back.
"""

import re

import pytest
from django.utils.translation import gettext as _
from playwright.sync_api import BrowserContext, Page, expect

from doorlopend.core.testing.pdf import pdf_text

from .support import load_demo
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)

THEMES = [
    "Visie en ambitie",
    "Relatie",
    "Betrokken partners",
    "Daadkracht",
    "Inspiratie",
    "Monitoring",
]
PHONE = {"width": 375, "height": 740}
# Sector and layer of each phone, and the score it gives everywhere.
PHONES = [
    ("vo", "bestuur", "4"),
    ("mbo", "uitvoering", "2"),
    ("vo", "management", "5"),
    ("gemeente", "uitvoering", "0"),
]


@pytest.fixture
def demo(db, settings):
    load_demo()
    # The report task runs at once instead of waiting for a worker process.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }


def create_and_open_session(page: Page, base: str) -> str:
    log_in(page, base, "coordinator@example.org")
    page.goto(f"{base}/p/rivierenland/reflectie/")
    page.get_by_role("button", name=_("New session")).click()
    page.get_by_label(_("Title")).fill("Reflectie werkgroep december")
    page.get_by_role("button", name=_("Save")).click()
    page.get_by_role("button", name=_("Open the session")).click()
    code = page.locator(".join-code").inner_text()
    return re.sub(r"\s", "", code)


def answer_theme(phone: Page, score: str) -> None:
    """Tap one score per question; each tap is saved at once (htmx)."""
    for fieldset in phone.locator("fieldset.question").all():
        fieldset.locator(f"input[value='{score}']").check()
        expect(fieldset.locator(".answer-status")).to_contain_text(_("Saved"))


def on_phone(context: BrowserContext) -> Page:
    phone = context.new_page()
    phone.set_viewport_size(PHONE)
    return phone


def join(
    context: BrowserContext, base: str, code: str, sector: str, layer: str
) -> Page:
    phone = on_phone(context)
    phone.goto(f"{base}/doe-mee/")
    phone.get_by_label(_("Code")).fill(code.lower()[:3] + " " + code[3:])
    phone.get_by_role("button", name=_("Join")).click()
    phone.locator(f"input[name='sector'][value='{sector}']").check()
    phone.locator(f"input[name='layer'][value='{layer}']").check()
    phone.get_by_role("button", name=_("Start")).click()
    expect(phone.get_by_role("heading", name=THEMES[0])).to_be_visible()
    return phone


def test_a_reflection_hour(
    demo, live_server, page: Page, new_context, axe_check, screenshot
):
    base = live_server.url
    code = create_and_open_session(page, base)
    axe_check(page)
    expect(
        page.get_by_role("heading", name=_("Guide for the facilitator"))
    ).to_be_visible()
    # The phase bar: a tab per part of the hour; the results are one of them.
    page.locator("#tab-resultaten").click()
    axe_check(page)
    # A marker that survives only as long as the page is not reloaded.
    page.evaluate("() => { window.notReloaded = true; }")
    expect(page.locator(".live-counts")).to_contain_text("0")

    phones = [
        join(new_context(), base, code, sector, layer)
        for sector, layer, _score in PHONES
    ]
    first = phones[0]
    axe_check(first)
    screenshot(first, "participant-theme", widths=(375,))

    for n, theme in enumerate(THEMES):
        for i, (phone, (_s, _l, score)) in enumerate(zip(phones, PHONES, strict=True)):
            expect(phone.get_by_role("heading", name=theme)).to_be_visible()
            answer_theme(phone, score)
            if i == 1 and n == 2:
                # Halfway, one phone reloads: its answers are still checked, it carries on.
                phone.reload()
                expect(
                    phone.locator("fieldset.question input[value='2']").first
                ).to_be_checked()
            last = n == len(THEMES) - 1
            phone.get_by_role(
                "button", name=_("Finish") if last else _("Next theme")
            ).click()
    for phone in phones:
        expect(phone.get_by_role("heading", level=1)).to_be_visible()
    axe_check(first)
    screenshot(first, "participant-done", widths=(375,))

    # The facilitator's page filled itself in while the phones answered.
    results = page.locator("#live-results")
    counts = results.locator(".live-counts strong")
    expect(counts.nth(0)).to_have_text("4", timeout=15_000)  # joined
    expect(counts.nth(1)).to_have_text("4", timeout=15_000)  # answered every question
    expect(results.locator(".suppressed")).to_have_count(0)
    expect(results.locator(".theme-mean").first).to_contain_text(re.compile(r"\d,\d"))
    assert page.evaluate("() => window.notReloaded") is True
    axe_check(page)
    screenshot(page, "facilitator-results")

    # The discussion, one theme at a time, with its background to ask further.
    page.locator("#tab-bespreken").click()
    expect(page.get_by_text(_("Background, to ask further"))).to_be_visible()
    axe_check(page)
    screenshot(page, "facilitator-discussion")

    # The last quarter of the hour: an action point.
    page.locator("#tab-actiepunten").click()
    page.get_by_label(_("What")).fill("Bustour langs de mbo-scholen met werkgevers")
    page.get_by_role("button", name=_("Add action point")).click()
    expect(page.locator("#action-points")).to_contain_text(
        "Bustour langs de mbo-scholen"
    )

    page.get_by_role("button", name=_("Close the session")).click()
    page.get_by_role("button", name=_("Make the PDF report")).click()
    link = page.get_by_role("link", name=_("Download the PDF report"))
    expect(link).to_be_visible(timeout=30_000)
    with page.expect_download() as download:
        link.click()
    text = pdf_text(download.value.path().read_bytes())
    for theme in THEMES:
        assert theme in text
    assert "Bustour langs de mbo-scholen" in text
    # A closed session's page does not poll any more: nothing left to refresh.
    page.locator("#tab-resultaten").click()
    expect(page.locator("#live-results")).not_to_have_attribute(
        "hx-trigger", re.compile(".")
    )

    # The beamer view of the closed session.
    page.locator("#tab-uitleg").click()
    page.get_by_role("button", name=_("Open the beamer view")).click()
    axe_check(page)
    screenshot(page, "beamer")


def test_a_wrong_code_gets_a_clear_message(demo, live_server, new_context, axe_check):
    phone = on_phone(new_context())
    phone.goto(f"{live_server.url}/doe-mee/")
    phone.get_by_label(_("Code")).fill("QQQQQQ")
    phone.get_by_role("button", name=_("Join")).click()
    message = _(
        "There is no open session with this code. Check the code on the screen."
    )
    expect(phone.get_by_text(message).first).to_be_visible()
    axe_check(phone)
