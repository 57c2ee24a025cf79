"""Factories for leerroutes; other apps' tests use `LeerrouteFactory` for a route with its
schools, parties and step plan, as `services.route_create` makes one.

    route = LeerrouteFactory(partnership=partnership)                 # one vmbo location
    route = LeerrouteFactory(partnership=p, vmbo_locations=[a, b])    # these schools
    route = LeerrouteFactory(partnership=p, parties=False, step_plan=False)  # bare row
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import (
    PartnershipFactory,
    RegisterEntryFactory,
    SchoolFactory,
    ScopesDisabledFactory,
)

from ..models import Consent, Leerroute, Party


def vo_school(partnership, **kwargs):
    """A vmbo location of `partnership` with its register entry (BRIN and vestiging)."""
    if "register_entry" not in kwargs:
        kwargs.setdefault("register_entry__education_structure", "VMBO")
    return SchoolFactory(partnership=partnership, kind="vo", **kwargs)


def mbo_school(partnership, **kwargs):
    """An mbo institution: in DUO's register without a vestigingsnummer."""
    kwargs.setdefault(
        "register_entry", RegisterEntryFactory(sector="mbo", education_structure="")
    )
    return SchoolFactory(partnership=partnership, kind="mbo", **kwargs)


class LeerrouteFactory(ScopesDisabledFactory):
    class Meta:
        model = Leerroute
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Techniek Rivierenland {n}")
    mbo_location = factory.LazyAttribute(lambda o: mbo_school(o.partnership))
    leerweg = "kb"
    profile = "pie"
    crebo = "25180"
    qualification = "Eerste monteur elektrotechnische installaties"
    mbo_leerweg = "bol"
    start_year = 2027
    start_date = datetime.date(2027, 8, 1)

    @factory.post_generation
    def vmbo_locations(self, create, extracted, **kwargs):
        if not create:
            return
        locations = (
            extracted if extracted is not None else [vo_school(self.partnership)]
        )
        with scopes_disabled():
            self.vmbo_locations.set(locations)

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        """A party per school, as route_create makes them; parties=False for none."""
        if not create or extracted is False:
            return
        with scopes_disabled():
            schools = [*self.vmbo_locations.all(), self.mbo_location]
            Party.objects.bulk_create(
                [Party(route=self, organisation=school) for school in schools]
            )

    @factory.post_generation
    def step_plan(self, create, extracted, **kwargs):
        """The route's step plan (seed 002); step_plan=False for a route without one."""
        if not create or extracted is False:
            return
        # Made as route_create makes it: by the parts later apps register (roadmaps).
        from doorlopend.routes.parts import route_parts

        with scopes_disabled():
            for part in route_parts():
                if part.created:
                    part.created(self)


class PartyFactory(ScopesDisabledFactory):
    class Meta:
        model = Party

    route = factory.SubFactory(LeerrouteFactory)
    organisation = factory.SubFactory(
        SchoolFactory, partnership=factory.SelfAttribute("..route.partnership")
    )
    signatory_name = "drs. A. Voorbeeld"
    signatory_role = "voorzitter college van bestuur"
    contribution = Decimal("1000.00")


class ConsentFactory(ScopesDisabledFactory):
    class Meta:
        model = Consent

    route = factory.SubFactory(LeerrouteFactory)
    organisation = factory.LazyAttribute(lambda o: o.route.mbo_location)
    body = Consent.Body.OR
    date = datetime.date(2026, 3, 1)
    outcome = Consent.Outcome.CONSENT
