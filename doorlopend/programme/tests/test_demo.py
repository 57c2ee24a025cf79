"""The demo programme of Techniek Rivierenland: rated, across vmbo 1 to mbo 2."""

import pytest
from django_scopes import scopes_disabled

from ..elements import element_choices_of
from ..models import AssignmentPair, ItemRating, Programme, ProgrammeItem
from ..selectors import coverage
from ..selectors import programmes as selectors

pytestmark = pytest.mark.django_db


def test_the_demo_programme_is_rated_across_the_transition(loaded_demo):
    with scopes_disabled():
        programme = Programme.objects.get(leerroute__name="Techniek Rivierenland")
        items = list(ProgrammeItem.objects.filter(programme=programme))
        rows = {(i.level, i.year) for i in items}
        unrated = [i for i in items if not ItemRating.objects.filter(item=i).exists()]
        assert AssignmentPair.objects.filter(programme=programme).count() == 1
        linked = [i for i in items if i.activity_id]
        found = selectors.programme_items(programme=programme)
        heat = coverage.heat_map(
            grouped=selectors.items_by_row(found),
            elements=element_choices_of(programme),
        )
    assert len(items) >= 15
    assert {("vmbo", y) for y in range(1, 5)} | {("mbo", 1), ("mbo", 2)} <= rows
    assert not unrated
    assert linked
    texts = [place.text for place in heat.thin]
    assert "Geen “Waar mogelijk ouders betrekken” in mbo 1–2." in texts
    assert (
        "Geen reflectie na “Eerste bpv-periode in de installatietechniek” in mbo 2."
        in texts
    )
    lines = selectors.samenhang_lines(found)
    assert any(len(line) >= 3 for line in lines)


def test_the_bench_programme_is_made_once():
    from doorlopend.core.demo import DemoContext
    from doorlopend.partnerships.tests.factories import PartnershipFactory

    from .. import demo

    PartnershipFactory(slug="bench-0")
    with scopes_disabled():
        demo.load_large(DemoContext())
        demo.load_large(DemoContext())
        items = ProgrammeItem.objects.filter(programme__partnership__slug="bench-0")
        assert items.count() == demo.LARGE_ITEMS
        assert ItemRating.objects.filter(item__in=items).count() == 7 * len(items)
        assert items.filter(leads_to__isnull=False).exists()
