import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django_scopes import scope

from doorlopend.partnerships import services

from .factories import OrganisationFactory, SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """These tests read the services' rules in their English source text."""
    with translation.override("en"):
        yield


def test_a_school_role_needs_a_school_of_this_partnership(
    partnership, other_partnership
):
    municipality = OrganisationFactory(partnership=partnership, kind="gemeente")
    foreign_school = SchoolFactory(partnership=other_partnership)
    with pytest.raises(ValidationError, match="school"):
        services.role_school(partnership=partnership, role="decaan", organisation=None)
    with pytest.raises(ValidationError, match="held for a school"):
        services.role_school(
            partnership=partnership, role="decaan", organisation=municipality
        )
    with pytest.raises(ValidationError, match="of this partnership"):
        services.role_school(
            partnership=partnership, role="mentor", organisation=foreign_school
        )


def test_other_roles_keep_a_school_and_drop_anything_else(partnership):
    school = SchoolFactory(partnership=partnership)
    municipality = OrganisationFactory(partnership=partnership, kind="gemeente")
    assert (
        services.role_school(
            partnership=partnership, role="docent", organisation=school
        )
        == school
    )
    assert (
        services.role_school(
            partnership=partnership, role="docent", organisation=municipality
        )
        is None
    )


def test_role_grant_is_idempotent(partnership, member_of):
    person = member_of(partnership, "docent")
    with scope(partnership=partnership):
        first = services.role_grant(
            partnership=partnership, user=person, role="werkgroeplid"
        )
        second = services.role_grant(
            partnership=partnership, user=person, role="werkgroeplid"
        )
        assert first == second
        assert person.memberships.get().roles.count() == 2
