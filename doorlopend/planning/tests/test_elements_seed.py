"""The 7 elementen voor effectieve LOB: a list instrument, worded as in seed 004."""

from pathlib import Path

import pytest

from doorlopend.planning.elements import element_choices

SEEDS = Path("/work/shared/seeds")


@pytest.mark.django_db
def test_the_seven_elements_are_loaded_in_order():
    titles = [title for _key, title in element_choices()]
    assert titles == [
        "Praktijkervaring opdoen",
        "De leerling is (pro)actief",
        "Samenhang in activiteiten en programma",
        "Reflectie (voorbereiding en terugkijken)",
        "Waar mogelijk ouders betrekken",
        "Leren omgaan met verwachtingen",
        "Zelfvertrouwen bij loopbaankeuzes",
    ]


@pytest.mark.skipif(not SEEDS.exists(), reason="the seed documents are not here")
@pytest.mark.django_db
def test_every_element_is_worded_as_in_the_seed():
    seed = next(SEEDS.glob("004_*.txt")).read_text()
    for _key, title in element_choices():
        assert title in seed
