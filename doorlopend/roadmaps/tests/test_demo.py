"""The demo: a checklist under way with history, and a route with worked steps."""

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Partnership

from ..models import ItemState, Roadmap, Status

pytestmark = pytest.mark.django_db


def test_demo_progress_is_there(loaded_demo):
    with scopes_disabled():
        partnership = Partnership.objects.get(slug="rivierenland")
        checklist = Roadmap.objects.get(partnership=partnership, route=None)
        states = list(ItemState.objects.filter(roadmap=checklist))
        today = timezone.localdate()
        assert any(s.status == Status.DONE for s in states)
        assert any(s.status == Status.IN_PROGRESS for s in states)
        assert any(s.is_overdue for s in states)
        assert any(
            s.is_open and s.due_date and 0 <= (s.due_date - today).days <= 28
            for s in states
        )  # due within four weeks
        assert any(s.organisation_id and s.status == Status.DONE for s in states)
        assert any(s.owner_id for s in states)
        route = partnership.leerroutes.order_by("pk").first()
        if route is not None:  # the routes app made its demo route: three steps worked
            worked = ItemState.objects.filter(roadmap__route=route).exclude(
                status=Status.NOT_STARTED
            )
            assert worked.exists()
            decided = ItemState.objects.get(
                roadmap__route=route, item_key="benoemen-trekkers"
            )
            assert decided.decision_session.instrument.key == "besluitvorming"
            assert decided.decision_session.participants.exists()
    # Loading it again adds nothing to this app's tables (or any other): proved for every
    # table at once by core/tests/test_load_demo.py::test_loading_the_demo_twice_adds_nothing.
