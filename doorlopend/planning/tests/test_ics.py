"""The ICS download and the private feeds, read back with icalendar."""

import datetime
from importlib import import_module

import pytest
from django.test import Client
from django.urls import NoReverseMatch, clear_url_caches, include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from icalendar import Calendar

from doorlopend.core.submit_once import FIELD
from doorlopend.core.testing.forms import submit_once_key
from doorlopend.partnerships.models import Membership

from ..models import CalendarFeed, Milestone
from ..services import calendar as services
from .factories import (
    ActivityFactory,
    ActivityPersonFactory,
    ChangeAssignmentFactory,
    GoalFactory,
    TaskFactory,
    calendar_feed,
)

pytestmark = pytest.mark.django_db

# Until config/urls.py mounts the feed (path("agenda/", include(...feed_urls))), these
# tests mount it themselves on top of the site's URLs.
urlpatterns = [
    *import_module("config.urls").urlpatterns,
    path("agenda/", include("doorlopend.planning.feed_urls")),
]


@pytest.fixture(autouse=True)
def _feed_mounted(settings):
    try:
        reverse("planning_feed:feed", args=["x"])
    except NoReverseMatch:
        settings.ROOT_URLCONF = __name__
        clear_url_caches()
    yield
    clear_url_caches()


def login(user):
    client = Client()
    client.force_login(user)
    return client


