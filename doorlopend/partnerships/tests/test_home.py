import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from doorlopend.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
HOME = reverse("home")


def dashboard(partnership) -> str:
    return reverse(
        "partnerships:dashboard", kwargs={"partnership_slug": partnership.slug}
    )


def test_anonymous_goes_to_login(client):
    assert client.get(HOME)["Location"].startswith(reverse("accounts:login"))


def test_member_of_one_partnership_goes_straight_there(client, member_of, partnership):
    client.force_login(member_of(partnership, "docent"))
    assert client.get(HOME)["Location"] == dashboard(partnership)


def test_member_of_several_chooses_then_returns_to_the_last_one(
    client, member_of, partnership, other_partnership
):
    person = member_of(partnership, "docent")
    member_of(other_partnership, "coordinator", user=person)
    client.force_login(person)
    page = client.get(HOME).content.decode()
    assert partnership.name in page and other_partnership.name in page
    client.get(dashboard(other_partnership))
    assert client.get(HOME)["Location"] == dashboard(other_partnership)


def test_switcher_lists_only_own_partnerships(
    client, member_of, partnership, other_partnership
):
    person = member_of(partnership, "docent")
    client.force_login(person)
    page = client.get(dashboard(partnership)).content.decode()
    assert partnership.name in page and other_partnership.name not in page


def test_person_without_partnership_is_told_how_to_get_in(client):
    client.force_login(UserFactory())
    page = client.get(HOME).content.decode()
    expected = _(
        "You are not a member of any partnership yet. Ask the coördinator of your partnership "
        "for an invitation: you will receive a link by e-mail."
    )
    assert expected in page
