"""The one path of notification e-mail: language, parts, unsubscribe, choices, once."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from doorlopend.accounts import notifications
from doorlopend.accounts.models import (
    NotificationKind,
    NotificationOptOut,
    NotificationSent,
)
from doorlopend.accounts.tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mail_worker")]
PARTNERSHIP = {"name": "Samenwerkingsverband Rivierenland"}


def assign(user, by=None, **extra):
    return notifications.notify_assigned(
        user=user,
        by_user=by,
        item_kind="taak" if not extra.get("lazy") else extra["lazy"],
        title="Voorlichtingsavond plannen",
        due_date=datetime.date(2027, 3, 1),
        path="/p/rivierenland/plan/taken/mijn/",
        partnership=PARTNERSHIP,
    )


def unsubscribe_path(message) -> str:
    found = re.search(
        r"https://doorlopend\.example\.org(/accounts/unsubscribe/\S+/)", message.body
    )
    assert found, message.body
    return found.group(1)


def test_an_assignment_mail_is_dutch_with_html_text_and_unsubscribe(
    django_capture_on_commit_callbacks,
):
    user = UserFactory(name="Anna de Vries")
    by = UserFactory(name="Carla Coördinator")
    with django_capture_on_commit_callbacks(execute=True):
        assert assign(user, by)
    [message] = mail.outbox
    assert message.to == [user.email]
    assert message.subject == "Aan jou toegewezen: Voorlichtingsavond plannen"
    assert "Carla Coördinator heeft je een taak gegeven" in message.body
    assert "1 maart 2027" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="nl">' in html
    assert "https://doorlopend.example.org/p/rivierenland/plan/taken/mijn/" in html
    path = unsubscribe_path(message)
    assert path in html
    assert message.extra_headers["List-Unsubscribe"].endswith(f"{path}>")
    assert (
        message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )


def test_nothing_is_sent_to_whoever_assigns_to_themselves(
    django_capture_on_commit_callbacks,
):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        assert not assign(user, by=user)
    assert mail.outbox == []


def test_the_mail_follows_the_recipients_language(django_capture_on_commit_callbacks):
    from django.utils.translation import gettext_lazy

    user = UserFactory(name="Sam Smith", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        assign(user, lazy=gettext_lazy("task"))
    [message] = mail.outbox
    assert message.subject == "Assigned to you: Voorlichtingsavond plannen"
    assert "A task was assigned to you" in message.body
    assert '<html lang="en">' in message.alternatives[0][0]


def test_no_mail_goes_out_before_the_write_commits(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assign(user)
    assert mail.outbox == []  # the worker gets it only once the transaction commits
    assert len(callbacks) == 1


def test_a_switched_off_kind_is_not_sent_and_others_still_are(
    django_capture_on_commit_callbacks,
):
    user = UserFactory()
    NotificationOptOut.objects.create(user=user, kind=NotificationKind.ASSIGNED)
    with django_capture_on_commit_callbacks(execute=True):
        assert not assign(user)
        assert notifications.notify_due(
            user=user,
            overdue=True,
            item_kind="taak",
            title="Evaluatie",
            due_date=datetime.date(2027, 1, 5),
            path="/",
            partnership=PARTNERSHIP,
            key="x:1",
        )
    [message] = mail.outbox
    assert message.subject == "Te laat: Evaluatie"


def test_a_once_key_sends_once(django_capture_on_commit_callbacks):
    user = UserFactory()
    reminder = {
        "user": user,
        "overdue": False,
        "item_kind": "taak",
        "title": "Evaluatie",
        "due_date": datetime.date(2027, 1, 5),
        "path": "/",
        "partnership": PARTNERSHIP,
        "key": "planning.task:7",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.notify_due(**reminder)
        assert not notifications.notify_due(**reminder)
        # A new due date earns a new reminder.
        assert notifications.notify_due(
            **reminder | {"due_date": datetime.date(2027, 2, 1)}
        )
    assert len(mail.outbox) == 2


def test_inactive_accounts_get_nothing(django_capture_on_commit_callbacks):
    user = UserFactory(is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert not assign(user)
    assert mail.outbox == []


def test_the_unsubscribe_link_works_without_login_and_stops_that_kind(
    django_capture_on_commit_callbacks,
):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        assign(user)
    path = unsubscribe_path(mail.outbox[0])
    client = Client()
    page = client.get(path)
    assert page.status_code == 200
    assert "Iets is aan jou toegewezen" in page.content.decode()
    # Opening the link (a mail server's link checker does) switches nothing off.
    assert not NotificationOptOut.objects.filter(user=user).exists()
    done = client.post(path)
    assert "je krijgt geen e-mail meer over" in done.content.decode()
    assert list(
        NotificationOptOut.objects.filter(user=user).values_list("kind", flat=True)
    ) == [NotificationKind.ASSIGNED]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert not assign(user)
    assert mail.outbox == []


def test_a_forged_unsubscribe_link_is_refused():
    user = UserFactory()
    token = notifications.unsubscribe_token(user, NotificationKind.ASSIGNED)
    response = Client().post(f"/accounts/unsubscribe/{token[:-2]}xx/")
    assert response.status_code == 400
    assert "Deze link klopt niet" in response.content.decode()
    assert not NotificationOptOut.objects.exists()


def test_keys_of_old_sent_mail_are_forgotten():
    old = NotificationSent.objects.create(key="overdue:planning.task:1:2027-01-01:1")
    NotificationSent.objects.filter(pk=old.pk).update(
        sent_at=timezone.now() - datetime.timedelta(days=91)
    )
    NotificationSent.objects.create(key="weekly_digest:1:1:2027-W14")
    assert notifications.sent_prune(today=timezone.localdate()) == 1
    assert list(NotificationSent.objects.values_list("key", flat=True)) == [
        "weekly_digest:1:1:2027-W14"
    ]
