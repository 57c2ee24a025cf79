"""The LOB programme in a werkgroep meeting: from the example to a rated heat map.

A werkgroeplid starts the programme from the example (seed 004's Gare du Nord line),
rates two items on the 7 elementen, and sees the heat map change: a cell that was "not
rated" reads "clearly", and a meeloopdag without reflection becomes a thin place.
"""

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)

MEELOOPDAG = "Ervaren van mbo-onderwijs: meeloopdag op het mbo"
EINDOPDRACHT = "Eindopdracht LOB"


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def _rate(page: Page, title: str, scores: dict[str, tuple[str, str]]) -> None:
    page.get_by_role("link", name=f"Beoordelen {title}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{title} beoordelen")
    for element, (score, why) in scores.items():
        group = page.get_by_role("group", name=element)
        group.get_by_label(score, exact=True).check()
        group.get_by_role("textbox").fill(why)
    page.get_by_role("button", name="Beoordeling opslaan").click()
    expect(page.locator(".message-success")).to_contain_text(title)


def _cell(page: Page, row: str, column: int) -> str:
    line = page.locator(
        "table.heat-map tbody tr", has=page.locator(f"th:text-is('{row}')")
    )
    return line.locator("td").nth(column).inner_text()


def test_werkgroeplid_builds_rates_and_sees_the_heat_map_change(
    demo, live_server, page: Page, axe_check, screenshot
):
    base = live_server.url
    log_in(page, base, "werkgroeplid@example.org")
    page.goto(f"{base}/p/rivierenland/")
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
    assert "niet beoordeeld" in _cell(page, "vmbo 3", 0)
    assert "Geen reflectie na" not in page.content()
    page.go_back()

    _rate(
        page,
        MEELOOPDAG,
        {
            "Praktijkervaring opdoen": ("duidelijk", "Een dag als mbo-student"),
            "Reflectie (voorbereiding en terugkijken)": ("niet", ""),
        },
    )
    axe_check(page)
    _rate(
        page,
        EINDOPDRACHT,
        {
            "Reflectie (voorbereiding en terugkijken)": (
                "duidelijk",
                "Loopbaanreflectie",
            )
        },
    )

    page.get_by_role("button", name="Dekking (heatmap)").click()
    assert "duidelijk" in _cell(page, "vmbo 3", 0)
    assert "duidelijk" in _cell(page, "vmbo 4", 3)
    thin = page.locator(".thin-places")
    expect(thin).to_contain_text(f"Geen reflectie na “{MEELOOPDAG}” in vmbo 3.")
    # The items behind a cell: open it from the table.
    page.locator("table.heat-map a", has_text="duidelijk").first.click()
    expect(page.locator("#cell-items")).to_contain_text("Een dag als mbo-student")
    axe_check(page)
    page.set_viewport_size({"width": 375, "height": 800})
    axe_check(page)
    region = page.get_by_role("region", name="Heatmap: leerjaren en elementen")
    region.focus()
    expect(region).to_be_focused()
    page.set_viewport_size({"width": 1280, "height": 800})
    screenshot(page, "programme heat map")
