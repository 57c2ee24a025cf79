"""A task's new owner gets an e-mail; its due date earns one reminder before and after."""

import datetime

import pytest
from django.core import mail
from django_scopes import scope, scopes_disabled

from doorlopend.accounts.models import NotificationSent
from doorlopend.partnerships.models import Membership
from doorlopend.planning.models import TaskStatus
from doorlopend.planning.notify import reminders_send
from doorlopend.planning.services import tasks as services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mail_worker")]
TODAY = datetime.date(2027, 3, 10)


def membership(partnership, user) -> Membership:
    with scopes_disabled():
        return Membership.objects.prefetch_related("roles").get(
            partnership=partnership, user=user
        )


@pytest.fixture
def people(partnership, member_of):
    coordinator = membership(partnership, member_of(partnership))
    docent = membership(partnership, member_of(partnership, "docent"))
    return coordinator, docent


def test_the_owner_hears_of_a_new_task(
    partnership, people, django_capture_on_commit_callbacks
):
    coordinator, docent = people
    with (
        scope(partnership=partnership),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.task_create(
            partnership=partnership,
            by=coordinator,
            title="Gastles techniek regelen",
            owner=docent,
            due_date=datetime.date(2027, 4, 1),
        )
    [message] = mail.outbox
    assert message.to == [docent.user.email]
    assert message.subject == "Aan jou toegewezen: Gastles techniek regelen"
    assert f"{coordinator.user.name} heeft je een taak gegeven" in message.body
    assert f"/p/{partnership.slug}/plan/taken/mijn/" in message.body


def test_a_new_owner_hears_of_it_and_an_unchanged_one_does_not(
    partnership, people, django_capture_on_commit_callbacks
):
    coordinator, docent = people
    with (
        scope(partnership=partnership),
        django_capture_on_commit_callbacks(execute=True),
    ):
        task = services.task_create(
            partnership=partnership, by=coordinator, title="Folder"
        )
        services.task_update(task=task, by=coordinator, owner=docent)
        services.task_update(task=task, by=coordinator, title="Folder maken")
    assert [m.to for m in mail.outbox] == [[docent.user.email]]


def test_taking_a_task_yourself_sends_nothing(
    partnership, people, django_capture_on_commit_callbacks
):
    coordinator, _docent = people
    with (
        scope(partnership=partnership),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.task_create(
            partnership=partnership,
            by=coordinator,
            title="Zelf doen",
            owner=coordinator,
        )
    assert mail.outbox == []


def test_reminders_before_and_after_the_due_date_go_once(
    partnership, people, django_capture_on_commit_callbacks
):
    coordinator, docent = people
    with scope(partnership=partnership):
        soon = services.task_create(
            partnership=partnership,
            by=None,
            title="Bijna",
            owner=docent,
            due_date=TODAY + datetime.timedelta(days=2),
        )
        services.task_create(
            partnership=partnership,
            by=None,
            title="Te laat",
            owner=docent,
            due_date=TODAY - datetime.timedelta(days=1),
        )
        services.task_create(
            partnership=partnership,
            by=None,
            title="Klaar",
            owner=docent,
            due_date=TODAY - datetime.timedelta(days=1),
            status=TaskStatus.DONE,
        )
        services.task_create(
            partnership=partnership,
            by=None,
            title="Later",
            owner=docent,
            due_date=TODAY + datetime.timedelta(days=20),
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(today=TODAY) == 2
        assert reminders_send(today=TODAY) == 0  # the sweep ran twice: nothing twice
        assert reminders_send(today=TODAY + datetime.timedelta(days=1)) == 0
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == ["Af op 12 maart: Bijna", "Te laat: Te laat"]
    assert NotificationSent.objects.count() == 2
    # Moved to a new date: a new reminder.
    with scope(partnership=partnership):
        services.task_update(task=soon, due_date=TODAY + datetime.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(today=TODAY) == 1
