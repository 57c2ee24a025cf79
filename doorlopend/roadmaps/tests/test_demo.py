"""The demo: a checklist under way with history, and running it twice changes nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Partnership

from ..models import ItemChange, ItemState, Roadmap, Status

pytestmark = pytest.mark.django_db


def test_demo_progress_is_there_and_idempotent():
    call_command("load_demo", verbosity=0)
    with scopes_disabled():
        partnership = Partnership.objects.get(slug="rivierenland")
        checklist = Roadmap.objects.get(partnership=partnership, route=None)
        states = list(ItemState.objects.filter(roadmap=checklist))
        changes = ItemChange.objects.count()
        today = timezone.localdate()
        assert any(s.status == Status.DONE for s in states)
        assert any(s.status == Status.IN_PROGRESS for s in states)
        assert sum(1 for s in states if s.is_overdue) == 1
        soon = [
            s
            for s in states
            if s.is_open and s.due_date and 0 <= (s.due_date - today).days <= 28
        ]
        assert len(soon) == 2
        assert any(s.organisation_id and s.status == Status.DONE for s in states)
        assert any(s.owner_id for s in states)
        route = partnership.leerroutes.order_by("pk").first()
        if route is not None:  # the routes app made its demo route: three steps worked
            worked = ItemState.objects.filter(roadmap__route=route).exclude(
                status=Status.NOT_STARTED
            )
            assert worked.count() == 3
            decided = ItemState.objects.get(
                roadmap__route=route, item_key="benoemen-trekkers"
            )
            assert decided.decision_session.instrument.key == "besluitvorming"
            assert decided.decision_session.participants.count() == 4
        call_command("load_demo", verbosity=0)
        assert ItemChange.objects.count() == changes
