"""Issue 18's story: a practice travels between partnerships, and the national picture.

The coördinator of Rivierenland publishes an activity of the plan as a good practice. A
werkgroeplid of Kop van de Delta finds it by searching "stages" (the practice says
"stage") and adopts it into their own plan. The landelijk adviseur opens the national
reflection picture; once Rivierenland opts out, it no longer counts there. Finally the
coördinator switches on the public progress page, which opens without a login.
"""

import re

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from doorlopend.accounts.models import User
from doorlopend.partnerships.demo import OTHER_SLUG
from doorlopend.partnerships.models import Partnership
from doorlopend.partnerships.services import role_grant
from doorlopend.planning.models import Activity

from .support import load_demo
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)

COUNTED = re.compile(r"(\d+) samenwerkingsverbanden met afgesloten sessies tellen mee")


@pytest.fixture
def demo(db):
    load_demo()
    other = Partnership.objects.get(slug=OTHER_SLUG)
    with scopes_disabled():
        role_grant(
            partnership=other,
            user=User.objects.get(email="werkgroeplid@example.org"),
            role="werkgroeplid",
        )
        return Activity.objects.filter(partnership__slug="rivierenland").order_by("pk")[
            1
        ]


def _counted(page: Page) -> int:
    return int(COUNTED.search(page.locator("main").inner_text()).group(1))


def test_a_practice_travels_and_the_national_picture_counts_who_takes_part(
    demo, live_server, page: Page, new_context, axe_check
):
    base, activity = live_server.url, demo
    log_in(page, base, "coordinator@example.org")
    page.goto(f"{base}/p/rivierenland/plan/activiteiten/{activity.pk}/")
    page.get_by_role("button", name="Publiceer als goede praktijk").click()
    page.get_by_label("Wat er gebeurt").fill(
        "Leerlingen van vmbo 3 lopen een dag stage bij een installatiebedrijf."
    )
    page.get_by_label("Contact (rol)").fill("decaan van de vmbo-school")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("button", name="Publiceren", exact=True).click()
    expect(page.locator(".message-success")).to_contain_text("Gepubliceerd")

    other = new_context().new_page()
    log_in(other, base, "werkgroeplid@example.org")
    other.goto(f"{base}/p/{OTHER_SLUG}/praktijken/")
    other.locator("#id_q").fill("stages")
    other.get_by_role("button", name="Zoeken").click()
    other.get_by_role("link", name=activity.title).click()
    other.get_by_role("button", name="Overnemen in ons programma of plan").click()
    other.get_by_label("Datum").fill("2027-03-01")
    other.get_by_label("Begintijd").fill("09:00")
    other.get_by_role("button", name="Toevoegen aan het plan").click()
    expect(other.locator(".message-success")).to_contain_text("Overgenomen")

    adviser = new_context().new_page()
    log_in(adviser, base, "landelijk-adviseur@example.org")
    adviser.goto(f"{base}/")
    adviser.get_by_role("link", name="Reflectie landelijk").first.click()
    expect(adviser.get_by_role("heading", level=1)).to_have_text("Reflectie landelijk")
    expect(adviser.locator("main")).to_contain_text("Middelste helft")
    before = _counted(adviser)
    axe_check(adviser)
    adviser.get_by_role("link", name="Checklist", exact=True).click()
    expect(adviser.get_by_role("heading", level=1)).to_have_text("Checklist landelijk")
    axe_check(adviser)

    page.goto(f"{base}/p/rivierenland/settings/")
    page.get_by_label("Onze totaalcijfers tellen niet mee").check()
    page.get_by_role("button", name="Keuze opslaan").first.click()
    expect(page.locator("main")).to_contain_text(
        "tellen niet mee in het landelijk beeld"
    )

    adviser.goto(f"{base}/landelijk/reflectie/")
    assert _counted(adviser) == before - 1
    expect(adviser.locator("main")).not_to_contain_text("Rivierenland")

    # Share progress and results: on, with the leerroutes, opened without a login.
    page.goto(f"{base}/p/rivierenland/settings/")
    page.get_by_label("Aan: iedereen met de link ziet onze voortgang").check()
    page.get_by_label("Leerroutes: hoeveel, per sector").check()
    page.locator("#progress-heading ~ form button[type=submit]").click()
    link = page.locator("a[href^='/voortgang/']").first.get_attribute("href")
    visitor = new_context().new_page()
    visitor.goto(f"{base}{link}")
    expect(visitor.get_by_role("heading", level=1)).to_contain_text("Rivierenland")
    expect(visitor.locator("main")).to_contain_text("Voortgang op de checklist")
    axe_check(visitor)
