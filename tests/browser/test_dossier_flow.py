"""The sending half of the doorstroomdossier end to end (issue 16).

The mentor writes part B; the decaan makes the pupil's personal link; the pupil, on a
375 px phone and without an account, fills part A (autosaved per field), approves A and
B; the decaan marks part C, the pupil gives consent and takes it back. axe-core on the
pupil's pages and the decaan's.
"""

import re

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from doorlopend.dossier.models import Dossier
from doorlopend.partnerships.models import RoleAssignment
from doorlopend.transitions.models import Transition

from .support import load_demo
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 740}
PART_A = {
    "Op welke scholen zat je, en hoe ging het?": "Basisschool en vmbo kader.",
    "Welke stages en LOB-activiteiten heb je gedaan?": "Stage bij een bakker.",
    "Hoe heb je je mbo-opleiding gekozen?": "Na een meeloopdag.",
    "Wat heb je gedaan voor je eindopdracht LOB?": "Een presentatie.",
    "Wat helpt jou om te leren?": "Doen.",
    "Welke hulp heb je nodig op je nieuwe school?": "Een vast aanspreekpunt.",
}


@pytest.fixture
def leaver(db) -> str:
    """The path of a leaver's dossier page at the demo decaan's school (no dossier yet)."""
    load_demo()
    with scopes_disabled():
        role = RoleAssignment.objects.get(
            membership__user__email="decaan@example.org",
            membership__partnership__slug="rivierenland",
            role="decaan",
        )
        transition = (
            Transition.objects.filter(sending_organisation=role.organisation)
            .exclude(pk__in=Dossier.objects.values("transition_id"))
            .order_by("pk")
            .first()
        )
    return f"/p/rivierenland/dossier/school/{role.organisation_id}/{transition.pk}/"


def test_mentor_decaan_and_pupil_fill_and_approve_the_dossier(
    leaver, live_server, page: Page, new_context, axe_check, screenshot
):
    base = live_server.url
    log_in(page, base, "mentor@example.org")
    page.goto(base + leaver)
    page.get_by_label("Advies over de gekozen mbo-opleiding en het niveau").fill(
        "Niveau 3 past goed."
    )
    page.get_by_label("Aanwezigheid en resultaten, in woorden").fill("Altijd op tijd.")
    page.get_by_role("button", name="Deel B opslaan").click()
    expect(page.get_by_text("Deel B opgeslagen.")).to_be_visible()

    decaan = new_context().new_page()
    log_in(decaan, base, "decaan@example.org")
    decaan.goto(base + leaver)
    decaan.get_by_role("button", name="Link maken").click()
    link = decaan.locator("#new-link-url").input_value()
    assert re.search(r"/mijn-dossier/[\w-]{40,}/$", link)
    axe_check(decaan)

    phone = new_context().new_page()
    phone.set_viewport_size(PHONE)
    phone.goto(link)
    for question, answer in PART_A.items():
        phone.get_by_label(question).fill(answer)
        status = phone.get_by_label(question).locator(
            "xpath=following-sibling::p[@role='status']"
        )
        expect(status).to_have_text("Opgeslagen")
    axe_check(phone)
    screenshot(phone, "dossier-pupil-part-a")
    phone.reload()
    expect(phone.get_by_label("Wat helpt jou om te leren?")).to_have_value("Doen.")
    for part in ("#part-a", "#part-b"):
        phone.locator(part).get_by_role(
            "button", name="Ik ben het eens met dit deel"
        ).click()
        expect(
            phone.get_by_text("Dank je: je gaf akkoord op dit deel.")
        ).to_be_visible()
    expect(
        phone.get_by_text(re.compile("Je gaf op .* akkoord op dit deel"))
    ).to_have_count(2)

    decaan.goto(base + leaver)
    decaan.get_by_label("Deze leerling heeft ondersteuning nodig op het mbo").check()
    decaan.get_by_label("Overdracht van ondersteuning").fill("Extra tijd bij toetsen.")
    decaan.get_by_role("button", name="Deel C opslaan").click()
    expect(decaan.get_by_text("Deel C opgeslagen.")).to_be_visible()

    phone.goto(link)
    phone.locator("#part-c").get_by_role(
        "button", name="Ik ben het eens met dit deel"
    ).click()
    phone.get_by_role("button", name="Ik geef toestemming voor deel C").click()
    expect(phone.get_by_text("Je gaf toestemming.")).to_be_visible()
    axe_check(phone)
    phone.get_by_role("button", name="Mijn toestemming intrekken").click()
    expect(phone.get_by_text("Je hebt je toestemming ingetrokken.")).to_be_visible()

    decaan.goto(base + leaver)
    expect(decaan.locator("#part-a .status-badge")).to_have_text(re.compile("akkoord"))
    expect(decaan.locator("#part-c").get_by_text("niet gegeven")).to_be_visible()
    axe_check(decaan)
