"""The doorstroommonitor end to end: files in, a signal out, and figures without names.

A decaan of a vo school (who is also decaan at an mbo school of the partnership, so one
person can play both sides) uploads a list of leavers whose columns the app does not
know, maps them, and watches the progress bar while the task worker runs the import. Then
a status file in which one pupil's registration is withdrawn: the decaan finds the signal
for that pupil and logs an intervention. A stuurgroep member sees the flows (Sankey) and
the figures, and no pupil's name anywhere.
"""

import pytest
from django.core.management import call_command
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from doorlopend.accounts.models import User
from doorlopend.partnerships import services as partnership_services
from doorlopend.partnerships.models import Organisation
from doorlopend.transitions.testing import bsn_for

from .support import load_demo
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PUPIL = "Noor Zwanenburg-Testleerling"
OTHER = "Daan Vermeulen-Testleerling"
PGN, OTHER_PGN = bsn_for(900_001), bsn_for(900_002)
# A leavers file whose headers no alias knows: the decaan maps them once.
LEAVERS = (
    "Lln-id;Volledige naam leerling;Gebdat;LW;Prof;Soort traject\n"
    f"{PGN};{PUPIL};17-05-2010;KB;Zorg en welzijn;regulier\n"
    f"{OTHER_PGN};{OTHER};02-01-2010;GL;EO;DLR\n"
)
STATUSES = (
    "BSN;Status;Datum\n"
    f"{PGN};aangemeld;01-02-2026\n"
    f"{PGN};ingetrokken;01-03-2026\n"
    f"{OTHER_PGN};aangemeld;15-02-2026\n"
)


@pytest.fixture
def demo(db, tmp_path):
    load_demo()
    with scopes_disabled():
        decaan = User.objects.get(email="decaan@example.org")
        mbo = Organisation.objects.filter(
            partnership__slug="rivierenland", kind="mbo"
        ).first()
        partnership_services.role_grant(
            partnership=mbo.partnership, user=decaan, role="decaan", organisation=mbo
        )
    leavers, statuses = tmp_path / "vertrekkers.csv", tmp_path / "statussen.csv"
    leavers.write_text(LEAVERS, encoding="utf-8")
    statuses.write_text(STATUSES, encoding="utf-8")
    return {"mbo": mbo, "leavers": leavers, "statuses": statuses}


def run_worker() -> None:
    """The task worker, once through the queue (as `make worker` would, continuously)."""
    call_command(
        "db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0
    )


def upload(page: Page, base: str, *, school: str, kind: str, path) -> None:
    page.goto(f"{base}/p/rivierenland/doorstroom/bestanden/nieuw/")
    page.locator("select[name=school]").select_option(label=school)
    page.get_by_role("radio", name=kind).check()
    page.locator("input[name=file]").set_input_files(str(path))
    page.get_by_role("button", name=_("Upload")).click()


def test_decaan_imports_files_and_acts_on_a_signal_stuurgroep_sees_flows(
    demo, live_server, page: Page, new_context, axe_check, screenshot
):
    base = live_server.url
    with scopes_disabled():
        vo = Organisation.objects.get(
            partnership__slug="rivierenland",
            role_assignments__role="decaan",
            role_assignments__membership__user__email="decaan@example.org",
            kind="vo",
        )
    log_in(page, base, "decaan@example.org")

    # 1. The leavers file: unknown columns, so the mapping page comes first.
    upload(
        page, base, school=vo.name, kind=_("vo list of leavers"), path=demo["leavers"]
    )
    expect(page.get_by_role("heading", name=_("Columns of the file"))).to_be_visible()
    page.locator("select[name=pgn]").select_option("Lln-id")
    page.locator("select[name=name]").select_option("Volledige naam leerling")
    page.locator("select[name=birth_date]").select_option("Gebdat")
    page.locator("select[name=leerweg]").select_option("LW")
    page.locator("select[name=profile]").select_option("Prof")
    page.locator("select[name=route_kind]").select_option("Soort traject")
    axe_check(page)
    screenshot(page, "transitions-mapping")
    page.get_by_role("button", name=_("Save and import")).click()

    # 2. Queued: the progress bar waits for the worker, then fills without a reload.
    progress = page.locator("progress")
    expect(progress).to_be_visible()
    page.evaluate("() => { window.notReloaded = true; }")
    run_worker()
    expect(page.locator("td[data-count=created]")).to_have_text("2", timeout=15_000)
    assert page.evaluate("() => window.notReloaded === true")
    axe_check(page)
    screenshot(page, "transitions-import-done")

    # 3. The mbo school's status file: known headers, one registration withdrawn.
    upload(
        page,
        base,
        school=demo["mbo"].name,
        kind=_("mbo list of registrations and statuses"),
        path=demo["statuses"],
    )
    if page.get_by_role("button", name=_("Save and import")).count():
        page.get_by_role("button", name=_("Save and import")).click()
    run_worker()
    expect(page.locator("td[data-count=created]")).to_have_text("3", timeout=15_000)

    # 4. The signal for the withdrawn registration, on the vo school's signal page.
    page.goto(f"{base}/p/rivierenland/doorstroom/school/{vo.pk}/signalen/")
    row = page.locator("tr", has_text=PUPIL)
    expect(row).to_be_visible()
    axe_check(page)
    screenshot(page, "transitions-signals")
    row.get_by_role("link", name=PUPIL).click()
    expect(
        page.get_by_role("heading", name=_("registration went backwards").capitalize())
    ).to_be_visible()
    page.get_by_label(_("What")).fill(
        "Gesprek met Noor en ouders over een andere opleiding"
    )
    page.get_by_label(_("Who")).fill("Decaan Demo")
    page.get_by_label(_("When")).fill("2026-11-20")
    page.get_by_role("button", name=_("Add intervention")).click()
    expect(page.get_by_text("Gesprek met Noor en ouders")).to_be_visible()
    axe_check(page)
    screenshot(page, "transitions-signal-detail")

    # 5. The stuurgroep: flows and figures, never a name.
    board = new_context().new_page()
    log_in(board, base, "stuurgroep@example.org")
    board.goto(f"{base}/p/rivierenland/doorstroom/stromen/")
    expect(board.locator("svg.sankey-svg .sankey-link").first).to_be_attached()
    axe_check(board)
    screenshot(board, "transitions-sankey")
    assert PUPIL not in board.content()
    board.goto(f"{base}/p/rivierenland/doorstroom/")
    assert PUPIL not in board.content() and OTHER not in board.content()
    axe_check(board)
    screenshot(board, "transitions-figures")
    # A pupil page is not theirs: 403 or 404, never the name.
    response = board.goto(
        f"{base}/p/rivierenland/doorstroom/school/{vo.pk}/leerlingen/"
    )
    assert response.status in (403, 404)
