"""Factories of good practices: each creates inside `scopes_disabled()` and keeps the
full-text index in step (as the services do)."""

import factory
from django.utils import timezone

from doorlopend.partnerships.tests.factories import (
    PartnershipFactory,
    ScopesDisabledFactory,
)
from doorlopend.programme.elements import newest_elements_version

from .. import search


class PracticeFactory(ScopesDisabledFactory):
    class Meta:
        model = "knowledge.Practice"
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Praktijk {n}")
    description = "Leerlingen lopen een dag mee op het ROC."
    contact_role = "decaan van de vmbo-school"
    elements_version = factory.LazyFunction(newest_elements_version)
    elements = factory.LazyFunction(lambda: ["praktijkervaring"])

    class Params:
        published = factory.Trait(
            status="published", published_at=factory.LazyFunction(timezone.now)
        )
        public = factory.Trait(
            status="published",
            published_at=factory.LazyFunction(timezone.now),
            is_public=True,
            public_since=factory.LazyFunction(timezone.now),
        )

    @factory.post_generation
    def indexed(obj, create, extracted, **kwargs):
        if create:
            search.index(obj)
