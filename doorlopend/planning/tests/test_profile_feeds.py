"""The calendar feeds on the profile page: per partnership, only the person's own."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.accounts.tests.factories import UserFactory
from doorlopend.partnerships.models import Membership
from doorlopend.planning.services.calendar import feed_create, feed_revoke

pytestmark = pytest.mark.django_db


def test_the_profile_lists_each_partnerships_feeds_in_few_queries(
    partnership, other_partnership, member_of, django_assert_max_num_queries
):
    user = member_of(partnership, "docent")
    member_of(other_partnership, "coordinator", user=user)
    colleague = member_of(partnership, "docent")
    with scopes_disabled():
        mine = Membership.objects.get(partnership=partnership, user=user)
        theirs = Membership.objects.get(partnership=partnership, user=colleague)
        feed_create(membership=mine)
        old, _token = feed_create(membership=mine)
        feed_revoke(feed=old)
        feed_create(membership=theirs)
    client = Client()
    client.force_login(user)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("accounts:profile")).content.decode()
    assert "Agendafeed" in page
    assert re.search(r"Rivierenland</a>:\s+1 werkende feed\s", page)
    assert re.search(r"Zeeuwse Delta</a>:\s+0 werkende feeds", page)
    assert reverse("planning:calendar_feeds", args=[partnership.slug]) in page


def test_no_feed_section_without_a_partnership(db):
    client = Client()
    client.force_login(UserFactory())
    assert "Agendafeed" not in client.get(reverse("accounts:profile")).content.decode()
