"""Issue 17's story, in one go: a coördinator imports the three sample files, reads the
region analysis of the partnership and the route's five answers; sends the draagvlak
survey, three parties answer by link on 375 px phones and the step shows the result;
the stuurgroep approves the projectplan, which then shows as vastgesteld. axe-core is
run on every page visited."""

import re

import pytest
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from doorlopend.documents.models import GeneratedDocument, Kind
from doorlopend.documents.services import content_hash
from doorlopend.region.demo import SAMPLE_FILES, SAMPLES
from doorlopend.region.models import DataSet
from doorlopend.roadmaps.models import ItemState
from doorlopend.routes.demo import ROUTE_NAME
from doorlopend.routes.models import Leerroute

from .support import load_demo
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 375, "height": 740}
WIDTHS = (375, 768, 1280)
PARTIES = [("vo", "4"), ("gemeente", "5"), ("bedrijfsleven", "4")]


@pytest.fixture
def route(db):
    """The demo without its region data (imported here) and with a projectplan made."""
    load_demo()
    with scopes_disabled():
        DataSet.objects.filter(partnership__slug="rivierenland").delete()
        route = Leerroute.objects.get(partnership__slug="rivierenland", name=ROUTE_NAME)
        text = "Projectplan Techniek Rivierenland\nRegio-analyse en draagvlak"
        document = GeneratedDocument.objects.create(
            partnership=route.partnership,
            route=route,
            kind=Kind.PROJECTPLAN,
            status="done",
            content_text=text,
            content_hash=content_hash(text),
        )
        document.file.save("projectplan.pdf", ContentFile(b"%PDF-1.4"))
        return route


def _import_samples(page: Page, base: str, axe_check) -> None:
    for kind, name, source, publisher, date in SAMPLE_FILES:
        page.goto(f"{base}/p/rivierenland/regio/")
        page.get_by_label("Soort gegevens").select_option(str(kind))
        page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(SAMPLES / name))
        page.locator("#id_source_name").fill(source)
        page.get_by_label("Uitgever").fill(publisher)
        page.get_by_label("Peildatum").fill(date.isoformat())
        page.get_by_role("button", name="Importeren").click()
        expect(page.locator(".message-success")).to_contain_text(name)
        axe_check(page)
    expect(page.locator("tbody tr")).to_have_count(3)


def _answer_on_a_phone(phone: Page, base: str, code: str, party, score, n, axe_check):
    phone.set_viewport_size(PHONE)
    phone.goto(f"{base}/doe-mee/{code}/")
    axe_check(phone)
    phone.locator(f"input[name='sector'][value='{party}']").check()
    phone.get_by_role("button", name=_("Start")).click()
    axe_check(phone)
    text = f"Antwoord van partij {n + 1}"
    phone.locator("textarea").first.press_sequentially(text)
    expect(phone.locator(".open-question .answer-status").first).to_contain_text(
        _("Saved")
    )
    for fieldset in phone.locator("fieldset.question:not(.open-question)").all():
        fieldset.locator(f"input[value='{score}']").check()
        expect(fieldset.locator(".answer-status")).to_contain_text(_("Saved"))
    scroll = phone.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert scroll <= 0, f"the questionnaire scrolls sideways on a phone by {scroll}px"


def test_region_analysis_draagvlak_and_approval(
    route, live_server, page: Page, new_context, axe_check, screenshot
):
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    axe_check(page)
    log_in(page, base, "coordinator@example.org")
    axe_check(page)

    # 1. The three sample files, the partnership's analysis and the route's.
    _import_samples(page, base, axe_check)
    screenshot(page, "issue17-region-data", widths=WIDTHS)
    page.get_by_role("link", name="Regio-analyse van het samenwerkingsverband").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Regio-analyse van het samenwerkingsverband"
    )
    expect(page.locator("#q4")).to_contain_text("Per profiel in 2024")
    expect(page.locator("#q5 img")).to_be_visible()
    axe_check(page)
    screenshot(page, "issue17-partnership-analysis", widths=WIDTHS)
    page.get_by_role("link", name=route.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Regio-analyse")
    expect(page.locator("#q1")).to_contain_text("Techniek en installatie")
    expect(page.locator("#q2")).to_contain_text("Elektrotechnisch monteurs")
    expect(page.locator("#q3")).to_contain_text("warmtepompen")  # the demo's note
    expect(page.locator("#q4")).to_contain_text("2024")
    expect(page.locator("#q5")).to_contain_text("Aandeel BBL")
    expect(page.get_by_text("5 van de 5 zijn beantwoord")).to_be_visible()
    axe_check(page)
    screenshot(page, "issue17-route-analysis", widths=WIDTHS)

    # 2. The draagvlak survey: a new round, three parties by link on their phones.
    with scopes_disabled():
        state = ItemState.objects.get(
            item_key="draagvlakonderzoek", roadmap__route=route
        )
    step = f"{base}/p/rivierenland/routekaarten/items/{state.pk}/"
    page.goto(step)
    axe_check(page)
    page.get_by_role("button", name=_("Start a new round of the survey")).click()
    axe_check(page)
    page.get_by_role("button", name=_("Open the session")).click()
    axe_check(page)
    code = re.sub(r"\s", "", page.locator(".join-code").inner_text())
    session_page = page.url.split("?")[0]
    for n, (party, score) in enumerate(PARTIES):
        phone = new_context().new_page()
        _answer_on_a_phone(phone, base, code, party, score, n, axe_check)
    page.goto(session_page)
    page.get_by_role("button", name=_("Close the session")).click()
    axe_check(page)
    page.goto(step)
    expect(page.locator(".roadmap-derived")).to_contain_text("3")
    axe_check(page)
    page.get_by_role(
        "link", name=_("All results per kind of party, with the open answers")
    ).click()
    for n in range(3):
        expect(page.locator("#open-answers")).to_contain_text(
            f"Antwoord van partij {n + 1}"
        )
    axe_check(page)

    # 3. The stuurgroep approves the projectplan: vastgesteld.
    documents = f"{base}/p/rivierenland/documenten/leerroute/{route.pk}/"
    page.goto(documents)
    axe_check(page)
    section = page.locator("section.document-kind").first
    section.get_by_role("button", name="Leg voor aan de stuurgroep").click()
    expect(page.locator(".message-success")).to_contain_text("Voorgelegd")
    axe_check(page)
    board = new_context().new_page()
    log_in(board, base, "stuurgroep@example.org")
    board.goto(f"{base}/p/rivierenland/")
    axe_check(board)
    card = board.locator(".approvals-card")
    expect(card).to_contain_text("Wacht op jouw besluit")
    card.get_by_role("link", name=f"Projectplan {ROUTE_NAME}").click()
    axe_check(board)
    board.get_by_label("goedkeuren").check()
    board.get_by_label("Toelichting").fill(
        "Akkoord: de analyse en het draagvlak zijn er."
    )
    board.get_by_role("button", name="Leg mijn besluit vast").click()
    expect(board.locator(".approval-verdict")).to_contain_text(
        "Vastgesteld door de stuurgroep op"
    )
    axe_check(board)
    page.goto(documents)
    expect(page.locator("section.document-kind").first).to_contain_text(
        "Vastgesteld door de stuurgroep op"
    )
    axe_check(page)
