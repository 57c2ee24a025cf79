"""The national checklist, programme, transitions and leerroutes pictures: the floor of
five partnerships, the own band, the opt-out, regions merged, pupils suppressed."""

import datetime

import pytest
from django.test import Client

from doorlopend.accounts.tests.factories import UserFactory
from doorlopend.national import checklist, programme, routes, transitions
from doorlopend.national.models import NationalAdviser, NationalParticipation
from doorlopend.national.selectors import OTHER, merge_groups
from doorlopend.partnerships.tests.factories import PartnershipFactory, SchoolFactory
from doorlopend.transitions.suppression import TOTAL
from doorlopend.transitions.tests.factories import TransitionFactory

from .world import (
    PICTURES,
    YEAR,
    fill,
    national_url,
    national_world,
    position_url,
    region,
)


@pytest.fixture
def adviser(db) -> Client:
    client = Client()
    user = UserFactory()
    NationalAdviser.objects.create(user=user)
    client.force_login(user)
    return client


def test_merge_groups_keeps_every_group_at_five_partnerships():
    members = {"a": {1, 2, 3, 4, 5}, "b": {6, 7}, "c": {8, 9, 10, 11, 12, 13}}
    # b alone would be 2: it joins OTHER, and OTHER (2) takes the smallest group (a).
    assert merge_groups(members) == {"a": OTHER, "b": OTHER, "c": "c"}
    assert merge_groups({"a": {1, 2, 3, 4}}) is None
    assert merge_groups({"a": {1, 2, 3, 4, 5}, "b": {6, 7, 8, 9, 10}}) == {
        "a": "a",
        "b": "b",
    }
    # Overlapping groups (sectors): OTHER counts distinct partnerships.
    assert merge_groups({"x": {1, 2, 3, 4, 5, 6}, "y": {1, 2}, "z": {3}})["y"] == OTHER


def test_checklist_spread_and_own_band(client_for, partnership):
    national_world(5)
    fill(partnership, level=5)
    picture = checklist.national_checklist(partnership_id=partnership.pk)
    assert picture.partnerships == 6
    assert picture.enough
    assert any(row.band == "high" for row in picture.rows)
    page = client_for("stuurgroep").get(position_url("checklist", partnership))
    assert "bovenste kwart" in page.content.decode()


def test_checklist_needs_five_partnerships_and_drops_an_opt_out(adviser):
    others = national_world(5)
    assert checklist.national_checklist().enough
    NationalParticipation.objects.create(partnership=others[0], takes_part=False)
    picture = checklist.national_checklist()
    assert picture.partnerships == 4
    assert not picture.enough
    assert "Nog te weinig" in adviser.get(national_url("checklist")).content.decode()


def test_programme_coverage_per_element(adviser, partnership):
    national_world(5)
    fill(partnership, level=1)
    picture = programme.national_programme(partnership_id=partnership.pk)
    row = next(r for r in picture.rows if r.key == "praktijkervaring")
    assert row.spread.count == 6
    assert (row.spread.low, row.spread.high) == (25, 75)
    assert row.own == 20
    assert row.band == "low"
    page = adviser.get(national_url("programme")).content.decode()
    assert "Praktijkervaring" in page or "praktijkervaring" in page.lower()


def test_transitions_merge_small_regions_and_suppress_pupils(adviser):
    national_world(5, code="R1")
    national_world(2, code="R2")  # two partnerships: never a region of their own
    picture = transitions.national_transitions()
    assert picture.cohort == YEAR
    assert picture.partnerships == 7
    groups = {g.label: g for g in picture.figures.groups}
    # R2 on its own would be two partnerships; with R1 that is too few to hide R2 in
    # "other", so both go together and no region is shown alone.
    assert "Regio R2" not in groups
    total = picture.figures.total.line(TOTAL).pupils
    assert total.count == 42
    page = adviser.get(national_url("transitions")).content.decode()
    assert "Regio R2" not in page
    assert "Nederland" in page


def test_transitions_below_five_partnerships_show_nothing(adviser):
    national_world(4)
    picture = transitions.national_transitions()
    assert picture.figures is None
    assert "Nog te weinig" in adviser.get(national_url("transitions")).content.decode()


def test_routes_per_sector_merge_small_sectors(adviser):
    national_world(5)
    lone = national_world(1, code="R3")[0]
    from doorlopend.routes.tests.factories import LeerrouteFactory

    LeerrouteFactory(partnership=lone, profile="groen")
    picture = routes.national_routes()
    assert picture.total == 7
    labels = [row.label for row in picture.sectors]
    assert "Groen" not in labels
    assert all(row.partnerships >= 5 for row in picture.sectors + picture.regions)
    assert "Groen" not in adviser.get(national_url("routes")).content.decode()


@pytest.mark.parametrize("picture", PICTURES)
def test_each_picture_answers_its_roles(client_for, partnership, picture):
    assert (
        client_for("coordinator").get(position_url(picture, partnership)).status_code
        == 200
    )
    assert (
        client_for("stuurgroep").get(position_url(picture, partnership)).status_code
        == 200
    )
    assert (
        client_for("werkgroeplid").get(position_url(picture, partnership)).status_code
        == 403
    )
    assert Client().get(national_url(picture)).status_code == 302
    assert client_for("coordinator").get(national_url(picture)).status_code == 404


@pytest.mark.parametrize("picture", PICTURES)
def test_another_partnerships_position_is_not_found(
    client_for, other_partnership, picture
):
    url = position_url(picture, other_partnership)
    assert client_for("coordinator").get(url).status_code == 404


@pytest.mark.parametrize("picture", PICTURES)
def test_the_pictures_query_count_is_bounded(
    client_for, partnership, adviser, picture, django_assert_max_num_queries
):
    national_world(6)
    fill(partnership, level=3)
    client = client_for("coordinator")
    client.get(position_url(picture, partnership))  # the day's cache filled
    with django_assert_max_num_queries(15):
        assert client.get(position_url(picture, partnership)).status_code == 200
    with django_assert_max_num_queries(15):
        assert adviser.get(national_url(picture)).status_code == 200


def test_the_daily_work_warms_every_picture(db):
    from doorlopend.core.periodic import daily_run

    counts = daily_run()
    for name in ("checklist", "programme", "transitions", "routes"):
        assert counts[f"national.{name}"] == 1


def test_transitions_count_each_year_against_its_own_deadline(db):
    partnership = PartnershipFactory(region=region("R1"))
    school = SchoolFactory(partnership=partnership, kind="vo")
    for cohort, registered_on in (
        (YEAR - 1, datetime.date(YEAR - 1, 3, 1)),  # before its deadline (1 April)
        (YEAR - 1, datetime.date(YEAR - 1, 5, 1)),  # after it
        (YEAR, datetime.date(YEAR - 1, 5, 1)),  # long before this year's
    ):
        TransitionFactory(
            partnership=partnership,
            cohort=cohort,
            sending_organisation=school,
            registered_on=registered_on,
        )
    raw = transitions._raw()
    assert {year: [r[4]["pupils"] for r in rows] for year, rows in raw.items()} == {
        YEAR - 1: [2],
        YEAR: [1],
    }
    assert {year: [r[4]["registered"] for r in rows] for year, rows in raw.items()} == {
        YEAR - 1: [1],
        YEAR: [1],
    }
