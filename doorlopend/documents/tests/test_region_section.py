"""The region analysis in the route's projectplan, with its sources and dates."""

import pytest
from django.utils import translation
from django_scopes import scope, scopes_disabled

from doorlopend.region.demo import SAMPLE_FILES, sample_import
from doorlopend.region.services.notes import note_add
from doorlopend.registry.models import Region
from doorlopend.routes.tests.factories import LeerrouteFactory

from .. import projectplan

pytestmark = pytest.mark.django_db


@pytest.fixture
def route(partnership):
    partnership.region = Region.objects.create(code="99", name="Rivierenland")
    partnership.save()
    return LeerrouteFactory(partnership=partnership, name="Techniek Rivierenland")


@pytest.fixture
def samples(route):
    """The three fictitious sample files of the region app, imported."""
    with scopes_disabled():
        for sample in SAMPLE_FILES:
            sample_import(route.partnership, None, *sample)


def test_the_projectplan_holds_the_analysis_with_its_sources(samples, route, member_of):
    member_of(route.partnership, "coordinator")
    with scope(partnership=route.partnership), translation.override("nl"):
        note_add(
            route=route,
            by=route.partnership.memberships.get(),
            question=3,
            text="Monteurs met kennis van warmtepompen",
            source="Gesprek met werkgevers",
        )
        text = projectplan.projectplan_content(route).text()
    assert "## Regio-analyse" in text
    assert "Techniek en installatie | zeer goed | minstens 233" in text
    assert "Elektrotechnisch monteurs | Techniek en installatie | zeer goed" in text
    assert "2024 | 176" in text
    assert "2024 | 67 | 40 | 37%" in text
    assert "peildatum 1 juni 2025" in text
    assert "Monteurs met kennis van warmtepompen (Bron: Gesprek met werkgevers" in text
    assert "FICTIEF_duo_mbo_studenten_per_instelling_kwalificatie.csv" in text


def test_the_pdf_renders_with_the_analysis(samples, route):
    with scope(partnership=route.partnership), translation.override("nl"):
        pdf, text = projectplan.build(route)
    assert pdf.startswith(b"%PDF")
    assert "Welke werkvelden zijn dat?" in text
