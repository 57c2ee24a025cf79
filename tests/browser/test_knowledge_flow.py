"""Good practices between two partnerships: publish from the plan, find it, adopt it.

The coördinator of Rivierenland publishes an activity of the plan as a good practice in
one step, completes it and publishes it. A werkgroeplid of Kop van de Delta searches for
"stages" (the practice says "stage"), marks it as inspiring, and adopts it into their
own plan, which then holds a copy.
"""

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


def test_a_practice_goes_from_one_plan_to_another(
    demo, live_server, page: Page, new_context, axe_check
):
    base, activity = live_server.url, demo
    log_in(page, base, "coordinator@example.org")
    page.goto(f"{base}/p/rivierenland/plan/activiteiten/{activity.pk}/")
    page.get_by_role("button", name="Publiceer als goede praktijk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Praktijk bewerken")
    page.get_by_label("Wat er gebeurt").fill(
        "Leerlingen van vmbo 3 lopen een dag stage bij een installatiebedrijf."
    )
    page.get_by_label("Contact (rol)").fill("decaan van de vmbo-school")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(activity.title)
    page.get_by_role("button", name="Publiceren", exact=True).click()
    expect(page.locator(".message-success")).to_contain_text("Gepubliceerd")

    other = new_context().new_page()
    log_in(other, base, "werkgroeplid@example.org")
    other.goto(f"{base}/p/{OTHER_SLUG}/praktijken/")
    other.locator("#id_q").fill("stages")
    other.get_by_role("button", name="Zoeken").click()
    expect(other.get_by_role("link", name=activity.title)).to_be_visible()
    axe_check(other)
    other.get_by_role("link", name=activity.title).click()
    other.get_by_role("button", name="Dit heeft ons geïnspireerd").click()
    expect(other.locator("#inspired")).to_contain_text("1 samenwerkingsverband")
    axe_check(other)
    other.get_by_role("button", name="Overnemen in ons programma of plan").click()
    other.get_by_label("Datum").fill("2027-03-01")
    other.get_by_label("Begintijd").fill("09:00")
    other.get_by_role("button", name="Toevoegen aan het plan").click()
    expect(other.get_by_role("heading", level=1)).to_have_text(activity.title)
    expect(other.locator(".message-success")).to_contain_text("Overgenomen")
    with scopes_disabled():
        assert Activity.objects.filter(
            partnership__slug=OTHER_SLUG, title=activity.title
        ).exists()
