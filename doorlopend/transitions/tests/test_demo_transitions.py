"""The demo pupils: two years, deterministic, loaded once, and a decaan at the mbo school."""

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Partnership, RoleAssignment
from doorlopend.transitions.demo import MBO_DECAAN_EMAIL
from doorlopend.transitions.models import Signal, StatusEvent, Transition
from doorlopend.transitions.selectors import figures

pytestmark = pytest.mark.django_db


def test_demo_loads_twice_without_change(settings):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    with scopes_disabled():
        partnership = Partnership.objects.get(slug="rivierenland")
        counts = (
            Transition.objects.filter(partnership=partnership).count(),
            StatusEvent.objects.filter(partnership=partnership).count(),
            Signal.objects.filter(partnership=partnership).count(),
        )
        assert counts[0] > 300
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
        result = figures.cohort_figures(
            partnership=partnership, cohort=cohorts[-1], dimension="sending"
        )
        assert not result.total.total.figures["started"].hidden
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    with scopes_disabled():
        again = (
            Transition.objects.filter(partnership=partnership).count(),
            StatusEvent.objects.filter(partnership=partnership).count(),
            Signal.objects.filter(partnership=partnership).count(),
        )
    assert again == counts
