"""The region analysis: a coördinator imports the three sample files and opens the
route's analysis, which answers the five questions; the step "Analyse" links to it."""

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from doorlopend.region.demo import SAMPLE_FILES, SAMPLES
from doorlopend.region.models import DataSet
from doorlopend.routes.models import Leerroute

from .support import load_demo
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def route(db):
    load_demo()
    with scopes_disabled():
        DataSet.objects.filter(partnership__slug="rivierenland").delete()
        return Leerroute.objects.filter(partnership__slug="rivierenland").first()


def test_a_coordinator_imports_the_samples_and_reads_the_analysis(
    route, live_server, page: Page, axe_check
):
    base = live_server.url
    log_in(page, base, "coordinator@example.org")
    for kind, name, source, publisher, date in SAMPLE_FILES:
        page.goto(f"{base}/p/rivierenland/regio/")
        page.get_by_label("Soort gegevens").select_option(str(kind))
        page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(SAMPLES / name))
        page.locator("#id_source_name").fill(source)
        page.get_by_label("Uitgever").fill(publisher)
        page.get_by_label("Peildatum").fill(date.isoformat())
        page.get_by_role("button", name="Importeren").click()
        expect(page.locator(".message-success")).to_contain_text(name)
    expect(page.locator("tbody tr")).to_have_count(3)
    axe_check(page)
    page.get_by_role("link", name=route.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Regio-analyse")
    expect(page.locator("#q1")).to_contain_text("Techniek en installatie")
    expect(page.locator("#q2")).to_contain_text("Elektrotechnisch monteurs")
    expect(page.locator("#q3")).to_contain_text("warmtepompen")  # the demo's note
    expect(page.locator("#q4")).to_contain_text("2024")
    expect(page.locator("#q5")).to_contain_text("Aandeel BBL")
    expect(page.get_by_text("5 van de 5 zijn beantwoord")).to_be_visible()
    axe_check(page)
