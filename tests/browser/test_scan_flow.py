"""A school's LOB-scan: the decaan starts it, three phones answer, the result shows and
its weakest element becomes the school's action point with one click."""

import re

import pytest
from django.core.management import call_command
from django.utils.translation import gettext as _
from playwright.sync_api import Page, expect

from .test_partnership_flow import log_in
from .test_reflection_flow import answer_theme, on_phone

pytestmark = pytest.mark.django_db(transaction=True)

SCAN_THEMES = [
    "Praktijkervaring opdoen",
    "De leerling is (pro)actief",
    "Samenhang in activiteiten en programma",
    "Reflectie (voorbereiding en terugkijken)",
    "Waar mogelijk ouders betrekken",
    "Leren omgaan met verwachtingen",
    "Zelfvertrouwen bij loopbaankeuzes",
    "Loopbaangerichte leeromgeving",
    "Samenwerking bij de overgang",
]


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def _phone_answers(context, base: str, code: str, scores: dict[str, str]) -> None:
    phone = on_phone(context)
    phone.goto(f"{base}/doe-mee/")
    phone.get_by_label(_("Code")).fill(code)
    phone.get_by_role("button", name=_("Join")).click()
    phone.locator("input[name='sector'][value='vo']").check()
    phone.locator("input[name='layer'][value='uitvoering']").check()
    phone.get_by_role("button", name=_("Start")).click()
    for n, theme in enumerate(SCAN_THEMES):
        expect(phone.get_by_role("heading", name=theme)).to_be_visible()
        answer_theme(phone, scores.get(theme, "4"))
        last = n == len(SCAN_THEMES) - 1
        phone.get_by_role(
            "button", name=_("Finish") if last else _("Next theme")
        ).click()
    expect(phone.get_by_role("heading", level=1)).to_be_visible()


def test_a_decaan_runs_the_school_scan_with_three_phones(
    demo, live_server, page: Page, new_context, axe_check, screenshot
):
    base = live_server.url
    log_in(page, base, "decaan@example.org")
    page.goto(f"{base}/p/rivierenland/reflectie/scan/")
    axe_check(page)
    page.get_by_role("button", name="Start een scan met je team").click()
    axe_check(page)
    page.get_by_role("button", name="Scan aanmaken").click()
    page.get_by_role("button", name=_("Open the session")).click()
    code = re.sub(r"\s", "", page.locator(".join-code").inner_text())

    weak = {"Waar mogelijk ouders betrekken": "1"}
    for _phone in range(3):
        _phone_answers(new_context(), base, code, weak)

    page.get_by_role("button", name=_("Close the session")).click()
    page.goto(f"{base}/p/rivierenland/reflectie/scan/")
    page.get_by_role("link", name="Christelijk College Kersenbongerd").click()
    expect(page.get_by_role("heading", name="Per element")).to_be_visible()
    # This scan: three people, everything 4 but the parents at 1.
    expect(page.get_by_text("beantwoord door 3 mensen")).to_be_visible()
    rows = page.get_by_role(
        "table", name="Gemiddelde, spreiding en antwoorden per element"
    )
    expect(
        rows.get_by_role("row", name=re.compile("Waar mogelijk ouders betrekken"))
    ).to_contain_text("1,0")
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        axe_check(page)
    screenshot(page, "scan-school")

    weakest = page.get_by_role("button", name=re.compile("Maak er een actiepunt van"))
    # The one weak element of this scan, named for screen readers on its button.
    expect(weakest).to_have_count(1)
    expect(weakest).to_contain_text("Waar mogelijk ouders betrekken")
    weakest.click()
    expect(
        page.get_by_text(re.compile("Versterk “Waar mogelijk ouders betrekken”")).first
    ).to_be_visible()
    axe_check(page)


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
