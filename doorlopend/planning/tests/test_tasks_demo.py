"""The demo's tasks, communication plan and change assignments; loading twice adds nothing."""

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.accounts.models import User
from doorlopend.core.demo import DemoContext
from doorlopend.core.testing.rows import added_rows, row_counts
from doorlopend.partnerships.demo import PERSON_NAMES, demo_email
from doorlopend.partnerships.models import Partnership
from doorlopend.partnerships.roles import Role
from doorlopend.planning.demo import work as demo_work
from doorlopend.planning.models import (
    ChangeAssignment,
    CommunicationItem,
    ProgressUpdate,
    Task,
)

pytestmark = pytest.mark.django_db


def test_demo_work_is_there_and_idempotent(loaded_demo):
    with scopes_disabled():
        partnership = Partnership.objects.get(slug="rivierenland")
        people = {
            role: User.objects.get(email=demo_email(role)) for role in PERSON_NAMES
        }
        context = DemoContext(partnership=partnership, people=people)
        before = row_counts()
        demo_work.load_demo(context)  # loaded once by load_demo already
        assert added_rows(before, row_counts()) == {}
        # The inbox's demo turns an action point into a task too; these are the plan's own.
        tasks = list(Task.objects.filter(partnership=partnership, triages=None))
        today = timezone.localdate()
        assert any(t.status == "done" for t in tasks)
        assert any(t.due_date < today and t.status != "done" for t in tasks)
        assert any(t.owner and t.owner.user == people[Role.COORDINATOR] for t in tasks)
        items = CommunicationItem.objects.filter(partnership=partnership)
        assert items.values("audience").distinct().count() > 1
        assignments = ChangeAssignment.objects.filter(partnership=partnership)
        lead = people[Role.PORTEFEUILLEHOUDER]
        assert assignments.filter(updated_by=lead).exists()
        assert assignments.exclude(updated_by=lead).exists()
        assert ProgressUpdate.objects.filter(assignment__in=assignments).exists()
