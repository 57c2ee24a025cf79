"""The plan's card on the partnership's overview page."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Membership
from doorlopend.reflection.tests.factories import ActionPointFactory, SessionFactory

from .factories import TaskFactory


def test_the_card_counts_my_tasks_late_tasks_and_the_inbox(
    partnership, member_of, client_for
):
    from django.test import Client

    user = member_of(partnership, "werkgroeplid")
    with scopes_disabled():
        me = Membership.objects.get(partnership=partnership, user=user)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    TaskFactory(partnership=partnership, owner=me)
    TaskFactory(partnership=partnership, owner=me, due_date=yesterday)
    TaskFactory(partnership=partnership, due_date=yesterday, status="done")
    ActionPointFactory(session=SessionFactory(partnership=partnership))
    client = Client()
    client.force_login(user)
    body = client.get(
        reverse("partnerships:dashboard", args=[partnership.slug])
    ).content.decode()
    assert (
        ngettext(
            "%(counter)s open task is yours", "%(counter)s open tasks are yours", 2
        )
        % {"counter": 2}
        in body
    )
    assert (
        ngettext("%(counter)s task is overdue", "%(counter)s tasks are overdue", 1)
        % {"counter": 1}
        in body
    )
    assert (
        ngettext(
            "%(counter)s action point waits in the inbox",
            "%(counter)s action points wait in the inbox",
            1,
        )
        % {"counter": 1}
        in body
    )
