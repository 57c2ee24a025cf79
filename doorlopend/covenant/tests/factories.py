"""A covenant with parties, made outside any scope (tests only)."""

from __future__ import annotations

from datetime import date

import factory

from doorlopend.partnerships.tests.factories import (
    OrganisationFactory,
    PartnershipFactory,
    ScopesDisabledFactory,
)

from ..models import Covenant, CovenantParty


class CovenantFactory(ScopesDisabledFactory):
    class Meta:
        model = Covenant

    partnership = factory.SubFactory(PartnershipFactory)
    title = "Convenant Doorlopend leren Rivierenland"
    aims = "De overstap soepeler laten verlopen.\nVoorkomen van vsv in het mbo."
    themes = "Leerroutes\nLOB\nKennisdeling"
    governance = "De stuurgroep besluit bij unanimiteit."
    starts_on = date(2027, 8, 1)
    ends_on = date(2031, 7, 31)
    evaluation_on = date(2029, 6, 30)


class PartyFactory(ScopesDisabledFactory):
    class Meta:
        model = CovenantParty

    covenant = factory.SubFactory(CovenantFactory)
    organisation = factory.SubFactory(
        OrganisationFactory,
        partnership=factory.SelfAttribute("..covenant.partnership"),
    )
    signatory_name = factory.Sequence(lambda n: f"Bestuurder {n}")
    signatory_function = "voorzitter college van bestuur"
