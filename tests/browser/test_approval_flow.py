"""The stuurgroep approves the route's projectplan, which then shows as vastgesteld.

The coördinator submits the newest projectplan from the route's documents page; the
stuurgroep member finds it on their overview ("Wacht op jouw besluit"), approves it with
a comment, and the documents page says "Vastgesteld door de stuurgroep op …".
"""

import pytest
from django.core.files.base import ContentFile
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from doorlopend.documents.models import GeneratedDocument, Kind
from doorlopend.documents.services import content_hash
from doorlopend.routes.demo import ROUTE_NAME
from doorlopend.routes.models import Leerroute

from .support import load_demo
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def route(db):
    load_demo()
    with scopes_disabled():
        route = Leerroute.objects.get(partnership__slug="rivierenland", name=ROUTE_NAME)
        text = "Projectplan Techniek Rivierenland\nDoelen en opzet"
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


def test_the_stuurgroep_approves_the_projectplan(
    route, live_server, page: Page, new_context, axe_check
):
    base = live_server.url
    documents = f"{base}/p/rivierenland/documenten/leerroute/{route.pk}/"
    log_in(page, base, "coordinator@example.org")
    page.goto(documents)
    section = page.locator("section.document-kind").first
    section.get_by_role("button", name="Leg voor aan de stuurgroep").click()
    expect(page.locator(".message-success")).to_contain_text("Voorgelegd")

    board = new_context().new_page()
    log_in(board, base, "stuurgroep@example.org")
    board.goto(f"{base}/p/rivierenland/")
    card = board.locator(".approvals-card")
    expect(card).to_contain_text("Wacht op jouw besluit")
    card.get_by_role("link", name=f"Projectplan {ROUTE_NAME}").click()
    axe_check(board)
    board.get_by_label("goedkeuren").check()
    board.get_by_label("Toelichting").fill("Akkoord, mooi plan.")
    board.get_by_role("button", name="Leg mijn besluit vast").click()
    expect(board.locator(".approval-verdict")).to_contain_text(
        "Vastgesteld door de stuurgroep op"
    )
    expect(board.locator(".approval-members")).to_contain_text("Akkoord, mooi plan.")
    axe_check(board)

    page.goto(documents)
    expect(page.locator("section.document-kind").first).to_contain_text(
        "Vastgesteld door de stuurgroep op"
    )
    axe_check(page)
