"""The demo pupils: two years, every route kind, figures shown, a decaan at the mbo school."""

import pytest
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Organisation, Partnership, RoleAssignment
from doorlopend.transitions.demo import MBO_DECAAN_EMAIL
from doorlopend.transitions.models import Signal, Transition
from doorlopend.transitions.selectors import figures

pytestmark = pytest.mark.django_db


def test_demo_has_two_cohorts_every_route_kind_and_a_mbo_decaan(loaded_demo):
    with scopes_disabled():
        partnership = Partnership.objects.get(slug="rivierenland")
        assert Signal.objects.filter(partnership=partnership).exists()
        cohorts = figures.cohorts(partnership=partnership)
        assert len(cohorts) == 2
        routes = set(
            Transition.objects.filter(partnership=partnership).values_list(
                "route_kind", flat=True
            )
        )
        assert routes == {"regulier", "dlr", "glr"}
        statuses = set(
            Transition.objects.filter(partnership=partnership).values_list(
                "status", flat=True
            )
        )
        assert {"gestart", "gestopt", "ingetrokken", "havo", ""} <= statuses
        assert RoleAssignment.objects.filter(
            membership__user__email=MBO_DECAAN_EMAIL,
            role="decaan",
            organisation__kind="mbo",
        ).exists()
        # vmbo leavers come from schools with vmbo: a havo/vwo lyceum sends none.
        senders = Organisation.objects.filter(
            pk__in=Transition.objects.filter(partnership=partnership).values(
                "sending_organisation"
            )
        ).select_related("register_entry")
        assert senders and all(s.offers_vmbo for s in senders)
        lyceum = Organisation.objects.filter(
            partnership=partnership, register_entry__education_structure="VWO"
        )
        assert lyceum.exists() and not senders.filter(pk__in=lyceum).exists()
        # And the demo's decaan acts for one of those schools, so sees its pupils.
        decaan = RoleAssignment.objects.get(
            membership__partnership=partnership,
            membership__user__email="decaan@example.org",
            role="decaan",
        )
        assert decaan.organisation in senders
        result = figures.cohort_figures(
            partnership=partnership, cohort=cohorts[-1], dimension="sending"
        )
        # Enough pupils that the latest cohort's figures are shown, not hidden (k-anonymity).
        assert not result.total.total.figures["started"].hidden
    # Loading it again adds nothing to this app's tables (or any other): proved for every
    # table at once by core/tests/test_load_demo.py::test_loading_the_demo_twice_adds_nothing.
