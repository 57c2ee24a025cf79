import datetime

import factory

from doorlopend.partnerships.tests.factories import PartnershipFactory, SchoolFactory
from doorlopend.transitions.models import Pupil, StatusEvent, Transition
from doorlopend.transitions.privacy import pseudonym
from doorlopend.transitions.testing import bsn_for


class PupilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pupil

    class Params:
        pgn = factory.Sequence(bsn_for)

    partnership = factory.SubFactory(PartnershipFactory)
    pseudonym = factory.LazyAttribute(lambda o: pseudonym(o.pgn))
    # Fixed-width numbers: no name is part of another, and no generated name can
    # collide with a name a test looks for (random Dutch names did: "van Leeuwen").
    name = factory.Sequence(lambda n: f"Leerling {n:05d}")
    birth_date = "2010-05-17"


class TransitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Transition

    partnership = factory.SubFactory(PartnershipFactory)
    pupil = factory.SubFactory(
        PupilFactory, partnership=factory.SelfAttribute("..partnership")
    )
    cohort = 2026
    sending_organisation = factory.SubFactory(
        SchoolFactory, partnership=factory.SelfAttribute("..partnership"), kind="vo"
    )
    leerweg = "kb"


class StatusEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusEvent

    transition = factory.SubFactory(TransitionFactory)
    partnership = factory.SelfAttribute("transition.partnership")
    status = "aangemeld"
    on = datetime.date(2026, 3, 1)
    source = "test"
