"""Routes short of a party or a council's consent: the coördinator's next steps."""

import pytest
from django_scopes import scope

from doorlopend.routes.models import Consent, Party
from doorlopend.routes.selectors import routes_incomplete

from .factories import ConsentFactory, LeerrouteFactory

pytestmark = pytest.mark.django_db


def test_a_route_is_incomplete_until_every_school_party_agreed(partnership):
    route = LeerrouteFactory(partnership=partnership, name="Techniek")
    with scope(partnership=partnership):
        [row] = routes_incomplete(partnership=partnership).routes
        assert row == route and row.consents_missing and not row.parties_missing
        vo = route.vmbo_locations.get()
    ConsentFactory(route=route)  # the mbo school's OR
    ConsentFactory(
        route=route, organisation=vo, body="mr", outcome=Consent.Outcome.NEGATIVE
    )
    with scope(partnership=partnership):
        assert routes_incomplete(partnership=partnership).count == 1
    ConsentFactory(route=route, organisation=vo, body="mr")
    with scope(partnership=partnership):
        assert routes_incomplete(partnership=partnership).count == 0


def test_a_route_without_its_schools_as_parties_lacks_parties(partnership):
    route = LeerrouteFactory(partnership=partnership, parties=False)
    with scope(partnership=partnership):
        Party.objects.create(route=route, organisation=route.mbo_location)
        ConsentFactory(route=route)
        [row] = routes_incomplete(partnership=partnership).routes
    assert row.parties_missing and not row.consents_missing


def test_the_list_is_capped_and_counted_in_two_queries(
    partnership, other_partnership, django_assert_num_queries
):
    LeerrouteFactory.create_batch(7, partnership=partnership)
    LeerrouteFactory(partnership=other_partnership)
    with scope(partnership=partnership), django_assert_num_queries(2):
        result = routes_incomplete(partnership=partnership, shown=5)
        assert (len(result.routes), result.count) == (5, 7)
