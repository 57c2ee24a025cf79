import pytest
from django_scopes import scopes_disabled

from doorlopend.registry.models import Region
from doorlopend.routes.tests.factories import LeerrouteFactory

from ..demo import SAMPLE_FILES, sample_import


@pytest.fixture
def region_partnership(partnership):
    partnership.region = Region.objects.create(code="99", name="Rivierenland")
    partnership.save()
    return partnership


@pytest.fixture
def samples(region_partnership):
    """The three fictitious sample files imported for the partnership."""
    with scopes_disabled():
        return [
            sample_import(region_partnership, None, *sample) for sample in SAMPLE_FILES
        ]


@pytest.fixture
def route(region_partnership):
    return LeerrouteFactory(
        partnership=region_partnership, name="Techniek Rivierenland"
    )
