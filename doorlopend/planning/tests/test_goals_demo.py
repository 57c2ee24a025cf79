"""The demo vision and goals load, and loading twice adds nothing."""

import pytest
from django_scopes import scopes_disabled

from doorlopend.core.demo import DemoContext
from doorlopend.core.testing.rows import added_rows, row_counts
from doorlopend.partnerships.models import OrganisationKind
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.tests.factories import OrganisationFactory

from ..demo import goals as demo_goals
from ..models import Goal, GoalRevision, Measurement, PartnerExpectation, VisionVersion

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent(partnership, member_of):
    for kind in (OrganisationKind.VO, OrganisationKind.MBO, OrganisationKind.HBO):
        OrganisationFactory(partnership=partnership, kind=kind)
    user = member_of(partnership, "coordinator")
    context = DemoContext(partnership=partnership, people={Role.COORDINATOR: user})
    with scopes_disabled():
        demo_goals.load_demo(context)
        before = row_counts()
        demo_goals.load_demo(context)
        assert added_rows(before, row_counts()) == {}
        # A vision with history, an expectation per kind of school, goals with measurements.
        assert VisionVersion.objects.count() > 1
        assert PartnerExpectation.objects.count() == 3
        assert GoalRevision.objects.exists()
        assert not Goal.objects.filter(measurements=None).exists()


def test_load_large_makes_fifty_goals(db, member_of):
    from doorlopend.partnerships.tests.factories import PartnershipFactory

    bench = PartnershipFactory(slug="bench-0")
    member_of(bench, "coordinator")
    with scopes_disabled():
        demo_goals.load_large(DemoContext())
        assert Goal.objects.filter(partnership=bench).count() == 50
        assert Measurement.objects.count() == 150
