"""The sweep of issue 18: every national page (found from the URL patterns), as each
role of one partnership and as the landelijk adviseur, names no other partnership and
shows no figure under its threshold: a spread or a count of fewer than five partnerships,
a pupil count under k."""

import re

import pytest
from django.test import Client

from doorlopend.accounts.tests.factories import UserFactory
from doorlopend.core.urlwalk import all_routes
from doorlopend.national.models import NationalAdviser
from doorlopend.national.selectors import MIN_PARTNERSHIPS
from doorlopend.partnerships.roles import Role
from doorlopend.transitions.suppression import min_cell

from .world import fill, national_world

NAMESPACES = ("national:", "national_position:")


def _pages(partnership) -> list[str]:
    routes = [r for r in all_routes() if r.name.startswith(NAMESPACES)]
    urls = [
        r.fill({"partnership_slug": partnership.slug})
        for r in routes
        if r.name
        not in ("national_position:participation", "national_position:progress_page")
    ]
    assert len(urls) >= 10  # five pictures, for the adviser and for the own position
    return urls


def _assert_clean(html: str, others: list) -> None:
    for other in others:
        assert other.name not in html
        assert other.slug not in html
    # Every spread shown stands on at least five partnerships.
    for count in re.findall(r'data-spread="(\d+)"', html):
        assert int(count) >= MIN_PARTNERSHIPS
    # Every row of counted partnerships (leerroutes) holds at least five.
    for count in re.findall(r'data-partnerships="(\d+)"', html):
        assert int(count) >= MIN_PARTNERSHIPS
    # Every pupil figure shown is 0 or at least k.
    for count in re.findall(r'data-count="(\d+)"', html):
        assert int(count) == 0 or int(count) >= min_cell()


@pytest.fixture
def world(partnership) -> list:
    # Six in region R1 (shown on their own), two in R2 (merged: never alone), and a
    # partnership with three pupils only.
    others = national_world(6, code="R1") + national_world(2, code="R2")
    fill(partnership, level=4, pupils=3)
    return others


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_as_each_role_of_one_partnership(client_for, partnership, world, role):
    client = client_for(role)
    for url in _pages(partnership):
        response = client.get(url)
        assert response.status_code in (200, 403, 404)
        _assert_clean(response.content.decode(), world)


def test_as_the_landelijk_adviseur(partnership, world):
    client = Client()
    user = UserFactory()
    NationalAdviser.objects.create(user=user)
    client.force_login(user)
    shown = 0
    for url in _pages(partnership):
        response = client.get(url)
        html = response.content.decode()
        if response.status_code == 200:
            shown += 1
            assert (
                "data-spread" in html
                or "data-count" in html
                or "data-partnerships" in html
            )
        _assert_clean(html, world)
        # The own position's address answers 404 to the adviser, who is no member; the
        # partnership's name never reaches the adviser's pages.
        assert partnership.name not in html
    assert shown == 5
