"""A leerroute from idea to signed paper: the coördinator's afternoon with issue 6.

The coördinator creates a leerroute between a vmbo location and an mbo school of the
partnership (both from DUO's register), works three steps of its step plan (one with an
uploaded file), records the MR's consent, and has the samenwerkingsovereenkomst and the
projectplan made by the task worker while the page shows the progress; both downloads are
opened and read.
"""

import pytest
from django.core.management import call_command
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from docx import Document
from playwright.sync_api import Page, expect

from doorlopend.core.testing.pdf import pdf_text
from doorlopend.partnerships.models import Organisation

from .support import load_demo
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)

ROUTE = "Zorg en Welzijn Betuwe"


@pytest.fixture
def demo(db):
    load_demo()
    with scopes_disabled():
        schools = Organisation.objects.filter(
            partnership__slug="rivierenland", register_entry__isnull=False
        ).select_related("register_entry")
        vo = schools.filter(kind="vo").order_by("name").first()
        mbo = schools.filter(kind="mbo").order_by("name").first()
    return {"vo": vo, "mbo": mbo}


def run_worker() -> None:
    call_command(
        "db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0
    )


def work_step(page: Page, title: str, status: str, **fields) -> None:
    page.get_by_role("link", name=title, exact=True).click()
    page.locator("select[name=status]").select_option(label=status)
    for name, value in fields.items():
        if name == "owner":
            page.locator("select[name=owner]").select_option(index=value)
        else:
            page.locator(f"[name={name}]").fill(value)
    page.get_by_role("button", name=_("Save")).click()
    expect(page.locator("main")).to_contain_text(status)


def test_coordinator_builds_a_route_and_downloads_its_documents(
    demo, live_server, page: Page, axe_check, screenshot, tmp_path
):
    base = live_server.url
    vo, mbo = demo["vo"], demo["mbo"]
    log_in(page, base, "coordinator@example.org")
    page.goto(f"{base}/p/rivierenland/")
    page.get_by_role("link", name=_("Leerroutes"), exact=True).first.click()
    axe_check(page)
    page.get_by_role("button", name=_("New leerroute")).click()

    # The route's schools come from the partnership's organisations, named as in DUO's register.
    page.get_by_label(_("Name of the route")).fill(ROUTE)
    page.get_by_role("checkbox", name=vo.name).first.check()
    page.locator("select[name=mbo_location]").select_option(str(mbo.pk))
    page.locator("select[name=leerweg]").select_option("kb")
    page.locator("select[name=profile]").select_option("zw")
    page.get_by_label(_("Crebo number")).fill("2518")  # one digit short
    page.get_by_label(_("Mbo qualification")).fill("Verzorgende-IG")
    page.locator("input[name=mbo_leerweg][value=bbl]").check()
    page.get_by_label(_("Aims")).fill(
        "Geen knip tussen vmbo en mbo voor zorgleerlingen."
    )
    axe_check(page)
    screenshot(page, "route-form")
    page.get_by_role("button", name=_("Create the route")).click()
    # A mistake is named, and nothing typed is lost.
    expect(page.locator("main")).to_contain_text(
        _("A crebo number is five digits, for example 25180.")
    )
    expect(page.get_by_label(_("Name of the route"))).to_have_value(ROUTE)
    page.get_by_label(_("Crebo number")).fill("25491")
    page.get_by_role("button", name=_("Create the route")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(ROUTE)
    expect(page.locator("main")).to_contain_text(vo.register_entry.brin)
    axe_check(page)
    screenshot(page, "route-detail")

    # Three steps of the step plan; the second with a file as evidence.
    page.get_by_role("link", name=_("Work on the step plan")).click()
    axe_check(page)
    screenshot(page, "route-step-plan")
    work_step(page, "Benoemen trekkers", _("done"), owner=1)
    axe_check(page)
    screenshot(page, "roadmap-item")
    page.get_by_role("link", name=ROUTE).first.click()
    work_step(page, "Draagvlakonderzoek", _("in progress"), due_date="2027-03-01")
    evidence = tmp_path / "draagvlak-enquete.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% draagvlak\n")
    page.locator("input[name=file]").set_input_files(str(evidence))
    page.get_by_role("button", name=_("Upload")).click()
    expect(page.get_by_role("link", name="draagvlak-enquete.pdf")).to_be_visible()
    # The history says who changed what.
    expect(page.locator("main")).to_contain_text(_("in progress"))
    page.get_by_role("link", name=ROUTE).first.click()
    work_step(
        page,
        "Analyse regio, arbeidsmarkt en leerlingpotentieel",
        _("not applicable"),
        not_applicable_reason="De regio-analyse van het convenant volstaat.",
    )

    # The MR of the vmbo school consents.
    page.goto(f"{base}/p/rivierenland/leerroutes/")
    page.get_by_role("link", name=ROUTE).click()
    page.get_by_role("button", name=_("Record a decision")).click()
    page.locator("select[name=organisation]").select_option(str(vo.pk))
    page.locator("select[name=body]").select_option("mr")
    page.locator("input[name=date]").fill("2026-10-01")
    page.locator("select[name=outcome]").select_option("consent")
    axe_check(page)
    page.get_by_role("button", name=_("Save")).click()
    expect(page.locator("main")).to_contain_text(vo.name)

    # The documents: made by the worker while the page shows the progress.
    page.get_by_role("link", name=_("Documents"), exact=True).first.click()
    axe_check(page)
    downloads = {}
    for kind in ("agreement", "projectplan"):
        section = page.locator(f"section[aria-labelledby=document-{kind}-title]")
        section.get_by_role("button").first.click()
        expect(section.locator("progress")).to_be_visible()
        run_worker()
        link = section.get_by_role("link", name=_("Download")).first
        expect(link).to_be_visible(timeout=15_000)
        with page.expect_download() as download:
            link.click()
        downloads[kind] = download.value.path()
    axe_check(page)
    screenshot(page, "route-documents")

    agreement = Document(str(downloads["agreement"]))
    text = "\n".join(p.text for p in agreement.paragraphs) + "\n".join(
        cell.text
        for table in agreement.tables
        for row in table.rows
        for cell in row.cells
    )
    assert ROUTE in text
    assert vo.register_entry.brin in text and mbo.register_entry.brin in text
    plan = pdf_text(downloads["projectplan"].read_bytes())
    assert ROUTE in plan
    assert "Benoemen trekkers" in plan and "Draagvlakonderzoek" in plan


def test_the_roadmap_pages_read_well_and_pass_axe(
    demo, live_server, page: Page, axe_check, screenshot
):
    """The overview, the per-school matrix, my items and the DUO melding of the demo."""
    base = live_server.url
    log_in(page, base, "coordinator@example.org")
    page.goto(f"{base}/p/rivierenland/")
    page.get_by_role("link", name=_("Roadmap"), exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe_check(page)
    screenshot(page, "roadmap-overview")

    page.get_by_role("link", name=_("Every school and item")).first.click()
    expect(page.locator("table")).to_be_visible()
    axe_check(page)
    screenshot(page, "roadmap-matrix")

    page.get_by_role("link", name=_("My items")).first.click()
    axe_check(page)
    screenshot(page, "roadmap-mine")

    page.goto(f"{base}/p/rivierenland/leerroutes/")
    axe_check(page)
    screenshot(page, "route-list")
    page.get_by_role("link", name="Techniek Rivierenland").first.click()
    page.get_by_role("link", name=_("DUO melding")).first.click()
    expect(page.locator("main table")).to_contain_text("Techniek Rivierenland")
    axe_check(page)
    screenshot(page, "route-duo-melding")
