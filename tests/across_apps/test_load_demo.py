import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory
from django_scopes import scopes_disabled

from doorlopend.core.demo import DEMO_PASSWORD
from doorlopend.core.testing.rows import added_rows, row_counts
from doorlopend.partnerships.demo import DEMO_SLUG, demo_email
from doorlopend.partnerships.models import Organisation, Partnership, RoleAssignment
from doorlopend.partnerships.roles import Role

pytestmark = pytest.mark.django_db


def test_demo_has_a_partnership_with_organisations_and_one_person_per_role(
    loaded_demo,
):
    partnership = Partnership.objects.get(slug=DEMO_SLUG)
    with scopes_disabled():
        kinds = sorted(
            Organisation.objects.filter(partnership=partnership).values_list(
                "kind", flat=True
            )
        )
        roles = set(
            RoleAssignment.objects.filter(
                membership__partnership=partnership
            ).values_list("role", flat=True)
        )
        schools_have_brin = not Organisation.objects.filter(
            partnership=partnership, kind="vo", register_entry=None
        ).exists()
    assert {"vo", "mbo", "hbo", "gemeente", "bedrijf"} <= set(kinds)
    assert schools_have_brin
    assert roles == set(Role)
    request = RequestFactory().post("/accounts/login/")
    assert (
        authenticate(
            request, username=demo_email(Role.COORDINATOR), password=DEMO_PASSWORD
        )
        is not None
    )


def test_loading_the_demo_twice_adds_nothing(loaded_demo, capsys):
    """Every table of every app, not a list of demo contents: a loader added later is held
    to the same rule without touching this test. (The first load is `loaded_demo`.)"""
    before = row_counts()
    call_command("load_demo")
    assert added_rows(before, row_counts()) == {}
    assert (
        capsys.readouterr()
        .out.strip()
        .endswith(
            "demo loaded: people=0 register_entries=0 partnerships=0 organisations=0"
        )
    )
