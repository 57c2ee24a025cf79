"""The pages: what a werkgroeplid does, what the stuurgroep reads, who is refused."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from ..models import AssignmentPair, ItemRating, Programme, ProgrammeItem
from .factories import (
    AssignmentPairFactory,
    ItemRatingFactory,
    ProgrammeFactory,
    ProgrammeItemFactory,
)

pytestmark = pytest.mark.django_db


def url(name, partnership, *args):
    return reverse(f"programme:{name}", args=[partnership.slug, *args])


@pytest.fixture
def filled(partnership):
    programme = ProgrammeFactory(partnership=partnership, name="Leerlijn Techniek")
    item = ProgrammeItemFactory(programme=programme, title="Meeloopdag ROC")
    pair = AssignmentPairFactory(programme=programme)
    return programme, item, pair


def all_urls(partnership, programme, item, pair):
    p, i, a = programme.pk, item.pk, pair.pk
    return {
        "programme_list": url("programme_list", partnership),
        "programme_create": url("programme_create", partnership),
        "programme_from_template": url("programme_from_template", partnership),
        "programme_detail": url("programme_detail", partnership, p),
        "programme_edit": url("programme_edit", partnership, p),
        "programme_delete": url("programme_delete", partnership, p),
        "programme_copy": url("programme_copy", partnership, p),
        "heat_map": url("heat_map", partnership, p),
        "programme_xlsx": url("programme_xlsx", partnership, p),
        "item_create": url("item_create", partnership, p),
        "item_edit": url("item_edit", partnership, p, i),
        "item_delete": url("item_delete", partnership, p, i),
        "item_rate": url("item_rate", partnership, p, i),
        "pair_create": url("pair_create", partnership, p),
        "pair_edit": url("pair_edit", partnership, p, a),
        "pair_delete": url("pair_delete", partnership, p, a),
    }


READ = {"programme_list", "programme_detail", "heat_map", "programme_xlsx"}


def test_a_werkgroeplid_reaches_every_page(client_for, partnership, filled):
    client = client_for("werkgroeplid")
    for name, address in all_urls(partnership, *filled).items():
        assert client.get(address).status_code == 200, name


def test_the_stuurgroep_reads_and_may_not_change(client_for, partnership, filled):
    client = client_for("stuurgroep")
    for name, address in all_urls(partnership, *filled).items():
        expected = 200 if name in READ else 403
        assert client.get(address).status_code == expected, name
    page = client.get(url("programme_detail", partnership, filled[0].pk))
    assert "Meeloopdag ROC" in page.content.decode()
    assert "Beoordelen" not in page.content.decode()


def test_a_landelijk_adviseur_is_refused(client_for, partnership, filled):
    client = client_for("landelijk_adviseur")
    for name, address in all_urls(partnership, *filled).items():
        assert client.get(address).status_code == 403, name


def test_another_partnership_gets_404_everywhere(
    client_for, partnership, other_partnership, filled
):
    client = client_for("coordinator", partnership=other_partnership)
    for name, address in all_urls(partnership, *filled).items():
        assert client.get(address).status_code == 404, name
        assert client.post(address).status_code == 404, name
    # With its own slug and our ids: 404 as well.
    for name, address in all_urls(other_partnership, *filled).items():
        if name in {"programme_list", "programme_create", "programme_from_template"}:
            continue
        assert client.get(address).status_code == 404, name


def test_starting_from_the_example(client_for, partnership):
    response = client_for("werkgroeplid").post(
        url("programme_from_template", partnership), {"school_year": "2026"}
    )
    assert response.status_code == 302
    page = client_for("werkgroeplid").get(response.url).content.decode()
    assert "Eindopdracht LOB" in page
    assert "Startopdracht LOB" in page
    assert "Gare Du Nord" in page


def test_a_bad_item_is_shown_again_with_the_error(client_for, partnership, filled):
    programme = filled[0]
    response = client_for("werkgroeplid").post(
        url("item_create", partnership, programme.pk),
        {
            "title": "Snuffelstage bij de bouw",
            "form": "stage",
            "level": "mbo",
            "year": "1",
            "period": "jaar",
            "audience": "leerlingen",
            "leerweg": "tl",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Snuffelstage bij de bouw"' in page
    assert "Alleen voor het vmbo" in page
    with scopes_disabled():
        assert not ProgrammeItem.objects.filter(
            title="Snuffelstage bij de bouw"
        ).exists()


def test_rating_an_item_changes_the_heat_map(client_for, partnership, filled):
    programme, item, _pair = filled
    client = client_for("werkgroeplid")
    heat = url("heat_map", partnership, programme.pk)
    cell = f"{heat}?row=vmbo-3&element=ouders"
    assert "niet beoordeeld" in client.get(cell).content.decode()
    response = client.post(
        url("item_rate", partnership, programme.pk, item.pk),
        {"score_ouders": "2", "why_ouders": "Ouders lopen mee"},
    )
    assert response.status_code == 302
    page = client.get(cell).content.decode()
    assert "duidelijk (Ouders lopen mee)" in page
    assert "1 van 1 onderdeel" in page


def test_a_why_without_a_score_is_shown_on_its_element(client_for, partnership, filled):
    programme, item, _pair = filled
    response = client_for("werkgroeplid").post(
        url("item_rate", partnership, programme.pk, item.pk),
        {"why_reflectie": "Nabespreking in de klas"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kies een score bij deze toelichting" in page
    assert 'value="Nabespreking in de klas"' in page
    with scopes_disabled():
        assert not ItemRating.objects.filter(item=item).exists()


def test_deleting_asks_first(client_for, partnership, filled):
    programme, item, pair = filled
    client = client_for("werkgroeplid")
    address = url("item_delete", partnership, programme.pk, item.pk)
    assert "Ja, verwijderen" in client.get(address).content.decode()
    client.post(address)
    client.post(url("pair_delete", partnership, programme.pk, pair.pk))
    client.post(url("programme_delete", partnership, programme.pk))
    with scopes_disabled():
        assert not ProgrammeItem.objects.exists()
        assert not AssignmentPair.objects.exists()
        assert not Programme.objects.exists()


def test_a_pair_is_shown_on_the_programme_page(client_for, partnership, filled):
    programme = filled[0]
    client = client_for("werkgroeplid")
    response = client.post(
        url("pair_create", partnership, programme.pk),
        {
            "title": "Loopbaanreflectie",
            "eindopdracht": "Een keuzeverantwoording",
            "startopdracht": "Intakegesprek over de keuze",
            "criteria": "Drie ervaringen beschreven",
            "mbo_when": "Week 1 tot 6",
        },
    )
    assert response.status_code == 302
    page = client.get(url("programme_detail", partnership, programme.pk)).content
    assert "Intakegesprek over de keuze" in page.decode()
    assert "Week 1 tot 6" in page.decode()


def test_copy_to_the_next_year_from_the_page(client_for, partnership, filled):
    programme = filled[0]
    response = client_for("werkgroeplid").post(
        url("programme_copy", partnership, programme.pk)
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert Programme.objects.filter(school_year=2027).count() == 1


def _many(partnership, n=40):
    programme = ProgrammeFactory(partnership=partnership)
    for k in range(n):
        item = ProgrammeItemFactory(
            programme=programme, level="vmbo" if k % 2 else "mbo", year=1 + k % 4
        )
        ItemRatingFactory(item=item, element="reflectie", score=k % 3)
        ItemRatingFactory(item=item, element="ouders", score=1)
    return programme


@pytest.mark.parametrize("name", ["programme_detail", "heat_map"])
def test_queries_stay_few_with_many_items(
    name, client_for, partnership, django_assert_max_num_queries
):
    programme = _many(partnership)
    client = client_for("werkgroeplid")
    with django_assert_max_num_queries(14):
        response = client.get(url(name, partnership, programme.pk))
    assert response.status_code == 200


def test_programme_list_queries(client_for, partnership, django_assert_max_num_queries):
    for _ in range(8):
        _many(partnership, 3)
    client = client_for("stuurgroep")
    with django_assert_max_num_queries(10):
        assert client.get(url("programme_list", partnership)).status_code == 200


def test_the_overview_card_names_the_thin_places(client_for, partnership, filled):
    page = client_for("werkgroeplid").get(
        reverse("partnerships:dashboard", args=[partnership.slug])
    )
    text = page.content.decode()
    assert "Leerlijn Techniek" in text
    assert "Geen activiteiten in vmbo 1–2." in text


def test_without_a_programme_only_its_keepers_see_the_card(client_for, partnership):
    address = reverse("partnerships:dashboard", args=[partnership.slug])
    assert "Beginnen met het voorbeeld" in (
        client_for("werkgroeplid").get(address).content.decode()
    )
    assert "LOB-programma" not in client_for("stuurgroep").get(address).content.decode()


def test_the_overview_card_stays_bounded_with_many_items(
    client_for, partnership, django_assert_max_num_queries
):
    client = client_for("werkgroeplid")
    address = reverse("partnerships:dashboard", args=[partnership.slug])
    _many(partnership, 2)
    client.get(address)
    with django_assert_max_num_queries(40) as few:
        client.get(address)
    _many(partnership, 40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(address).status_code == 200


def test_the_example_twice_in_one_year_is_refused_in_words(client_for, partnership):
    client = client_for("werkgroeplid")
    address = url("programme_from_template", partnership)
    client.post(address, {"school_year": "2026"})
    response = client.post(address, {"school_year": "2026"})
    assert response.status_code == 200
    assert "heeft al een programma met deze naam" in response.content.decode()
    with scopes_disabled():
        assert Programme.objects.count() == 1


def test_the_page_shows_one_year_at_a_time(client_for, partnership):
    """A programme of a hundred items is a page per year: the years as tabs with
    their counts, the chosen year's items in full, a line's steps linked to their year."""
    programme = ProgrammeFactory(partnership=partnership)
    later = ProgrammeItemFactory(
        programme=programme, level="mbo", year=1, title="Startweek mbo"
    )
    ProgrammeItemFactory(
        programme=programme,
        level="vmbo",
        year=3,
        title="Beroepenmarkt",
        leads_to=later,
    )
    client = client_for("werkgroeplid")
    first = client.get(url("programme_detail", partnership, programme.pk))
    text = first.content.decode()
    assert "Beroepenmarkt" in text and 'id="item-' in text
    assert f'<article class="programme-item" id="item-{later.pk}"' not in text
    assert f'href="?jaar=mbo-1#item-{later.pk}"' in text  # leads to, and the line
    assert 'href="?jaar=mbo-1#years-heading"' in text
    chosen = client.get(
        url("programme_detail", partnership, programme.pk) + "?jaar=mbo-1"
    ).content.decode()
    assert f'<article class="programme-item" id="item-{later.pk}"' in chosen
    assert '<article class="programme-item"' in chosen and "Startweek mbo" in chosen


def test_after_an_edit_the_page_opens_at_the_items_year(client_for, partnership):
    programme = ProgrammeFactory(partnership=partnership)
    item = ProgrammeItemFactory(programme=programme, level="mbo", year=2)
    response = client_for("werkgroeplid").get(
        url("item_rate", partnership, programme.pk, item.pk)
    )
    assert f"?jaar=mbo-2#item-{item.pk}" in response.content.decode()
