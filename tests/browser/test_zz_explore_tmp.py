import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.accounts.tests.factories import UserFactory
from doorlopend.partnerships.tests.factories import (
    InvitationFactory, MembershipFactory, OrganisationFactory, PartnershipFactory,
    RoleAssignmentFactory, SchoolFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_explore(live_server, page, axe_check, screenshot, browser_errors):
    p = PartnershipFactory(name="Samenwerkingsverband Voortgezet Onderwijs Rivierenland en Bommelerwaard", slug="rivierenland")
    PartnershipFactory(name="Zeeuwse Delta", slug="zd")
    user = UserFactory(is_staff=True)
    m = MembershipFactory(partnership=p, user=user)
    RoleAssignmentFactory(membership=m, role="coordinator")
    other = PartnershipFactory(name="Regio Utrecht Zuid", slug="uz")
    m2 = MembershipFactory(partnership=other, user=user)
    RoleAssignmentFactory(membership=m2, role="decaan", organisation=SchoolFactory(partnership=other))
    for i in range(4):
        s = SchoolFactory(partnership=p)
        mm = MembershipFactory(partnership=p)
        RoleAssignmentFactory(membership=mm, role="portefeuillehouder", organisation=s)
    OrganisationFactory(partnership=p, name="Gemeente Tiel", kind="gemeente")
    InvitationFactory(partnership=p)
    c = Client()
    c.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": c.cookies["sessionid"].value, "url": live_server.url}])
    pages = {
        "home": reverse("core:home"),
        "dashboard": reverse("partnerships:dashboard", args=[p.slug]),
        "orgs": reverse("partnerships:organisation_list", args=[p.slug]),
        "people": reverse("partnerships:member_list", args=[p.slug]),
        "invite": reverse("partnerships:member_invite", args=[p.slug]),
        "register": reverse("partnerships:register_search", args=[p.slug]) + "?q=Test",
        "audit": reverse("audit:entry_list"),
        "import": reverse("registry:import_list"),
    }
    problems = []
    for name, url in pages.items():
        resp = page.goto(live_server.url + url)
        print(name, resp.status)
        try:
            axe_check(page)
        except AssertionError as e:
            problems.append(str(e))
        try:
            screenshot(page, "x-" + name)
        except AssertionError as e:
            problems.append(str(e))
    # invalid invite form
    page.goto(live_server.url + pages["invite"])
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    try:
        axe_check(page)
    except AssertionError as e:
        problems.append(str(e))
    screenshot(page, "x-invite-errors")
    # open switcher
    page.goto(live_server.url + pages["dashboard"])
    page.locator(".partnership-switcher summary").click()
    screenshot(page, "x-switcher")
    page.set_viewport_size({"width": 375, "height": 800})
    page.locator(".partnership-switcher summary").focus()
    page.screenshot(path="tests/browser/screenshots/x-switcher-open-375.png")
    print("\n".join(problems))
    print("ERRORS", list(browser_errors))
    browser_errors.clear()
