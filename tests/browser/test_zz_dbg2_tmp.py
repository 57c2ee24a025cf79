import pytest
from django.test import Client
from django.urls import reverse
from doorlopend.accounts.tests.factories import UserFactory
from doorlopend.partnerships.tests.factories import MembershipFactory, PartnershipFactory, RoleAssignmentFactory, SchoolFactory
pytestmark = pytest.mark.django_db(transaction=True)

def test_dbg(live_server, page, browser_errors):
    p = PartnershipFactory(name="Samenwerkingsverband Voortgezet Onderwijs Rivierenland en Bommelerwaard", slug="rivierenland")
    user = UserFactory(is_staff=True)
    m = MembershipFactory(partnership=p, user=user)
    RoleAssignmentFactory(membership=m, role="coordinator")
    SchoolFactory(partnership=p)
    c = Client(); c.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": c.cookies["sessionid"].value, "url": live_server.url}])
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + reverse("partnerships:organisation_list", args=[p.slug]))
    print(page.evaluate("""() => {
      const out = [];
      for (const el of document.querySelectorAll('.section-nav, .section-nav *')) {
        const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
        out.push(el.tagName + '.' + el.className + ' top=' + Math.round(r.top) + ' h=' + Math.round(r.height) + ' pad=' + cs.padding + ' margin=' + cs.margin);
      }
      return out.join('\\n');
    }"""))
    browser_errors.clear()
