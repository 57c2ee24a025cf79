"""The route services: the rules of a route, its parties, consents and deletion."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from doorlopend.partnerships.tests.factories import OrganisationFactory

from .. import selectors, services
from ..models import Consent, Leerroute, Party
from .factories import LeerrouteFactory, PartyFactory, mbo_school, vo_school

pytestmark = pytest.mark.django_db


def data(partnership, **overrides) -> dict:
    values = {
        "name": "Techniek Rivierenland",
        "vmbo_locations": [vo_school(partnership)],
        "mbo_location": mbo_school(partnership),
        "leerweg": "kb",
        "profile": "pie",
        "crebo": "25180",
        "qualification": "Eerste monteur elektrotechnische installaties",
        "mbo_leerweg": "bol",
        "start_year": 2027,
        "duration_years": 4,
    }
    values.update(overrides)
    return values


def create(partnership, **overrides) -> Leerroute:
    with scope(partnership=partnership):
        return services.route_create(
            partnership=partnership, by=None, **data(partnership, **overrides)
        )


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def test_crebo_must_be_five_digits(partnership):
    with pytest.raises(ValidationError) as excinfo:
        create(partnership, crebo="2518")
    assert errors_of(excinfo)["crebo"] == [
        _("A crebo number is five digits, for example 25180.")
    ]


def test_vo_school_of_another_partnership_is_refused(partnership, other_partnership):
    with pytest.raises(ValidationError) as excinfo:
        create(partnership, vmbo_locations=[vo_school(other_partnership)])
    assert errors_of(excinfo)["vmbo_locations"] == [
        _("The vmbo locations must be vo schools of this partnership.")
    ]


def test_mbo_school_must_be_an_mbo_school(partnership):
    with pytest.raises(ValidationError) as excinfo:
        create(partnership, mbo_location=vo_school(partnership))
    assert errors_of(excinfo)["mbo_location"] == [
        _("The mbo school must be an mbo school of this partnership.")
    ]


def test_name_is_unique_in_the_partnership(partnership, other_partnership):
    create(partnership)
    with pytest.raises(ValidationError) as excinfo:
        create(partnership, name=" techniek rivierenland ")
    assert errors_of(excinfo)["name"] == [
        _("This partnership already has a route with this name.")
    ]
    create(other_partnership)  # another partnership may use the name
    with scopes_disabled():
        assert Leerroute.objects.filter(partnership=partnership).count() == 1


def test_start_date_must_lie_in_the_school_year(partnership):
    with pytest.raises(ValidationError) as excinfo:
        create(partnership, start_date=datetime.date(2027, 7, 31))
    assert "start_date" in errors_of(excinfo)
    route = create(partnership, start_date=datetime.date(2028, 7, 31))
    assert route.school_year == "2027-2028"


def test_update_keeps_parties_in_step_with_the_schools(partnership):
    first, second, third = (vo_school(partnership) for _ in range(3))
    route = create(partnership, vmbo_locations=[first, second])
    with scopes_disabled():
        kept = Party.objects.get(route=route, organisation=second)
    kept.signatory_name = "drs. A. Voorbeeld"
    kept.save()
    with scope(partnership=partnership):
        change = services.route_update(
            route=route, by=None, vmbo_locations=[third], crebo="25181"
        )
        parties = set(
            Party.objects.filter(route=route).values_list("organisation", flat=True)
        )
    assert change.added == [third]
    assert change.removed == [first]  # nothing agreed with it yet: gone
    assert [p.organisation for p in change.kept] == [second]  # has a signatory: stays
    assert parties == {second.pk, third.pk, route.mbo_location_id}
    route.refresh_from_db()
    assert route.crebo == "25181"


def test_update_does_not_remove_a_partner_that_is_no_school(partnership):
    route = create(partnership)
    municipality = OrganisationFactory(partnership=partnership, kind="gemeente")
    with scope(partnership=partnership):
        services.party_add(route=route, organisation=municipality)
        change = services.route_update(route=route, by=None, name="Techniek West")
        assert Party.objects.filter(route=route, organisation=municipality).exists()
    assert change.removed == [] and change.kept == []


def test_party_contribution_is_decimal_and_totals(partnership):
    route = LeerrouteFactory(partnership=partnership)
    with scope(partnership=partnership):
        for party, amount in zip(
            route.parties.all(), ["12500.50", "0.25"], strict=True
        ):
            services.party_update(party=party, contribution=Decimal(amount))
        overview = selectors.party_overview(route)
    assert overview.total == Decimal("12500.75")
    with pytest.raises(ValidationError), scope(partnership=partnership):
        services.party_update(party=overview.rows[0].party, contribution=Decimal("-1"))


def test_party_of_a_school_of_the_route_cannot_be_removed(partnership):
    route = LeerrouteFactory(partnership=partnership)
    with scope(partnership=partnership):
        party = Party.objects.get(route=route, organisation=route.mbo_location)
        with pytest.raises(ValidationError):
            services.party_remove(party=party)
        other = PartyFactory(route=route)
        services.party_remove(party=other)
        assert not Party.objects.filter(pk=other.pk).exists()


def test_consent_date_cannot_be_in_the_future(partnership):
    route = LeerrouteFactory(partnership=partnership)
    with pytest.raises(ValidationError) as excinfo, scope(partnership=partnership):
        services.consent_create(
            route=route,
            organisation=route.mbo_location,
            body=Consent.Body.OR,
            date=timezone.localdate() + datetime.timedelta(days=1),
            outcome=Consent.Outcome.CONSENT,
            by=None,
        )
    assert errors_of(excinfo)["date"] == [
        _("The date of a decision cannot be in the future.")
    ]


def test_consent_only_for_a_party(partnership):
    route = LeerrouteFactory(partnership=partnership)
    outsider = OrganisationFactory(partnership=partnership, kind="bedrijf")
    with pytest.raises(ValidationError) as excinfo, scope(partnership=partnership):
        services.consent_create(
            route=route,
            organisation=outsider,
            body=Consent.Body.OR,
            date=datetime.date(2026, 1, 5),
            outcome=Consent.Outcome.CONSENT,
            by=None,
        )
    assert errors_of(excinfo)["organisation"] == [
        _("Choose one of the route's parties.")
    ]
