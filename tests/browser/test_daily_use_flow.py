"""Daily use without dead ends: a werkgroeplid proposes an activity that the coördinator
confirms; a docent listed on a held activity finds a form for its evaluation and adds a
task for themselves; the checklist and the step plan show what the data says."""

import pytest
from playwright.sync_api import Page, expect

from .support import load_demo
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(db):
    load_demo()


def test_proposal_evaluation_and_own_task(
    demo, live_server, page: Page, new_context, axe_check, screenshot
):
    base = live_server.url
    activities = f"{base}/p/rivierenland/plan/activiteiten/"

    log_in(page, base, "werkgroeplid@example.org")
    page.goto(activities)
    page.get_by_role("button", name="Activiteit voorstellen").click()
    page.locator("[name=title]").fill("Snuffelstage bij de bakker")
    page.locator("[name=kind]").select_option("bedrijfsbezoek")
    page.locator("[name=date]").fill("2027-03-02")
    page.locator("[name=start_time]").fill("09:00")
    axe_check(page)
    page.get_by_role("button", name="Voorstel versturen").click()
    expect(page.get_by_text("voorstel: wacht op de coördinator")).to_be_visible()

    coordinator = new_context().new_page()
    log_in(coordinator, base, "coordinator@example.org")
    coordinator.goto(page.url)
    axe_check(coordinator)
    coordinator.get_by_role("button", name="Bevestigen").click()
    expect(coordinator.get_by_text("voorstel: wacht op de coördinator")).to_have_count(
        0
    )

    docent = new_context().new_page()
    log_in(docent, base, "docent@example.org")
    docent.goto(f"{activities}?when=past")
    docent.get_by_role("link", name="Excursie naar het ROC techniekplein").click()
    docent.get_by_text("Evaluatie aanpassen").click()
    docent.locator("[name=evaluation]").fill("Leerlingen stelden goede vragen.")
    docent.get_by_role("button", name="Evaluatie opslaan").click()
    expect(
        docent.get_by_role("paragraph").filter(has_text="Leerlingen stelden goede")
    ).to_be_visible()
    axe_check(docent)
    screenshot(docent, "activity-docent")

    docent.goto(f"{base}/p/rivierenland/plan/taken/mijn/")
    docent.get_by_role("button", name="Taak voor jezelf toevoegen").click()
    docent.locator("[name=title]").fill("Gastles voorbereiden")
    docent.get_by_role("button", name="Opslaan").click()
    expect(docent.get_by_text("Gastles voorbereiden").first).to_be_visible()

    coordinator.goto(f"{base}/p/rivierenland/routekaarten/")
    coordinator.get_by_role("link", name="Techniek Rivierenland").first.click()
    expect(coordinator.get_by_text("afgeleid uit").first).to_be_visible()
    axe_check(coordinator)
    screenshot(coordinator, "step-plan-derived")
