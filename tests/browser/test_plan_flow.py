"""The plan van aanpak in one sitting: the coördinator keeps the plan current.

A SMART goal is added and then revised with a reason; an activity is planned for two of
the 7 elementen; spending above plan shows the warning; a reflection action point becomes
a task; the voortgangsrapportage is made by the worker and downloaded and read.
"""

import datetime

import pytest
from django.core.management import call_command
from django.utils.translation import gettext as _
from playwright.sync_api import Page, expect

from doorlopend.core.testing.pdf import pdf_text

from .support import load_demo
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)

GOAL = "Iedere leerling aangemeld vóór 1 april"


@pytest.fixture
def demo(db):
    load_demo()


def run_worker() -> None:
    call_command(
        "db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0
    )


def test_coordinator_keeps_the_plan(
    demo, live_server, page: Page, axe_check, screenshot
):
    base = live_server.url
    plan = f"{base}/p/rivierenland/plan/"
    log_in(page, base, "coordinator@example.org")
    page.goto(f"{base}/p/rivierenland/")
    page.get_by_role("link", name=_("Plan"), exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(_("Plan van aanpak"))
    axe_check(page)
    screenshot(page, "plan")

    # A SMART goal: a missing part is named on its field, nothing typed is lost.
    page.goto(f"{plan}doelen/")
    page.get_by_role("button", name=_("New goal")).click()
    page.locator("[name=title]").fill(GOAL)
    page.locator("[name=indicator]").fill("Aandeel leerlingen aangemeld op 1 april")
    page.locator("[name=baseline]").fill("72")
    page.locator("[name=target]").fill("95,5")
    deadline = datetime.date.today() + datetime.timedelta(days=200)
    page.locator("[name=deadline]").fill(deadline.isoformat())
    page.locator("select[name=owner]").select_option(index=1)
    page.locator("select[name=theme_key]").select_option(index=1)
    page.get_by_role("button", name=_("Add the goal")).click()
    expect(page.locator("[name=title]")).to_have_value(GOAL)  # "specific" was missing
    axe_check(page)
    screenshot(page, "plan-goal-form-error")
    page.locator("[name=specific]").fill(
        "Alle vmbo-leerlingen van leerjaar 4 zijn op 1 april aangemeld bij een mbo-school."
    )
    page.get_by_role("button", name=_("Add the goal")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(GOAL)

    # Revised: a new target needs a reason, and the history shows how the goal moved.
    page.get_by_role("button", name=_("Edit or revise")).click()
    page.locator("[name=target]").fill("90")
    page.locator("[name=reason]").fill("De nulmeting viel lager uit dan gedacht.")
    page.get_by_role("button", name=_("Save")).click()
    expect(page.locator("main")).to_contain_text(
        "De nulmeting viel lager uit dan gedacht."
    )
    axe_check(page)
    screenshot(page, "plan-goal")

    # An activity for two of the 7 elementen.
    page.goto(f"{plan}activiteiten/nieuw/")
    page.locator("[name=title]").fill("Meeloopdag ROC voor leerjaar 3")
    page.locator("select[name=kind]").select_option("uitwisseling_leerlingen")
    when = datetime.date.today() + datetime.timedelta(days=30)
    page.locator("[name=date]").fill(when.isoformat())
    page.locator("[name=start_time]").fill("09:00")
    page.locator("[name=end_time]").fill("13:00")
    page.locator("input[name=elements][value=praktijkervaring]").check()
    page.locator("input[name=elements][value=reflectie]").check()
    axe_check(page)
    page.get_by_role("button", name=_("Plan the activity")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Meeloopdag ROC voor leerjaar 3"
    )
    expect(page.locator("main")).to_contain_text("Praktijkervaring opdoen")
    expect(page.locator("main")).to_contain_text(
        "Reflectie (voorbereiding en terugkijken)"
    )
    axe_check(page)
    screenshot(page, "plan-activity")

    # Spending above plan: the warning says so in words.
    page.goto(f"{plan}begroting/")
    page.get_by_role("button", name=_("Add a budget line")).first.click()
    page.locator("[name=description]").fill("Bussen meeloopdag")
    page.locator("[name=planned]").fill("800")
    page.locator("[name=spent]").fill("1.250,50")
    page.get_by_role("button", name=_("Save")).click()
    expect(page.locator("main")).to_contain_text("Bussen meeloopdag")
    expect(page.locator("[role=alert]").first).to_be_visible()
    expect(page.locator("main")).to_contain_text("450,50")
    axe_check(page)
    screenshot(page, "plan-budget")

    # A reflection action point becomes a task; the link shows both ways.
    page.goto(f"{plan}inbox/")
    axe_check(page)
    page.get_by_role("button", name=_("Handle")).first.click()
    axe_check(page)
    screenshot(page, "plan-triage")
    task_title = page.locator("[name=title]").first.input_value()
    page.get_by_role("button", name=_("Create task")).click()
    page.goto(f"{plan}inbox/")
    became = page.locator(".plan-link", has_text=task_title)
    expect(became).to_contain_text(_("plan task"))
    # ... and the task links back to where it came from.
    became.get_by_role("link").click()
    expect(page.locator("main")).to_contain_text(task_title)

    # The voortgangsrapportage, made by the worker and read back.
    page.goto(f"{plan}voortgangsrapportage/")
    page.get_by_role("button", name=_("Make a new version")).click()
    expect(page.locator("progress")).to_be_visible()
    run_worker()
    link = page.get_by_role("link", name=_("Download")).first
    expect(link).to_be_visible(timeout=15_000)
    axe_check(page)
    screenshot(page, "plan-report")
    with page.expect_download() as download:
        link.click()
    text = pdf_text(download.value.path().read_bytes())
    assert GOAL in text
    assert "Bussen meeloopdag" in text or "1.250,50" in text
