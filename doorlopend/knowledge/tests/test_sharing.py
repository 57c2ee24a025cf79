"""What other partnerships do with a practice, and publishing one from the programme,
the plan or a session in one step."""

import datetime

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.planning.models import Activity
from doorlopend.planning.tests.factories import ActivityFactory
from doorlopend.programme.models import ItemRating, ProgrammeItem
from doorlopend.programme.tests.factories import (
    ItemRatingFactory,
    ProgrammeFactory,
    ProgrammeItemFactory,
)
from doorlopend.reflection.tests.factories import ActionPointFactory, SessionFactory

from ..models import Adoption, Inspiration, Practice
from .factories import PracticeFactory

pytestmark = pytest.mark.django_db


def url(name, partnership, *args):
    return reverse(f"knowledge:{name}", args=[partnership.slug, *args])


def _count(model, **filters) -> int:
    with scopes_disabled():
        return model.objects.filter(**filters).count()


def test_inspired_is_counted_once_per_partnership_and_undone(
    client_for, partnership, other_partnership
):
    practice = PracticeFactory(partnership=partnership, published=True)
    address = url("practice_inspired", other_partnership, practice.pk)
    client_for("docent", partnership=other_partnership).post(address)
    client_for("werkgroeplid", partnership=other_partnership).post(address)
    # The second member of the same partnership took the mark back.
    assert _count(Inspiration, practice=practice) == 0
    client_for("coordinator", partnership=other_partnership).post(address)
    assert _count(Inspiration, practice=practice) == 1
    page = client_for("docent").get(url("practice_detail", partnership, practice.pk))
    assert "1 samenwerkingsverband is geïnspireerd" in page.content.decode()


def test_a_partnership_is_not_inspired_by_itself(client_for, partnership):
    practice = PracticeFactory(partnership=partnership, published=True)
    client_for("docent").post(url("practice_inspired", partnership, practice.pk))
    assert _count(Inspiration) == 0


def test_adopting_into_the_programme_makes_a_linked_copy(
    client_for, partnership, other_partnership
):
    practice = PracticeFactory(
        partnership=partnership,
        published=True,
        title="Ouderavond over kiezen",
        level="vmbo",
        year=3,
        elements=["ouders", "verwachtingen"],
    )
    programme = ProgrammeFactory(partnership=other_partnership)
    client = client_for("werkgroeplid", partnership=other_partnership)
    data = {"into": "programme", "programme": programme.pk, "level": "vmbo", "year": 3}
    response = client.post(url("practice_adopt", other_partnership, practice.pk), data)
    assert response.status_code == 302
    client.post(url("practice_adopt", other_partnership, practice.pk), data)  # twice
    with scopes_disabled():
        item = ProgrammeItem.objects.get(programme=programme)
        adoption = Adoption.objects.get()
        scores = dict(
            ItemRating.objects.filter(item=item).values_list("element", "score")
        )
    assert item.title == "Ouderavond over kiezen"
    assert partnership.name in item.description
    assert scores == {"ouders": 2, "verwachtingen": 2}
    assert adoption.practice == practice
    assert adoption.partnership == other_partnership
    assert adoption.programme_item == item


def test_adopting_into_the_plan_makes_a_linked_activity(
    client_for, partnership, other_partnership
):
    practice = PracticeFactory(
        partnership=partnership, published=True, title="Werkweek"
    )
    client = client_for("coordinator", partnership=other_partnership)
    data = {"into": "plan", "date": "2027-03-01", "start_time": "09:00"}
    response = client.post(url("practice_adopt", other_partnership, practice.pk), data)
    assert response.status_code == 302
    with scopes_disabled():
        activity = Activity.objects.get(partnership=other_partnership)
        assert Adoption.objects.get().activity == activity
    assert activity.title == "Werkweek"
    assert activity.elements == ["praktijkervaring"]


def test_adopting_into_another_partnerships_programme_is_refused(
    client_for, partnership, other_partnership
):
    practice = PracticeFactory(partnership=partnership, published=True)
    theirs = ProgrammeFactory(partnership=partnership)
    ProgrammeFactory(partnership=other_partnership)
    client = client_for("coordinator", partnership=other_partnership)
    data = {"into": "programme", "programme": theirs.pk, "level": "vmbo", "year": 3}
    response = client.post(url("practice_adopt", other_partnership, practice.pk), data)
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert _count(ProgrammeItem) == 0


def test_a_draft_cannot_be_adopted_by_another_partnership(
    client_for, partnership, other_partnership
):
    draft = PracticeFactory(partnership=partnership)
    client = client_for("coordinator", partnership=other_partnership)
    assert (
        client.get(url("practice_adopt", other_partnership, draft.pk)).status_code
        == 404
    )


def test_publish_from_an_activity_carries_its_text_and_elements(
    client_for, partnership
):
    activity = ActivityFactory(
        partnership=partnership,
        title="Bedrijfsbezoek installatietechniek",
        place="Tiel",
        materials="Bus en veiligheidsschoenen.",
        evaluation="Leerlingen vroegen om een tweede bezoek.",
        elements=["praktijkervaring", "proactief"],
        starts_at=datetime.datetime(2027, 3, 1, 9, tzinfo=datetime.UTC),
    )
    client = client_for("coordinator")
    response = client.post(url("from_activity", partnership, activity.pk))
    client.post(url("from_activity", partnership, activity.pk))  # a double click
    with scopes_disabled():
        practice = Practice.objects.get()
    assert response["Location"] == url("practice_edit", partnership, practice.pk)
    assert practice.is_draft
    assert practice.title == "Bedrijfsbezoek installatietechniek"
    assert "Bus en veiligheidsschoenen." in practice.description
    assert "Tiel" in practice.description
    assert practice.results == "Leerlingen vroegen om een tweede bezoek."
    assert practice.elements == ["praktijkervaring", "proactief"]
    assert practice.source_activity == activity


def test_publish_from_a_programme_item_carries_for_whom_and_rated_elements(
    client_for, partnership
):
    item = ProgrammeItemFactory(
        programme=ProgrammeFactory(partnership=partnership),
        title="Meeloopdag mbo",
        description="Een dag als mbo-student.",
        level="vmbo",
        year=3,
        leerweg="kb",
    )
    ItemRatingFactory(item=item, element="praktijkervaring", score=2)
    ItemRatingFactory(item=item, element="ouders", score=0)
    client_for("werkgroeplid").post(url("from_programme_item", partnership, item.pk))
    with scopes_disabled():
        practice = Practice.objects.get()
    assert (practice.level, practice.year, practice.leerweg) == ("vmbo", 3, "kb")
    assert practice.description == "Een dag als mbo-student."
    assert practice.elements == ["praktijkervaring"]


def test_publish_from_an_action_point_takes_its_element(client_for, partnership):
    session = SessionFactory(partnership=partnership, title="Reflectie voorjaar")
    action = ActionPointFactory(
        session=session, title="Ouders vaker betrekken", theme_key="ouders"
    )
    client_for("coordinator").post(url("from_action_point", partnership, action.pk))
    with scopes_disabled():
        practice = Practice.objects.get()
    assert practice.title == "Ouders vaker betrekken"
    assert practice.elements == ["ouders"]
    assert "Reflectie voorjaar" in practice.description


def test_publishing_another_partnerships_activity_is_404(
    client_for, partnership, other_partnership
):
    activity = ActivityFactory(partnership=partnership)
    client = client_for("coordinator", partnership=other_partnership)
    assert (
        client.post(url("from_activity", other_partnership, activity.pk)).status_code
        == 404
    )
    assert _count(Practice) == 0