def at(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def events(body: bytes) -> dict[str, object]:
    cal = Calendar.from_ical(body)
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def membership_of(partnership, user):
    with scopes_disabled():
        return Membership.objects.get(partnership=partnership, user=user)


def feed_url(token):
    return reverse("planning_feed:feed", args=[token])


def test_download_parses_back_with_stable_uids(
    partnership, other_partnership, client_for
):
    soon = timezone.localdate() + datetime.timedelta(days=20)
    activity = ActivityFactory(
        partnership=partnership, title="Bedrijfsbezoek haven", starts_at=at(soon, 13)
    )
    goal = GoalFactory(
        partnership=partnership, title="Meer meeloopdagen", deadline=soon
    )
    assignment = ChangeAssignmentFactory(partnership=partnership)
    with scopes_disabled():
        milestone = Milestone.objects.create(
            assignment=assignment, title="Plan in MT", date=soon
        )
    ActivityFactory(
        partnership=other_partnership, title="Van elders", starts_at=at(soon)
    )
    client = client_for("stuurgroep")
    response = client.get(reverse("planning:calendar_ics", args=[partnership.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    found = events(response.content)
    plan = {uid for uid in found if not uid.startswith("dayoff-")}
    assert plan == {
        f"activity-{activity.pk}@doorlopend",
        f"goal-{goal.pk}@doorlopend",
        f"milestone-{milestone.pk}@doorlopend",
    }
    event = found[f"activity-{activity.pk}@doorlopend"]
    assert str(event["summary"]) == "Bedrijfsbezoek haven"
    start = event.decoded("dtstart")
    assert str(start.tzinfo) == "Europe/Amsterdam"
    assert (start.date(), start.hour) == (soon, 13)
    deadline = found[f"goal-{goal.pk}@doorlopend"]
    assert deadline.decoded("dtstart") == soon
    assert str(deadline["summary"]) == _("Goal deadline: %(title)s") % {
        "title": goal.title
    }
    # A second download keeps the same UIDs: calendars update, not duplicate.
    again = client.get(reverse("planning:calendar_ics", args=[partnership.slug]))
    assert set(events(again.content)) == set(found)


def test_make_a_feed_shows_its_address_once(partnership, client_for, member_of):
    user = member_of(partnership, "docent")
    client = login(user)
    page = reverse("planning:calendar_feeds", args=[partnership.slug])
    response = client.post(page)
    assert response.status_code == 200
    new_url = response.context["new_url"]
    token = new_url.rsplit("/", 1)[1].removesuffix(".ics")
    with scopes_disabled():
        feed = CalendarFeed.objects.get(membership__user=user)
    assert feed.token_hash == services.token_hash(token)
    assert token not in feed.token_hash
    assert new_url not in client.get(page).content.decode()  # shown once


def test_feed_shows_the_members_tasks_and_activities_only(
    partnership, member_of, client
):
    user = member_of(partnership, "docent")
    me = membership_of(partnership, user)
    someone = membership_of(partnership, member_of(partnership, "werkgroeplid"))
    due = timezone.localdate() + datetime.timedelta(days=5)
    mine = TaskFactory(
        partnership=partnership, title="Mijn taak", owner=me, due_date=due
    )
    TaskFactory(
        partnership=partnership, title="Taak van een ander", owner=someone, due_date=due
    )
    TaskFactory(
        partnership=partnership, title="Al klaar", owner=me, due_date=due, status="done"
    )
    joined = ActivityFactory(partnership=partnership, title="Mijn gastles")
    ActivityPersonFactory(activity=joined, membership=me)
    ActivityFactory(partnership=partnership, title="Niet mijn vergadering")
    _feed, token = calendar_feed(me)
    response = client.get(feed_url(token))
    assert response.status_code == 200
    found = events(response.content)
    assert set(found) == {
        f"task-{mine.pk}@doorlopend",
        f"activity-{joined.pk}@doorlopend",
    }
    task_event = found[f"task-{mine.pk}@doorlopend"]
    assert task_event.decoded("dtstart") == due
    with scopes_disabled():
        assert CalendarFeed.objects.get(pk=_feed.pk).last_used_at is not None


def test_unknown_token_is_404(client, db):
    assert client.get(feed_url("nope-not-a-token")).status_code == 404


def test_revoked_feed_is_404(partnership, member_of, client_for):
    user = member_of(partnership, "docent")
    feed, token = calendar_feed(membership_of(partnership, user))
    anonymous = Client()
    assert anonymous.get(feed_url(token)).status_code == 200
    member = login(user)
    page = reverse("planning:calendar_feeds", args=[partnership.slug])
    response = member.post(page, {"revoke": feed.pk})
    assert response.status_code == 302
    assert anonymous.get(feed_url(token)).status_code == 404
    with scopes_disabled():
        assert CalendarFeed.objects.get(pk=feed.pk).revoked_at is not None
    assert member.get(page).context["feeds"].count() == 0


def test_cannot_revoke_someone_elses_feed(partnership, member_of, client_for):
    other = membership_of(partnership, member_of(partnership, "docent"))
    feed, token = calendar_feed(other)
    page = reverse("planning:calendar_feeds", args=[partnership.slug])
    response = client_for("coordinator").post(page, {"revoke": feed.pk})
    assert response.status_code == 404
    with scopes_disabled():
        assert CalendarFeed.objects.get(pk=feed.pk).revoked_at is None


def test_feed_is_rate_limited(partnership, member_of, client, settings, monkeypatch):
    from ..views import calendar as views

    monkeypatch.setattr(views, "FEED_RATE", "2/m")
    _feed, token = calendar_feed(membership_of(partnership, member_of(partnership)))
    assert client.get(feed_url(token)).status_code == 200
    assert client.get(feed_url(token)).status_code == 200
    assert client.get(feed_url(token)).status_code == 429


def test_feeds_page_needs_a_staff_role(partnership, client_for):
    page = reverse("planning:calendar_feeds", args=[partnership.slug])
    assert client_for("landelijk_adviseur").post(page).status_code == 403


def test_pressing_make_a_feed_twice_makes_one_feed(partnership, member_of):
    user = member_of(partnership, "docent")
    client = login(user)
    page = reverse("planning:calendar_feeds", args=[partnership.slug])
    form = {FIELD: submit_once_key(client.get(page).content.decode())}
    first, second = client.post(page, form), client.post(page, form)
    assert first.context["new_url"] == second.context["new_url"]
    assert second.context["new_url"] in second.content.decode()
    with scopes_disabled():
        assert CalendarFeed.objects.filter(membership__user=user).count() == 1
