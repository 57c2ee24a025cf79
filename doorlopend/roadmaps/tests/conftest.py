"""Roadmap test fixtures: uploads go to a temporary directory, two schools, the checklist."""

import pytest

from doorlopend.partnerships.tests.factories import SchoolFactory

from . import factories

PER_SCHOOL_BLOCK = "veranderopdracht-mt"
PER_SCHOOL_ITEM = "portefeuillehouder-benoemen"
WIDE_ITEM = "doelen-smart"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def schools(partnership):
    return [
        SchoolFactory(partnership=partnership, name="Het Lingecollege"),
        SchoolFactory(partnership=partnership, name="Pantarijn"),
    ]


@pytest.fixture
def checklist(partnership, schools):
    return factories.checklist(partnership)
