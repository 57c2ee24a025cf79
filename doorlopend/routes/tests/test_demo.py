"""The demo route: between demo schools, with parties, money and an MR decision; loaded once."""

import pytest
from django_scopes import scopes_disabled

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships import demo as partnership_demo
from doorlopend.registry import demo as registry_demo

from .. import demo
from ..duo import duo_problems
from ..models import Consent, Leerroute, Party

pytestmark = pytest.mark.django_db


def test_demo_route_loads_once():
    context = DemoContext()
    with scopes_disabled():
        registry_demo.load_demo(context)
        partnership_demo.load_demo(context)
        demo.load_demo(context)
        demo.load_demo(context)
        route = Leerroute.objects.get(partnership=context.partnership)
        parties = list(Party.objects.filter(route=route).select_related("organisation"))
        kinds = {p.organisation.kind for p in parties}
        assert route.name == demo.ROUTE_NAME
        assert route.vmbo_locations.count() == 2
        assert route.mbo_location.kind == "mbo"
        assert {"vo", "mbo", "gemeente", "bedrijf"} <= kinds
        assert all(p.signatory_name and p.contribution for p in parties)
        assert Consent.objects.get(route=route).body == Consent.Body.MR
        assert route.step_plan is not None
        assert duo_problems(route) == []
    assert context.counts["leerroutes"] == 1
