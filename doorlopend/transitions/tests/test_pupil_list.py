"""The decaan's list of pupils: what it shows, its filters, paging, log and bounds."""

import pytest
from django.utils.translation import gettext
from django_scopes import scopes_disabled

from doorlopend.audit.models import AccessLogEntry
from doorlopend.transitions.models import Transition

from .factories import PupilFactory, TransitionFactory
from .pupil_setup import FATIMA, last_entry_pk, new_entries, transition, world  # noqa: F401

pytestmark = pytest.mark.django_db


def _list(world, user=None, school=None, **params):  # noqa: F811
    client = world.client(user or world.decaan_a)
    return client.get(world.url("pupil_list", school or world.vo_a), params)


def test_the_list_shows_the_schools_leavers_with_their_status(world):  # noqa: F811
    body = _list(world).content.decode()
    assert FATIMA in body and "Bram Achterberg" in body
    assert "03-02-2010" in body  # date of birth
    assert "ROC Maasoever" in body
    assert "ingetrokken" in body
    assert "Zorg en welzijn" in body and "DLR" in body
    # B's leavers are not A's pupils.
    assert "Chris Bosman" not in body and "Daan Brouwer" not in body


def test_the_list_writes_one_entry_for_exactly_the_pupils_shown(world):  # noqa: F811
    with scopes_disabled():
        before = last_entry_pk()
    _list(world)
    with scopes_disabled():
        [entry] = new_entries(before)
    assert entry.action == "view"
    assert entry.organisation_id == world.vo_a.pk
    assert sorted(entry.object_ids) == sorted([world.fatima.pk, world.bram.pk])
    assert entry.purpose


def test_filters_by_status_route_and_open_signal(world):  # noqa: F811
    assert "Bram" not in _list(world, status="ingetrokken").content.decode()
    assert FATIMA not in _list(world, status="none").content.decode()
    assert "Bram" in _list(world, status="none").content.decode()
    by_route = _list(world, route_kind="dlr").content.decode()
    assert FATIMA in by_route and "Bram" not in by_route
    signalled = _list(world, with_signal="on").content.decode()
    assert FATIMA in signalled and "Bram" not in signalled


def test_search_by_name_ignores_case_and_accents(world):  # noqa: F811
    body = _list(world, name="IDRÍSSI").content.decode()
    assert FATIMA in body and "Bram" not in body
    with scopes_disabled():
        entry = AccessLogEntry.objects.order_by("-pk").first()
    assert entry.object_ids == [world.fatima.pk]


def test_an_empty_result_says_what_to_do(world):  # noqa: F811
    body = _list(world, name="niemand").content.decode()
    assert (
        gettext(
            "No pupils match these filters. Try another status or year, or clear the name."
        )
        in body
    )


def test_the_year_defaults_to_the_latest_with_pupils(world):  # noqa: F811
    with scopes_disabled():
        older = PupilFactory(partnership=world.partnership, name="Oud Leerling")
        transition(world.partnership, older, world.vo_a, cohort=2025)
    body = _list(world).content.decode()
    assert "Oud Leerling" not in body and FATIMA in body
    assert "Oud Leerling" in _list(world, cohort=2025).content.decode()


def test_the_list_is_paged_by_fifty(world):  # noqa: F811
    with scopes_disabled():
        TransitionFactory.create_batch(
            50, partnership=world.partnership, sending_organisation=world.vo_a
        )
    first = _list(world)
    assert first.context["page"].paginator.num_pages == 2
    assert len(first.context["page"].object_list) == 50
    with scopes_disabled():
        entry = AccessLogEntry.objects.order_by("-pk").first()
    assert len(entry.object_ids) == 50


def test_the_list_query_count_is_bounded(world, django_assert_max_num_queries):  # noqa: F811
    with scopes_disabled():
        TransitionFactory.create_batch(
            40, partnership=world.partnership, sending_organisation=world.vo_a
        )
    client = world.client(world.decaan_a)
    url = world.url("pupil_list", world.vo_a)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_an_empty_school_explains_where_pupils_come_from(world, member_of):  # noqa: F811
    with scopes_disabled():
        Transition.objects.filter(sending_organisation=world.vo_a).delete()
    body = _list(world).content.decode()
    assert (
        gettext(
            "No pupils of your school yet. They appear here once a list of leavers (vo) "
            "or of registrations (mbo) has been imported."
        )
        in body
    )


def test_other_partnership_and_wrong_role(world, client_for, other_partnership):  # noqa: F811
    url = world.url("pupil_list", world.vo_a)
    assert (
        client_for("decaan", partnership=other_partnership).get(url).status_code == 404
    )
    assert client_for("coordinator").get(url).status_code == 403
