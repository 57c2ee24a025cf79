import pytest
from django.urls import reverse

from .factories import CovenantFactory, PartyFactory


@pytest.fixture
def covenant(partnership):
    covenant = CovenantFactory(partnership=partnership)
    PartyFactory(covenant=covenant, organisation__name="Gemeente Tiel")
    PartyFactory(covenant=covenant, organisation__name="ROC Rivierenland")
    return covenant


@pytest.fixture
def url():
    def make(name: str, partnership, **kwargs) -> str:
        return reverse(
            f"covenant:{name}", kwargs={"partnership_slug": partnership.slug, **kwargs}
        )

    return make
