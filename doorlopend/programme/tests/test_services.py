"""Writes: items and their rules, ratings, the example programme, the next school year."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_scopes import scopes_disabled

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.partnerships.tests.factories import OrganisationFactory
from doorlopend.planning.tests.factories import ActivityFactory

from .. import templates
from ..models import AssignmentPair, ItemRating, Programme, ProgrammeItem
from ..services import items as item_services
from ..services import programmes as services
from .factories import (
    AssignmentPairFactory,
    ItemRatingFactory,
    ProgrammeFactory,
    ProgrammeItemFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def werkgroeplid(partnership, member_of):
    user = member_of(partnership, "werkgroeplid")
    with scopes_disabled():
        return user.memberships.get(partnership=partnership)


def _item(programme, by, **data):
    fields = {"title": "Meeloopdag", "level": "vmbo", "year": 3, "form": "meeloopdag"}
    fields.update(period="jaar", audience="leerlingen")
    fields.update(data)
    with scopes_disabled():
        return item_services.item_save(programme=programme, by=by, **fields)


def test_the_example_becomes_the_partnerships_own_programme(partnership, werkgroeplid):
    with scopes_disabled():
        programme = services.programme_from_template(
            partnership=partnership, by=werkgroeplid, school_year=2026
        )
        made = list(ProgrammeItem.objects.filter(programme=programme))
        items = {i.title: i for i in made}
        pair = AssignmentPair.objects.get(programme=programme)
    template = templates.template_load()
    assert len(made) == len(template.items)
    assert items["Eindopdracht LOB"].leads_to == items["Startopdracht LOB"]
    assert "Gare Du Nord" in programme.source
    assert items["Keuzedeel in het praktijkgerichte programma"].leerweg == "tl"
    assert "loopbaanreflectie" in pair.eindopdracht
    with scopes_disabled():
        assert not ItemRating.objects.filter(item__programme=programme).exists()


def test_copy_to_the_next_year_keeps_items_ratings_and_links_not_activities(
    partnership, werkgroeplid
):
    programme = ProgrammeFactory(partnership=partnership, school_year=2026)
    school = OrganisationFactory(partnership=partnership, kind="vo")
    later = ProgrammeItemFactory(programme=programme, level="mbo", year=1)
    item = ProgrammeItemFactory(
        programme=programme,
        leads_to=later,
        activity=ActivityFactory(partnership=partnership),
    )
    with scopes_disabled():
        item.organisations.add(school)
    ItemRatingFactory(item=item, element="reflectie", score=1, why="Nabespreking")
    AssignmentPairFactory(programme=programme)
    with scopes_disabled():
        copy = services.programme_copy_next_year(programme=programme, by=werkgroeplid)
        copied = ProgrammeItem.objects.get(programme=copy, title=item.title)
        assert copy.school_year == 2027
        assert copied.leads_to.title == later.title
        assert copied.leads_to.programme == copy
        assert copied.activity is None
        assert list(copied.organisations.all()) == [school]
        assert copied.ratings.get().why == "Nabespreking"
        assert AssignmentPair.objects.filter(programme=copy).count() == 1
        assert ProgrammeItem.objects.filter(programme=programme).count() == 2
        with pytest.raises(ValidationError):
            services.programme_copy_next_year(programme=programme, by=werkgroeplid)


def test_item_rules_name_the_field(partnership, werkgroeplid, other_partnership):
    programme = ProgrammeFactory(partnership=partnership)
    with pytest.raises(ValidationError) as info:
        _item(programme, werkgroeplid, year=5)
    assert "year" in info.value.message_dict
    with pytest.raises(ValidationError) as info:
        _item(programme, werkgroeplid, level="mbo", year=1, leerweg="tl")
    assert "leerweg" in info.value.message_dict
    foreign = OrganisationFactory(partnership=other_partnership)
    with pytest.raises(ValidationError) as info:
        _item(programme, werkgroeplid, organisations=[foreign])
    assert "organisations" in info.value.message_dict


def test_an_item_leads_only_to_a_later_year(partnership, werkgroeplid):
    programme = ProgrammeFactory(partnership=partnership)
    earlier = ProgrammeItemFactory(programme=programme, year=2)
    with pytest.raises(ValidationError) as info:
        _item(programme, werkgroeplid, year=3, leads_to=earlier)
    assert "leads_to" in info.value.message_dict
    later = ProgrammeItemFactory(programme=programme, level="mbo", year=1)
    item = _item(programme, werkgroeplid, year=3, leads_to=later)
    assert item.leads_to == later


def test_moving_an_item_earlier_lets_go_of_links_that_would_point_back(
    partnership, werkgroeplid
):
    programme = ProgrammeFactory(partnership=partnership)
    target = ProgrammeItemFactory(programme=programme, level="mbo", year=1)
    source = ProgrammeItemFactory(programme=programme, year=4, leads_to=target)
    _item(programme, werkgroeplid, item=target, year=2, title=target.title)
    with scopes_disabled():
        source.refresh_from_db()
    assert source.leads_to is None


def test_rating_all_elements_at_once_and_clearing_one(partnership, werkgroeplid):
    item = ProgrammeItemFactory(programme=ProgrammeFactory(partnership=partnership))
    with scopes_disabled():
        item_services.item_rate(
            item=item,
            by=werkgroeplid,
            scores={"praktijkervaring": (2, "Zelf doen"), "ouders": (0, "")},
        )
        item_services.item_rate(
            item=item, by=werkgroeplid, scores={"ouders": (None, "")}
        )
        ratings = {r.element: r.score for r in ItemRating.objects.filter(item=item)}
        version = InstrumentVersion.objects.get(pk=item.programme.elements_version_id)
    assert ratings == {"praktijkervaring": 2}
    assert version.first_used_at is not None


def test_a_why_without_a_score_is_refused(partnership, werkgroeplid):
    item = ProgrammeItemFactory(programme=ProgrammeFactory(partnership=partnership))
    with scopes_disabled(), pytest.raises(ValidationError) as info:
        item_services.item_rate(
            item=item,
            by=werkgroeplid,
            scores={"reflectie": (None, "Geen nabespreking")},
        )
    assert "reflectie" in info.value.message_dict
    with scopes_disabled():
        assert not ItemRating.objects.filter(item=item).exists()


def test_only_those_who_keep_the_programme_write(partnership, member_of):
    user = member_of(partnership, "stuurgroep")
    with scopes_disabled():
        stuurgroep = user.memberships.get(partnership=partnership)
    with scopes_disabled(), pytest.raises(PermissionDenied):
        services.programme_create(
            partnership=partnership, by=stuurgroep, name="X", school_year=2026
        )
    with scopes_disabled():
        assert not Programme.objects.exists()


def test_a_programme_school_year_label():
    assert Programme(school_year=2026).school_year_label == "2026–2027"
