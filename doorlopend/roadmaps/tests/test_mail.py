"""E-mail about checklist items: to a new owner, and reminders of the due date."""

import datetime

import pytest
from django.core import mail
from django_scopes import scopes_disabled

from ..models import Status
from ..notify import reminders_send
from ..services import items
from . import factories
from .conftest import WIDE_ITEM

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mail_worker")]
TODAY = datetime.date(2027, 3, 10)


def test_a_checklist_items_new_owner_hears_of_it_once(
    partnership, checklist, django_capture_on_commit_callbacks
):
    coordinator = factories.membership(partnership, "coordinator")
    werkgroeplid = factories.membership(partnership, "werkgroeplid")
    state = factories.state(checklist, WIDE_ITEM)
    with scopes_disabled(), django_capture_on_commit_callbacks(execute=True):
        items.state_update(state=state, by=coordinator, owner=werkgroeplid)
        items.state_update(state=state, by=coordinator, notes="Eerste opzet")
    [message] = mail.outbox
    assert message.to == [werkgroeplid.user.email]
    assert "heeft je een checklistpunt gegeven" in message.body
    assert f"/routekaarten/items/{state.pk}/" in message.body


def test_taking_an_item_yourself_sends_nothing(
    partnership, checklist, django_capture_on_commit_callbacks
):
    coordinator = factories.membership(partnership, "coordinator")
    state = factories.state(checklist, WIDE_ITEM)
    with scopes_disabled(), django_capture_on_commit_callbacks(execute=True):
        items.state_update(state=state, by=coordinator, owner=coordinator)
    assert mail.outbox == []


def test_an_open_items_owner_is_reminded_once_and_a_done_one_not(
    partnership, checklist, django_capture_on_commit_callbacks
):
    coordinator = factories.membership(partnership, "coordinator")
    state = factories.state(checklist, WIDE_ITEM)
    with scopes_disabled():
        items.state_update(
            state=state,
            by=coordinator,
            owner=coordinator,
            due_date=TODAY - datetime.timedelta(days=3),
        )
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(today=TODAY) == 1
        assert reminders_send(today=TODAY) == 0
    [message] = mail.outbox
    assert message.subject.startswith("Te laat: ")
    assert "moest af zijn op zondag 7 maart 2027" in message.body
    with scopes_disabled():
        items.state_update(
            state=state,
            by=coordinator,
            status=Status.DONE,
            due_date=TODAY - datetime.timedelta(days=2),
        )
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(today=TODAY) == 0
