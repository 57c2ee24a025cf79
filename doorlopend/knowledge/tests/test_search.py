"""Dutch full-text search behind one selector, on SQLite (FTS5) and PostgreSQL alike."""

import pytest
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import RegionFactory

from .. import search, selectors
from ..stemming import query_stem, stem
from .factories import PracticeFactory

pytestmark = pytest.mark.django_db


def _found(partnership, **filters) -> list[str]:
    with scopes_disabled():
        practices = selectors.practices_published(
            partnership=partnership, filters=selectors.PracticeFilters(**filters)
        )
        return sorted(p.title for p in practices)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("stages", "stag"),
        ("stage", "stag"),
        ("leerlingen", "leerling"),
        ("lessen", "les"),
        ("ouders", "ouder"),
        ("mogelijkheden", "mogelijkheid"),
        ("Geïnspireerd", "geinspireerd"),
    ],
)
def test_the_suffix_rule(word, expected):
    assert stem(word) == expected


def test_a_query_word_takes_the_rule_until_it_stops_changing():
    assert query_stem("gastlessen") == stem("gastles") == "gastl"


def test_stages_finds_a_practice_about_a_stage(partnership):
    PracticeFactory(
        partnership=partnership,
        published=True,
        title="Snuffelstage in de bouw",
        description="Elke leerling loopt een stage van een week bij een bouwbedrijf.",
    )
    PracticeFactory(partnership=partnership, published=True, title="Ouderavond")
    assert _found(partnership, q="stages") == ["Snuffelstage in de bouw"]
    assert _found(partnership, q="stage") == ["Snuffelstage in de bouw"]


def test_every_word_must_match_and_plurals_find_singulars(partnership):
    PracticeFactory(
        partnership=partnership,
        published=True,
        title="Gastles door oud-leerlingen",
        description="Oud-leerlingen vertellen over hun opleiding.",
        results="De ouders waren enthousiast.",
    )
    assert _found(partnership, q="ouder opleidingen") == ["Gastles door oud-leerlingen"]
    assert _found(partnership, q="ouders bedrijf") == []


def test_a_draft_is_never_found(partnership, other_partnership):
    PracticeFactory(partnership=partnership, title="Stage in de zorg")
    assert _found(other_partnership, q="stage") == []
    assert _found(partnership, q="stage") == []


def test_a_changed_text_is_found_by_its_new_words(partnership):
    practice = PracticeFactory(
        partnership=partnership, published=True, title="Meeloopdag"
    )
    practice.title = "Werkweek in de haven"
    with scopes_disabled():
        practice.save()
    search.index(practice)
    assert _found(partnership, q="haven") == ["Werkweek in de haven"]
    assert _found(partnership, q="meeloopdag") == []


def test_filters_by_element_school_type_year_and_region(partnership, other_partnership):
    north = RegionFactory(name="Noord-Holland Noord", code="R01")
    other_partnership.region = north
    other_partnership.save()
    PracticeFactory(
        partnership=partnership,
        published=True,
        title="Ouderavond vmbo 3",
        level="vmbo",
        year=3,
        elements=["ouders"],
    )
    PracticeFactory(
        partnership=other_partnership,
        published=True,
        title="Bedrijfsbezoek mbo 1",
        level="mbo",
        year=1,
        elements=["praktijkervaring"],
    )
    assert _found(partnership, element="ouders") == ["Ouderavond vmbo 3"]
    assert _found(partnership, level="mbo") == ["Bedrijfsbezoek mbo 1"]
    assert _found(partnership, year=3) == ["Ouderavond vmbo 3"]
    assert _found(partnership, region="R01") == ["Bedrijfsbezoek mbo 1"]
    assert _found(partnership, q="ouderavond", level="mbo") == []


def test_postgresql_searches_through_the_gin_index(partnership):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the GIN index exists on PostgreSQL only")
    from ..models import Practice

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    plan = search.matching(Practice._base_manager.all(), "stages").explain()
    assert "knowledge_practice_search_gin" in plan
