"""A route's region analysis: the five answers, notes, the step "Analyse", tenancy."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.roadmaps.models import ItemState, Roadmap
from doorlopend.routes.tests.factories import LeerrouteFactory

from ..models import Note, Question
from ..services.notes import note_add

pytestmark = pytest.mark.django_db


def _url(route):
    return reverse("region:route_analysis", args=[route.partnership.slug, route.pk])


def _section(page: str, question: int) -> str:
    start = page.index(f'id="q{question}"')
    return page[start : page.index("</section>", start)]


def test_the_page_answers_the_five_questions_from_the_data(client_for, samples, route):
    page = client_for(partnership=route.partnership).get(_url(route)).content.decode()
    sectors = _section(page, 1)
    assert "Techniek en installatie" in sectors
    assert "Zorg en welzijn" in sectors
    assert "Administratie" not in sectors  # poor prospects
    assert "minstens 233" in sectors  # one masked vacancy count: a lower bound
    fields = _section(page, 2)
    assert "Elektrotechnisch monteurs" in fields
    assert "Magazijnmedewerkers" not in fields  # moderate
    assert "Midden-Gelderland" not in page  # another labour-market region
    assert "kennis uit de regio" in _section(page, 3)  # no data: a note is asked for
    target = _section(page, 4)
    for year in ("2022", "2023", "2024"):
        assert f">{year}<" in target
    assert "Waalzicht College vmbo" in target
    assert "Voorbeeldschool Elders" not in target  # another RMC region
    variant = _section(page, 5)
    assert "Aandeel BBL" in variant
    assert "37%" in variant
    # Provenance beside each answer.
    assert "peildatum 1 oktober 2024" in target
    assert "FICTIEF_uwv_arbeidsmarktperspectief_sector_beroepsgroep.xlsx" in sectors
    assert "4 van de 5 zijn beantwoord" in page


def test_without_data_the_page_says_what_is_missing(client_for, route):
    page = client_for(partnership=route.partnership).get(_url(route)).content.decode()
    assert "Nog geen arbeidsmarkttabel ingelezen" in page
    assert "Nog geen leerlinggegevens (DUO) ingelezen" in page
    assert "0 van de 5 zijn beantwoord" in page


def test_a_note_answers_a_question_and_is_saved_once(client_for, samples, route):
    client = client_for("werkgroeplid", partnership=route.partnership)
    data = {
        "question": Question.TRAINING,
        "text": "Monteurs niveau 3 met kennis van warmtepompen.",
        "source": "Gesprek met de installateursvereniging",
    }
    client.post(_url(route), data)
    response = client.post(_url(route), data, follow=True)  # a double click
    with scopes_disabled():
        assert Note.objects.count() == 1
    page = response.content.decode()
    note = _section(page, 3)
    assert "warmtepompen" in note
    assert "Gesprek met de installateursvereniging" in note
    assert "5 van de 5 zijn beantwoord" in page


def test_a_note_needs_its_source(client_for, route):
    client = client_for(partnership=route.partnership)
    response = client.post(_url(route), {"question": 2, "text": "Installatietechniek"})
    page = response.content.decode()
    assert "Zeg waar het vandaan komt." in page
    assert "Installatietechniek" in page  # what was typed stays
    with scopes_disabled():
        assert not Note.objects.exists()


def test_a_note_is_deleted(client_for, route, member_of):
    client = client_for(partnership=route.partnership)
    with scopes_disabled():
        membership = route.partnership.memberships.first()
        note = note_add(
            route=route, by=membership, question=1, text="Bouw groeit", source="CBS"
        )
    url = reverse("region:note_remove", args=[route.partnership.slug, note.pk])
    client.post(url)
    with scopes_disabled():
        assert not Note.objects.exists()


def test_a_decaan_reads_but_adds_no_note(client_for, route):
    client = client_for("decaan", partnership=route.partnership)
    assert "Notitie toevoegen" not in client.get(_url(route)).content.decode()
    response = client.post(_url(route), {"question": 1, "text": "x", "source": "y"})
    assert response.status_code == 403


def test_another_partnerships_route_is_not_found(
    client_for, route, other_partnership, samples
):
    other_route = LeerrouteFactory(partnership=other_partnership)
    client = client_for(partnership=route.partnership)
    assert client.get(_url(other_route)).status_code == 404
    wrong = reverse(
        "region:route_analysis", args=[route.partnership.slug, other_route.pk]
    )
    assert client.get(wrong).status_code == 404


def test_the_page_is_bounded_in_queries(
    client_for, samples, route, django_assert_max_num_queries
):
    client = client_for(partnership=route.partnership)
    with scopes_disabled():
        membership = route.partnership.memberships.first()
        for question in Question.values:
            note_add(
                route=route, by=membership, question=question, text="t", source="s"
            )
    with django_assert_max_num_queries(20):
        client.get(_url(route))


def _analyse_row(client, route) -> str:
    with scopes_disabled():
        plan = Roadmap.objects.get(route=route)
        state = ItemState.objects.get(roadmap=plan, item_key="analyse")
    path = reverse("roadmaps:roadmap_detail", args=[route.partnership.slug, plan.pk])
    html = client.get(path).content.decode()
    row = html[html.index(f"/items/{state.pk}/") :]
    return row[: row.index("</tr>")]


def test_the_step_analyse_follows_the_analysis(client_for, route):
    client = client_for(partnership=route.partnership)
    assert "niet gestart" in _analyse_row(client, route)
    with scopes_disabled():
        membership = route.partnership.memberships.first()
        note_add(route=route, by=membership, question=1, text="Bouw", source="CBS")
    row = _analyse_row(client, route)
    assert "bezig" in row
    assert "1 van de 5 vragen beantwoord" in row
    assert _url(route) in row
    with scopes_disabled():
        for question in (2, 3, 4, 5):
            note_add(
                route=route, by=membership, question=question, text="t", source="s"
            )
    row = _analyse_row(client, route)
    assert "gereed" in row
    assert "5 van de 5 vragen beantwoord" in row


def test_the_step_counts_the_data(client_for, samples, route):
    client = client_for(partnership=route.partnership)
    row = _analyse_row(client, route)
    assert "4 van de 5 vragen beantwoord" in row  # training need: no data, no note


def test_the_route_page_links_to_the_analysis(client_for, route):
    client = client_for(partnership=route.partnership)
    page = client.get(
        reverse("routes:route_detail", args=[route.partnership.slug, route.pk])
    ).content.decode()
    assert _url(route) in page
