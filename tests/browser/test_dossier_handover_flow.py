"""The warm handover end to end (issue 16): a vo mentor writes part B (and part C); the
decaan makes the pupil's personal link; the pupil, on a 375 px phone and without an
account, fills part A, approves the parts and consents to part C; the mbo school's
decaan — the pupil's registration is in the monitor — reads the approved parts and marks
them discussed; the vo decaan sees "besproken"; the pupil takes the consent to part C
back and it disappears for the mbo decaan at once. axe-core on every page, the pupil's
included.
"""

import datetime

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from doorlopend.partnerships.models import Organisation, RoleAssignment
from doorlopend.transitions.models import StatusEvent, Transition
from doorlopend.transitions.services.history import transitions_recompute

from .support import load_demo
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PART_A = {
    "school_career": "Vmbo kader, het derde jaar ging het beter.",
    "placements": "Stage bij een garage en een meeloopdag techniek.",
    "choice": "Twee open dagen en gesprekken met mijn mentor.",
    "eindopdracht": "Een presentatie over mijn stage.",
    "learning": "Doen en uitproberen.",
    "support_wishes": "Een vast aanspreekpunt.",
}
CARE = "Extra tijd bij toetsen vanwege dyslexie."


@pytest.fixture
def demo(db):
    """The demo, with one leaver of the demo decaan's vo school registered at the first
    mbo school (as a file of statuses would have it) and no dossier yet."""
    load_demo()
    with scopes_disabled():
        vo = RoleAssignment.objects.get(
            membership__user__email="decaan@example.org", role="decaan"
        ).organisation
        mbo = (
            Organisation.objects.filter(partnership=vo.partnership, kind="mbo")
            .order_by("name")
            .first()
        )
        transition = (
            Transition.objects.filter(sending_organisation=vo, dossier__isnull=True)
            .select_related("pupil")
            .order_by("-cohort", "pk")
            .first()
        )
        transition.receiving_organisation = mbo
        transition.save(update_fields=["receiving_organisation"])
        StatusEvent.objects.filter(transition=transition).delete()
        StatusEvent.objects.create(
            partnership=vo.partnership,
            transition=transition,
            status="aangemeld",
            on=datetime.date(transition.cohort, 2, 1),
            source="statussen.csv",
        )
        transitions_recompute(Transition.objects.filter(pk=transition.pk))
        # 16 or older: the pupil's own consent to part C suffices.
        transition.pupil.birth_date = "2008-01-15"
        transition.pupil.save(update_fields=["birth_date"])
    return {"vo": vo, "mbo": mbo, "transition": transition}


def test_warm_handover(
    demo, live_server, page: Page, new_context, axe_check, screenshot
):
    base = live_server.url
    vo, mbo, transition = demo["vo"], demo["mbo"], demo["transition"]
    name = transition.pupil.name
    slug = vo.partnership.slug
    vo_detail = f"{base}/p/{slug}/dossier/school/{vo.pk}/{transition.pk}/"

    # The mentor writes part B and part C.
    log_in(page, base, "mentor@example.org")
    page.goto(vo_detail)
    page.locator("textarea[name=advice]").fill("Niveau 3 techniek past goed.")
    page.locator("textarea[name=attendance_results]").fill("Zelden afwezig.")
    page.get_by_role("button", name="Deel B opslaan").click()
    page.locator("input[name=support_needed]").check()
    page.locator("textarea[name=care]").fill(CARE)
    page.get_by_role("button", name="Deel C opslaan").click()
    expect(page.locator("textarea[name=care]")).to_have_value(CARE)
    axe_check(page)

    # The decaan makes the pupil's personal link.
    decaan = new_context().new_page()
    log_in(decaan, base, "decaan@example.org")
    decaan.goto(vo_detail)
    decaan.get_by_role("button", name="Link maken").click()
    link = decaan.locator("#new-link-url").input_value()
    assert "/mijn-dossier/" in link and name.split()[0] not in link

    # The pupil, on a phone, fills part A, approves A, B and C and consents to C.
    pupil = new_context().new_page()
    pupil.set_viewport_size({"width": 375, "height": 812})
    pupil.goto(link)
    for field, text in PART_A.items():
        pupil.locator(f"#id_{field}").fill(text)
    pupil.locator(".part-a-form").get_by_role("button", name="Opslaan").click()
    expect(pupil.locator("#id_choice")).to_have_value(PART_A["choice"])
    axe_check(pupil)
    screenshot(pupil, "dossier-pupil-part-a", widths=(375,))
    for part in ("a", "b", "c"):
        pupil.locator(f"#approve-{part}").get_by_role(
            "button", name="Ik ben het eens met dit deel"
        ).click()
        expect(pupil.locator(f"#approve-{part} .approve-done")).to_be_visible()
    pupil.get_by_role("button", name="Ik geef toestemming voor deel C").click()
    expect(
        pupil.get_by_role("button", name="Mijn toestemming intrekken")
    ).to_be_visible()
    axe_check(pupil)

    # The mbo decaan reads the approved parts and marks them discussed.
    mbo_page = new_context().new_page()
    log_in(mbo_page, base, "decaan-mbo@example.org")
    mbo_page.goto(
        f"{base}/p/{slug}/dossier/ontvangen/{mbo.pk}/?jaar={transition.cohort}"
    )
    mbo_page.get_by_role("link", name=name).click()
    expect(mbo_page.get_by_text(PART_A["choice"])).to_be_visible()
    expect(mbo_page.get_by_text("Niveau 3 techniek past goed.")).to_be_visible()
    expect(mbo_page.get_by_text(CARE)).to_be_visible()
    axe_check(mbo_page)
    mbo_page.get_by_role("button", name="Besproken in het intakegesprek").click()
    expect(
        mbo_page.get_by_role("status").or_(mbo_page.locator(".messages"))
    ).to_contain_text("besproken in het intakegesprek")
    screenshot(mbo_page, "dossier-handover-detail")
    detail_url = mbo_page.url

    # The vo decaan sees "besproken".
    decaan.goto(f"{base}/p/{slug}/dossier/school/{vo.pk}/?jaar={transition.cohort}")
    row = decaan.get_by_role("row").filter(has_text=name)
    expect(row).to_contain_text("besproken")
    axe_check(decaan)

    # The pupil takes the consent back: part C is gone for the mbo decaan at once.
    pupil.get_by_role("button", name="Mijn toestemming intrekken").click()
    expect(
        pupil.get_by_role("button", name="Ik geef toestemming voor deel C")
    ).to_be_visible()
    mbo_page.goto(detail_url)
    expect(mbo_page.get_by_text(PART_A["choice"])).to_be_visible()
    expect(mbo_page.get_by_text(CARE)).to_have_count(0)
