"""The partnership's region analysis: the five answers for the whole RMC region (its
schools and municipalities from the DUO register), notes without a route, the charts
beside their tables, the navigation, tenancy and the query bound."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.registry.models import RegisterEntry

from ..models import Note, Question
from ..services.notes import note_add

pytestmark = pytest.mark.django_db


def _url(partnership):
    return reverse("region:partnership_analysis", args=[partnership.slug])


def _section(page: str, question: int) -> str:
    start = page.index(f'id="q{question}"')
    return page[start : page.index("</section>", start)]


@pytest.fixture
def register(region_partnership):
    """The region's mbo institutions as the DUO register import makes them."""
    for brin, name, municipality in (
        ("99MA", "ROC Betuwe en Bommelerwaard", "TIEL"),
        ("99MB", "Groencollege Fruitstreek", "WEST BETUWE"),
    ):
        RegisterEntry.objects.create(
            sector="mbo",
            brin=brin,
            name=name,
            municipality=municipality,
            region=region_partnership.region,
        )
    return region_partnership


def test_the_page_answers_the_five_questions_for_the_region(
    client_for, samples, register, route
):
    page = client_for(partnership=register).get(_url(register)).content.decode()
    assert "Regio-analyse van het samenwerkingsverband" in page
    assert "Tiel, West Betuwe" in page  # the region's municipalities, from the register
    sectors = _section(page, 1)
    assert "Techniek en installatie" in sectors
    assert "minstens 233" in sectors
    assert "Elektrotechnisch monteurs" in _section(page, 2)
    assert "kennis uit de regio" in _section(page, 3)
    target = _section(page, 4)
    assert "Per profiel in 2024" in target
    assert "Produceren, installeren en energie" in target
    # Every leerweg and profile: more than the route's own pupils, masked ones as unknown.
    assert "minstens" in target
    variant = _section(page, 5)
    assert "Per opleiding in 2024" in variant
    assert "Verzorgende-IG" in variant  # a qualification no route has
    assert "Aandeel BBL" in variant
    # Provenance beside each answer.
    assert "peildatum 1 oktober 2024" in target
    assert "FICTIEF_duo_mbo_studenten_per_instelling_kwalificatie.csv" in variant
    assert "4 van de 5 zijn beantwoord" in page
    # Each chart is an image of the same answer, beside its table.
    for name in ("sectors", "target", "variant"):
        assert reverse("region:chart", args=[register.slug, name]) in page
    # Linked to the route's own analysis.
    assert reverse("region:route_analysis", args=[register.slug, route.pk]) in page


def test_mbo_students_outside_the_region_are_left_out(client_for, samples, route):
    """Without the register's institutions for the region, no mbo row is the region's."""
    partnership = route.partnership
    page = client_for(partnership=partnership).get(_url(partnership)).content.decode()
    assert "geen studenten van de instellingen in de regio" in _section(page, 5)


def test_a_note_on_the_region_is_not_a_routes(client_for, samples, route):
    partnership = route.partnership
    client = client_for("werkgroeplid", partnership=partnership)
    data = {
        "question": Question.TRAINING,
        "text": "Zorginstellingen zoeken BBL-leerlingen op niveau 3.",
        "source": "Regionaal zorgoverleg",
    }
    response = client.post(_url(partnership), data, follow=True)
    assert "Zorginstellingen zoeken" in _section(response.content.decode(), 3)
    with scopes_disabled():
        note = Note.objects.get()
    assert note.route is None
    assert note.partnership == partnership
    route_page = client.get(
        reverse("region:route_analysis", args=[partnership.slug, route.pk])
    ).content.decode()
    assert "Zorginstellingen zoeken" not in route_page
    client.post(reverse("region:note_remove", args=[partnership.slug, note.pk]))
    with scopes_disabled():
        assert not Note.objects.exists()


def test_a_note_needs_its_source(client_for, region_partnership):
    client = client_for(partnership=region_partnership)
    response = client.post(_url(region_partnership), {"question": 2, "text": "Zorg"})
    assert "Zeg waar het vandaan komt." in response.content.decode()
    with scopes_disabled():
        assert not Note.objects.exists()


def test_a_decaan_reads_but_adds_no_note(client_for, region_partnership):
    client = client_for("decaan", partnership=region_partnership)
    assert client.get(_url(region_partnership)).status_code == 200
    response = client.post(
        _url(region_partnership), {"question": 1, "text": "x", "source": "y"}
    )
    assert response.status_code == 403


def test_the_charts_are_svg_and_say_at_least(client_for, samples, register, route):
    client = client_for(partnership=register)
    for name in ("sectors", "target", "variant"):
        url = reverse("region:chart", args=[register.slug, name])
        for query in ("", f"?route={route.pk}"):
            response = client.get(url + query)
            assert response["Content-Type"] == "image/svg+xml"
            assert b"<script" not in response.content
    sectors = client.get(reverse("region:chart", args=[register.slug, "sectors"]))
    assert "minstens 233" in sectors.content.decode()  # a masked part: never 0
    wrong = reverse("region:chart", args=[register.slug, "nope"])
    assert client.get(wrong).status_code == 404


def test_another_partnership_gets_404(
    client_for, region_partnership, other_partnership
):
    client = client_for(partnership=other_partnership)
    assert client.get(_url(region_partnership)).status_code == 404
    chart = reverse("region:chart", args=[region_partnership.slug, "target"])
    assert client.get(chart).status_code == 404


def test_a_route_of_another_partnership_has_no_chart(
    client_for, region_partnership, other_partnership
):
    from doorlopend.routes.tests.factories import LeerrouteFactory

    other_route = LeerrouteFactory(partnership=other_partnership)
    chart = reverse("region:chart", args=[region_partnership.slug, "target"])
    client = client_for(partnership=region_partnership)
    assert client.get(f"{chart}?route={other_route.pk}").status_code == 404
    assert client.get(f"{chart}?route=x").status_code == 404


def test_the_navigation_links_to_the_analysis(client_for, region_partnership):
    client = client_for(partnership=region_partnership)
    home = reverse("partnerships:dashboard", args=[region_partnership.slug])
    assert _url(region_partnership) in client.get(home).content.decode()
    data = reverse("region:dataset_list", args=[region_partnership.slug])
    assert _url(region_partnership) in client.get(data).content.decode()


def test_the_page_is_bounded_in_queries(
    client_for, samples, register, route, django_assert_max_num_queries
):
    client = client_for(partnership=register)
    with scopes_disabled():
        membership = register.memberships.first()
        for question in Question.values:
            note_add(
                partnership=register,
                by=membership,
                question=question,
                text="t",
                source="s",
            )
    with django_assert_max_num_queries(20):
        client.get(_url(register))
