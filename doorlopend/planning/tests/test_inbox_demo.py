"""The inbox's demo data: two points handled, one waiting; idempotent; no feed."""

import pytest
from django_scopes import scope

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.roles import Role
from doorlopend.reflection.tests.factories import ActionPointFactory, SessionFactory

from ..demo import inbox as demo_inbox
from ..models import CalendarFeed, Task, Triage
from ..selectors.inbox import inbox_open

pytestmark = pytest.mark.django_db


def test_demo_handles_two_points_and_leaves_one(partnership, member_of):
    coordinator = member_of(partnership, "coordinator")
    session = SessionFactory(partnership=partnership)
    ActionPointFactory(session=session, title="Eerste punt")
    ActionPointFactory(session=session, title="Tweede punt")
    context = DemoContext(
        partnership=partnership, people={Role.COORDINATOR: coordinator}
    )
    with scope(partnership=partnership):
        demo_inbox.load_demo(context)
        demo_inbox.load_demo(context)  # idempotent
        assert Triage.objects.count() == 2
        assert Task.objects.get().title == "Eerste punt"
        assert Triage.objects.get(outcome="declined").reason
        assert [p.title for p in inbox_open(partnership=partnership)] == [
            demo_inbox.WAITING
        ]
        assert not CalendarFeed.objects.exists()
