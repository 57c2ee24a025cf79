"""Factories of the programme: each creates inside `scopes_disabled()`."""

import factory

from doorlopend.partnerships.tests.factories import (
    PartnershipFactory,
    ScopesDisabledFactory,
)

from ..elements import newest_elements_version


class ProgrammeFactory(ScopesDisabledFactory):
    class Meta:
        model = "programme.Programme"

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Programma {n}")
    school_year = 2026
    elements_version = factory.LazyFunction(newest_elements_version)


class ProgrammeItemFactory(ScopesDisabledFactory):
    class Meta:
        model = "programme.ProgrammeItem"

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Onderdeel {n}")
    level = "vmbo"
    year = 3
    form = "meeloopdag"


class ItemRatingFactory(ScopesDisabledFactory):
    class Meta:
        model = "programme.ItemRating"

    item = factory.SubFactory(ProgrammeItemFactory)
    element = "praktijkervaring"
    score = 2


class AssignmentPairFactory(ScopesDisabledFactory):
    class Meta:
        model = "programme.AssignmentPair"

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Opdracht {n}")
    eindopdracht = "Een loopbaanreflectie en keuzeverantwoording."
    startopdracht = "De intake bespreekt de reflectie in week 2."
