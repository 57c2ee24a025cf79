"""The permissions table and the guard that enforces it."""

import pytest
from django.urls import reverse

from doorlopend.partnerships.access import partnership_view
from doorlopend.partnerships.permissions import PERMISSIONS, has_perm, permissions_of
from doorlopend.partnerships.roles import Role


def test_every_permission_names_known_roles():
    for perm, roles in PERMISSIONS.items():
        assert roles <= set(Role), perm


def test_only_the_coordinator_manages_people_and_organisations():
    assert PERMISSIONS["members.manage"] == {Role.COORDINATOR}
    assert PERMISSIONS["organisations.manage"] == {Role.COORDINATOR}


def test_several_roles_hold_the_union():
    assert not has_perm({"docent"}, "members.manage")
    assert has_perm({"docent", "coordinator"}, "members.manage")
    assert "members.view" not in permissions_of({"landelijk_adviseur"})


def test_an_unknown_permission_fails_when_the_view_is_declared():
    with pytest.raises(KeyError, match="partnerships/permissions"):
        partnership_view("planning.fly")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("coordinator", 200),
        ("stuurgroep", 403),
        ("decaan", 403),
        ("landelijk_adviseur", 403),
    ],
)
def test_guard_answers_403_to_roles_without_the_permission(
    client_for, partnership, role, status
):
    url = reverse(
        "partnerships:member_invite", kwargs={"partnership_slug": partnership.slug}
    )
    assert client_for(role).get(url).status_code == status


@pytest.mark.django_db
def test_unknown_partnership_is_404_like_a_foreign_one(client_for):
    assert (
        client_for()
        .get(
            reverse(
                "partnerships:dashboard", kwargs={"partnership_slug": "bestaat-niet"}
            )
        )
        .status_code
        == 404
    )


@pytest.mark.django_db
def test_guard_loads_membership_once(
    client_for, partnership, django_assert_max_num_queries
):
    client = client_for("docent")
    url = reverse(
        "partnerships:dashboard", kwargs={"partnership_slug": partnership.slug}
    )
    client.get(url)
    # session, user, the memberships with their roles and partnerships (the switcher
    # too); every count of the page and its cards in one (core.facts); the reflection
    # card: latest session; the doorstroom card: the newest year with its deadline, and
    # its figures; the docent's own work: activities, tasks, items (three); the
    # programme card: the newest programme (one)
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200
