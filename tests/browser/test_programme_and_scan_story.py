"""Issue 15 as one story, the way a werkgroep meeting and a school's team would use it.

A werkgroeplid builds the programme from the example (seed 004's Gare du Nord line),
rates two items on the 7 elementen and sees the heat map change: a cell that was not
rated now reads "clearly", with one more item serving it. Then the decaan of Christelijk
College Kersenbongerd starts the school's LOB-scan; three phones (separate 375 px browser
contexts) join by code and answer, the parents low; the decaan closes it, reads the
result, makes the weak element an action point with one click and finds that point on
the school's own plan page. axe-core checks every page on the way, the phones' included
(each kind of phone page once: the other phones see the same pages).
"""

import re

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from playwright.sync_api import BrowserContext, Page, expect

from .support import load_demo
from .test_partnership_flow import log_in
from .test_reflection_flow import on_phone

pytestmark = pytest.mark.django_db(transaction=True)

SCHOOL = "Christelijk College Kersenbongerd"
MEELOOPDAG = "Ervaren van mbo-onderwijs: meeloopdag op het mbo"
EINDOPDRACHT = "Eindopdracht LOB"
PARENTS = "Waar mogelijk ouders betrekken"
SCAN_THEMES = [
    "Praktijkervaring opdoen",
    "De leerling is (pro)actief",
    "Samenhang in activiteiten en programma",
    "Reflectie (voorbereiding en terugkijken)",
    PARENTS,
    "Leren omgaan met verwachtingen",
    "Zelfvertrouwen bij loopbaankeuzes",
    "Loopbaangerichte leeromgeving",
    "Samenwerking bij de overgang",
]


@pytest.fixture
def demo(db):
    load_demo()


def _cell(page: Page, row: str, column: int) -> str:
    line = page.locator(
        "table.heat-map tbody tr", has=page.locator(f"th:text-is('{row}')")
    )
    return " ".join(line.locator("td").nth(column).inner_text().split())


def _rate(
    page: Page, year: str, title: str, scores: dict[str, tuple[str, str]], axe
) -> None:
    # The programme page shows one year at a time: open the item's year first.
    page.get_by_role("link", name=re.compile(rf"^{year} \(\d+\)$")).click()
    page.get_by_role("link", name=f"Beoordelen {title}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{title} beoordelen")
    axe(page)
    for element, (score, why) in scores.items():
        group = page.get_by_role("group", name=element)
        group.get_by_label(score, exact=True).check()
        group.get_by_role("textbox").fill(why)
    page.get_by_role("button", name="Beoordeling opslaan").click()
    expect(page.locator(".message-success")).to_contain_text(title)


def _build_and_rate_the_programme(page: Page, base: str, axe_check) -> None:
    page.goto(f"{base}/accounts/login/")
    axe_check(page)
    log_in(page, base, "werkgroeplid@example.org")
    page.goto(f"{base}/p/rivierenland/")
    axe_check(page)
    page.get_by_role("link", name="Programma", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("LOB-programma")
    axe_check(page)

    page.get_by_role("button", name="Beginnen met het voorbeeld").click()
    expect(page.locator(".message-success")).to_contain_text("jullie eigen programma")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Doorlopende leerlijn LOB"
    )
    expect(page.get_by_text("Gare Du Nord").first).to_be_visible()
    axe_check(page)

    page.get_by_role("button", name="Dekking (heatmap)").click()
    before = _cell(page, "vmbo 3", 0)  # vmbo 3 × Praktijkervaring opdoen
    assert re.fullmatch(r"niet beoordeeld 0 van (\d+) onderdelen?", before), before
    total = before.split(" van ")[1]
    assert "Geen reflectie na" not in page.locator("main").inner_text()
    axe_check(page)
    page.go_back()

    _rate(
        page,
        "vmbo 3",
        MEELOOPDAG,
        {
            "Praktijkervaring opdoen": ("duidelijk", "Een dag als mbo-student"),
            "Reflectie (voorbereiding en terugkijken)": ("niet", ""),
        },
        axe_check,
    )
    _rate(
        page,
        "vmbo 4",
        EINDOPDRACHT,
        {"Reflectie (voorbereiding en terugkijken)": ("duidelijk", "Terugkijken")},
        axe_check,
    )

    page.get_by_role("button", name="Dekking (heatmap)").click()
    # The cell went up: the best score from "not rated" to "clearly", and one item more
    # of the year serves the element.
    assert _cell(page, "vmbo 3", 0) == f"duidelijk 1 van {total}"
    assert _cell(page, "vmbo 4", 3).startswith("duidelijk 1 van ")
    expect(page.locator(".thin-places")).to_contain_text(
        f"Geen reflectie na “{MEELOOPDAG}” in vmbo 3."
    )
    # The items behind a cell: open it from the table.
    page.locator("table.heat-map a", has_text="duidelijk").first.click()
    expect(page.locator("#cell-items")).to_contain_text("Een dag als mbo-student")
    axe_check(page)
    page.set_viewport_size({"width": 375, "height": 800})
    axe_check(page)
    region = page.get_by_role("region", name="Heatmap: leerjaren en elementen")
    region.focus()
    expect(region).to_be_focused()


