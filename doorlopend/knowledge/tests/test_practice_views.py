"""Writing up, reading and publishing practices: who sees and does what."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from ..models import Practice
from .factories import PracticeFactory

pytestmark = pytest.mark.django_db


def url(name, partnership, *args):
    return reverse(f"knowledge:{name}", args=[partnership.slug, *args])


FORM = {
    "title": "Stage bij de gemeente",
    "description": "Leerlingen van vmbo 3 lopen een week stage bij de gemeente.",
    "level": "vmbo",
    "year": "3",
    "leerweg": "kb",
    "elements": ["praktijkervaring", "reflectie"],
    "results": "Negen op de tien leerlingen wisten daarna beter wat ze wilden.",
    "figure_value": "90",
    "figure_label": "% van de leerlingen wist beter wat ze wilden",
    "costs_amount": "1.250,50",
    "costs_note": "Vooral uren van de stagebegeleider",
    "contact_role": "stagecoördinator van de vmbo-school",
}


def test_a_werkgroeplid_writes_up_a_draft(client_for, partnership):
    response = client_for("werkgroeplid").post(
        url("practice_create", partnership), FORM
    )
    assert response.status_code == 302
    with scopes_disabled():
        practice = Practice.objects.get()
    assert practice.is_draft
    assert practice.elements == ["praktijkervaring", "reflectie"]
    assert str(practice.costs_amount) == "1250.50"
    assert practice.contact_person is None  # nobody named without ticking the box


def test_a_double_submit_saves_once(client_for, partnership):
    client = client_for("werkgroeplid")
    client.post(url("practice_create", partnership), FORM)
    client.post(url("practice_create", partnership), FORM)
    with scopes_disabled():
        assert Practice.objects.count() == 1


def test_bad_input_says_what_is_wrong_and_keeps_the_text(client_for, partnership):
    data = {**FORM, "level": "havo", "mbo_niveau": "2", "figure_label": "", "title": ""}
    response = client_for("werkgroeplid").post(
        url("practice_create", partnership), data
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dit veld is verplicht." in body
    data["title"] = "Stage"
    response = client_for("werkgroeplid").post(
        url("practice_create", partnership), data
    )
    body = response.content.decode()
    assert "Een mbo-niveau hoort alleen bij mbo." in body
    assert "Een leerweg hoort alleen bij vmbo." in body
    assert "Zeg wat het getal telt" in body
    assert "Negen op de tien leerlingen" in body
    with scopes_disabled():
        assert not Practice.objects.exists()


def test_the_author_names_themselves_only_by_ticking_the_box(client_for, partnership):
    client = client_for("werkgroeplid")
    client.post(url("practice_create", partnership), {**FORM, "contact_me": "on"})
    with scopes_disabled():
        practice = Practice.objects.select_related("contact_person").get()
    assert practice.contact_person is not None
    assert practice.contact_consented_at is not None
    response = client.post(url("contact_withdraw", partnership, practice.pk))
    assert response.status_code == 302
    with scopes_disabled():
        practice.refresh_from_db()
    assert practice.contact_person is None


def test_a_draft_is_seen_only_by_its_own_partnership(
    client_for, partnership, other_partnership
):
    draft = PracticeFactory(partnership=partnership, title="Geheim concept")
    own = client_for("docent").get(url("practice_detail", partnership, draft.pk))
    assert own.status_code == 200
    outsider = client_for("coordinator", partnership=other_partnership)
    response = outsider.get(url("practice_detail", other_partnership, draft.pk))
    assert response.status_code == 404
    listing = outsider.get(url("practice_list", other_partnership)).content.decode()
    assert "Geheim concept" not in listing


def test_a_published_practice_is_read_in_every_partnership(
    client_for, partnership, other_partnership
):
    practice = PracticeFactory(
        partnership=partnership, published=True, title="Meeloopdag op het ROC"
    )
    outsider = client_for("docent", partnership=other_partnership)
    listing = outsider.get(url("practice_list", other_partnership)).content.decode()
    assert "Meeloopdag op het ROC" in listing
    assert partnership.name in listing
    page = outsider.get(url("practice_detail", other_partnership, practice.pk))
    assert page.status_code == 200
    assert partnership.name in page.content.decode()


def test_a_consented_contact_is_shown_to_members_and_nobody_else_is(
    client_for, partnership, other_partnership, member_of
):
    author = member_of(partnership, "werkgroeplid")
    author.name = "Fleur Jansen"
    author.save()
    named = PracticeFactory(
        partnership=partnership, published=True, contact_person=author
    )
    unnamed = PracticeFactory(
        partnership=partnership, published=True, created_by=author
    )
    outsider = client_for("docent", partnership=other_partnership)
    body = outsider.get(url("practice_detail", other_partnership, named.pk)).content
    assert "Fleur Jansen" in body.decode()
    body = outsider.get(url("practice_detail", other_partnership, unnamed.pk)).content
    assert "Fleur Jansen" not in body.decode()
    assert author.email not in body.decode()


def test_only_the_coordinator_publishes(client_for, partnership):
    draft = PracticeFactory(partnership=partnership)
    address = url("practice_publish", partnership, draft.pk)
    assert (
        client_for("werkgroeplid").post(address, {"action": "publish"}).status_code
        == 403
    )
    with scopes_disabled():
        draft.refresh_from_db()
    assert draft.is_draft
    assert (
        client_for("coordinator").post(address, {"action": "publish"}).status_code
        == 302
    )
    with scopes_disabled():
        draft.refresh_from_db()
    assert draft.is_published
    assert draft.published_at is not None


def test_publishing_needs_what_happens_and_a_contact(client_for, partnership):
    draft = PracticeFactory(partnership=partnership, contact_role="")
    client = client_for("coordinator")
    response = client.post(
        url("practice_publish", partnership, draft.pk),
        {"action": "publish"},
        follow=True,
    )
    assert "Zeg wie je kunt benaderen" in response.content.decode()
    with scopes_disabled():
        draft.refresh_from_db()
    assert draft.is_draft


def test_a_published_practice_is_changed_by_the_coordinator_only(
    client_for, partnership
):
    practice = PracticeFactory(partnership=partnership, published=True)
    edit = url("practice_edit", partnership, practice.pk)
    response = client_for("werkgroeplid").post(edit, {**FORM, "title": "Anders"})
    assert response.status_code == 302
    with scopes_disabled():
        practice.refresh_from_db()
    assert practice.title != "Anders"
    client_for("coordinator").post(edit, {**FORM, "title": "Anders"})
    with scopes_disabled():
        practice.refresh_from_db()
    assert practice.title == "Anders"


def test_another_partnerships_practice_cannot_be_changed(
    client_for, partnership, other_partnership
):
    practice = PracticeFactory(partnership=partnership, published=True)
    outsider = client_for("coordinator", partnership=other_partnership)
    for name in (
        "practice_edit",
        "practice_delete",
        "practice_publish",
        "attachment_add",
    ):
        address = url(name, other_partnership, practice.pk)
        assert (
            outsider.post(address, {**FORM, "action": "unpublish"}).status_code == 404
        )
    with scopes_disabled():
        practice.refresh_from_db()
    assert practice.is_published


def test_the_landelijk_adviseur_reads_but_writes_nothing(client_for, partnership):
    PracticeFactory(partnership=partnership, published=True, title="Gedeeld")
    client = client_for("landelijk_adviseur")
    assert "Gedeeld" in client.get(url("practice_list", partnership)).content.decode()
    assert client.get(url("practice_create", partnership)).status_code == 403


def test_the_list_queries_are_bounded(
    client_for, partnership, other_partnership, django_assert_max_num_queries
):
    for n in range(15):
        PracticeFactory(
            partnership=other_partnership if n % 2 else partnership,
            published=n % 3 != 0,
            title=f"Stage {n}",
            elements=["praktijkervaring", "ouders"],
        )
    client = client_for("coordinator")
    with django_assert_max_num_queries(14):
        response = client.get(url("practice_list", partnership), {"q": "stages"})
    assert response.status_code == 200
    assert "Stage 1" in response.content.decode()
    with django_assert_max_num_queries(14):
        assert client.get(url("practice_list", partnership)).status_code == 200


def test_a_practice_without_figure_or_costs_is_saved(client_for, partnership):
    data = {**FORM, "figure_value": "", "figure_label": "", "costs_amount": ""}
    response = client_for("werkgroeplid").post(
        url("practice_create", partnership), data
    )
    assert response.status_code == 302
    with scopes_disabled():
        practice = Practice.objects.get()
    assert practice.figure_value is None
    assert practice.costs_amount is None


def test_the_practice_page_queries_are_bounded(
    client_for, partnership, other_partnership, django_assert_max_num_queries
):
    practice = PracticeFactory(partnership=partnership, published=True)
    outsider = client_for("coordinator", partnership=other_partnership)
    with django_assert_max_num_queries(12):
        response = outsider.get(url("practice_detail", other_partnership, practice.pk))
    assert response.status_code == 200
