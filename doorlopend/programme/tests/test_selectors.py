"""The heat map, the thin places in words, samenhang and the leerweg filter."""

import pytest
from django_scopes import scopes_disabled

from ..elements import element_choices_of
from ..selectors import coverage
from ..selectors import programmes as selectors
from .factories import ItemRatingFactory, ProgrammeFactory, ProgrammeItemFactory

pytestmark = pytest.mark.django_db


def _heat(programme, leerweg=""):
    with scopes_disabled():
        items = selectors.programme_items(programme=programme, leerweg=leerweg)
        return coverage.heat_map(
            grouped=selectors.items_by_row(items, leerweg),
            elements=element_choices_of(programme),
        )


def _rate(item, **scores):
    for element, score in scores.items():
        ItemRatingFactory(item=item, element=element, score=score)


def _texts(heat):
    return [place.text for place in heat.thin]


def test_a_cell_holds_the_best_score_and_how_many_items_serve_it():
    programme = ProgrammeFactory()
    one = ProgrammeItemFactory(programme=programme, year=3, title="Meeloopdag")
    two = ProgrammeItemFactory(programme=programme, year=3, title="Gastles")
    _rate(one, praktijkervaring=2, reflectie=0)
    _rate(two, praktijkervaring=1, reflectie=0)
    cell = _heat(programme).cell("vmbo-3", "praktijkervaring")
    assert (cell.best, cell.serving, len(cell.items)) == (2, 2, 2)
    assert cell.words == "duidelijk"
    assert {item.title for item, _rating in cell.items} == {"Meeloopdag", "Gastles"}
    assert _heat(programme).cell("vmbo-3", "reflectie").words == "niet"
    assert _heat(programme).cell("vmbo-3", "ouders").words == "niet beoordeeld"
    assert _heat(programme).cell("vmbo-1", "ouders").words == "geen onderdelen"


def test_the_grid_runs_from_vmbo_1_to_mbo_2_and_adds_years_in_use():
    programme = ProgrammeFactory()
    ProgrammeItemFactory(programme=programme, level="hbo", year=1)
    labels = [row.row.label for row in _heat(programme).rows]
    assert labels == [
        "vmbo 1",
        "vmbo 2",
        "vmbo 3",
        "vmbo 4",
        "mbo 1",
        "mbo 2",
        "hbo-propedeuse",
    ]


def test_thin_places_are_named_in_words_with_years_in_runs():
    programme = ProgrammeFactory()
    for year in (1, 2, 3, 4):
        item = ProgrammeItemFactory(programme=programme, year=year, form="gastles")
        _rate(item, ouders=2 if year < 3 else 0, reflectie=1)
    ProgrammeItemFactory(programme=programme, level="mbo", year=1, form="project")
    texts = _texts(_heat(programme))
    assert "Geen “Waar mogelijk ouders betrekken” in vmbo 3–4." in texts
    assert "Geen activiteiten in mbo 2." in texts
    assert "1 onderdeel is nog niet beoordeeld: de heatmap kan het niet meetellen." in (
        texts
    )


def test_an_experience_without_reflection_is_a_thin_place():
    programme = ProgrammeFactory()
    item = ProgrammeItemFactory(
        programme=programme, level="mbo", year=1, title="Meeloopdag ROC"
    )
    _rate(item, reflectie=0, praktijkervaring=2)
    assert "Geen reflectie na “Meeloopdag ROC” in mbo 1." in _texts(_heat(programme))


def test_a_leerweg_shows_its_own_items_and_those_of_every_leerweg():
    programme = ProgrammeFactory()
    ProgrammeItemFactory(programme=programme, year=3, leerweg="tl", title="PGP")
    ProgrammeItemFactory(programme=programme, year=3, leerweg="kb", title="Keuzevak")
    ProgrammeItemFactory(programme=programme, year=3, title="Meeloopdag")
    heat = _heat(programme, "tl")
    row = next(r for r in heat.rows if r.row.key == "vmbo-3")
    assert row.row.label == "vmbo TL 3"
    assert {i.title for i, _r in row.cells[0].items} == {"PGP", "Meeloopdag"}


def test_samenhang_lines_follow_the_links_through_the_years():
    programme = ProgrammeFactory()
    start = ProgrammeItemFactory(programme=programme, level="mbo", year=1, title="C")
    end = ProgrammeItemFactory(programme=programme, year=4, title="B", leads_to=start)
    ProgrammeItemFactory(programme=programme, year=3, title="A", leads_to=end)
    ProgrammeItemFactory(programme=programme, year=2, title="alone")
    with scopes_disabled():
        items = selectors.programme_items(programme=programme)
    lines = selectors.samenhang_lines(items)
    assert [[i.title for i in line] for line in lines] == [["A", "B", "C"]]