def _answer_theme(phone: Page, score: str) -> None:
    """Tap a score on every question, then wait for all the saves (htmx, in parallel)."""
    questions = phone.locator("fieldset.question").all()
    for fieldset in questions:
        fieldset.locator(f"input[value='{score}']").check()
    for fieldset in questions:
        expect(fieldset.locator(".answer-status")).to_contain_text(_("Saved"))


def _phone_answers(context: BrowserContext, base: str, code: str, axe=None) -> None:
    """One team member's phone: join by code, answer every element (the parents 1,
    everything else 4), finish. `axe` checks each kind of page on the way."""
    check = axe or (lambda page: None)
    phone = on_phone(context)
    phone.goto(f"{base}/doe-mee/")
    check(phone)
    phone.get_by_label(_("Code")).fill(code)
    phone.get_by_role("button", name=_("Join")).click()
    phone.locator("input[name='sector'][value='vo']").check()
    check(phone)
    phone.locator("input[name='layer'][value='uitvoering']").check()
    phone.get_by_role("button", name=_("Start")).click()
    for n, theme in enumerate(SCAN_THEMES):
        expect(phone.get_by_role("heading", name=theme)).to_be_visible()
        _answer_theme(phone, "1" if theme == PARENTS else "4")
        if n == 0:
            check(phone)  # a theme page with its answers saved
        last = n == len(SCAN_THEMES) - 1
        phone.get_by_role(
            "button", name=_("Finish") if last else _("Next theme")
        ).click()
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    check(phone)
    context.close()


def _run_the_school_scan(
    page: Page, base: str, new_context, axe_check, screenshot
) -> None:
    log_in(page, base, "decaan@example.org")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe_check(page)  # the decaan's start page
    page.goto(f"{base}/p/rivierenland/reflectie/scan/")
    axe_check(page)
    page.get_by_role("button", name="Start een scan met je team").click()
    axe_check(page)
    page.get_by_role("button", name="Scan aanmaken").click()
    axe_check(page)
    page.get_by_role("button", name=_("Open the session")).click()
    code = re.sub(r"\s", "", page.locator(".join-code").inner_text())
    axe_check(page)

    for n in range(3):
        _phone_answers(new_context(), base, code, axe_check if n == 0 else None)

    page.get_by_role("button", name=_("Close the session")).click()
    axe_check(page)
    page.goto(f"{base}/p/rivierenland/reflectie/scan/")
    page.get_by_role("link", name=SCHOOL).click()
    expect(page.get_by_role("heading", name="Per element")).to_be_visible()
    # This scan: three people, everything 4 but the parents at 1.
    expect(page.get_by_text("beantwoord door 3 mensen")).to_be_visible()
    rows = page.get_by_role(
        "table", name="Gemiddelde, spreiding en antwoorden per element"
    )
    expect(rows.get_by_role("row", name=re.compile(PARENTS))).to_contain_text("1,0")
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        axe_check(page)
    screenshot(page, "scan-school")

    weakest = page.get_by_role("button", name=re.compile("Maak er een actiepunt van"))
    # The one weak element of this scan, named for screen readers on its button.
    expect(weakest).to_have_count(1)
    expect(weakest).to_contain_text(PARENTS)
    weakest.click()
    with translation.override("nl"):
        today = date_format(timezone.localdate(), "j N Y")
    point = f"Versterk “{PARENTS}” (LOB-scan {today})"
    expect(page.locator(".message-success")).to_contain_text(point)
    axe_check(page)

    # The action point is the school's: its plan page shows it.
    page.get_by_role("link", name="Plan", exact=True).click()
    axe_check(page)
    page.get_by_role("link", name=_("All school plans")).click()
    axe_check(page)
    page.get_by_role("link", name=SCHOOL, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(SCHOOL)
    expect(page.get_by_text(point, exact=True)).to_be_visible()
    axe_check(page)


def test_a_programme_rated_and_a_school_scan_that_becomes_the_schools_action_point(
    demo, live_server, page: Page, new_context, axe_check, screenshot
):
    base = live_server.url
    _build_and_rate_the_programme(page, base, axe_check)
    screenshot(page, "programme heat map")

    decaan = new_context().new_page()
    _run_the_school_scan(decaan, base, new_context, axe_check, screenshot)
    screenshot(decaan, "school plan with the scan's action point")
