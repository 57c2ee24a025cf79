"""The plan's calendar: an ICS download, a member's private feeds, and the feed itself."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.core import is_ratelimited
from django_scopes import scope

from doorlopend.core.submit_once import submit_once
from doorlopend.partnerships.access import partnership_view

from .. import ics
from ..models import CalendarFeed
from ..selectors import calendar as selectors
from ..services import calendar as services

ICS_TYPE = "text/calendar; charset=utf-8"
# Reads of one feed (calendars poll every 15–60 min), and unknown tokens from one address.
FEED_RATE = settings.PLANNING_FEED_RATE
FEED_IP_RATE = settings.PLANNING_FEED_IP_RATE


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=ICS_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@partnership_view("planning.view")
@require_GET
def calendar_ics(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    data = selectors.partnership_calendar(partnership=partnership)
    name = _("Plan van aanpak %(name)s") % {"name": partnership.name}
    body = ics.calendar_bytes(name=name, data=data)
    return _ics(body, f"plan-{slugify(partnership.slug)}.ics")


@partnership_view("planning.tasks")
@require_http_methods(["GET", "POST"])
def calendar_feeds(request: HttpRequest) -> HttpResponse:
    """The member's own feeds: make one (its address shown once), revoke one."""
    membership = request.membership
    new_url = ""
    if request.method == "POST":
        if request.POST.get("revoke"):
            feed = get_object_or_404(
                CalendarFeed,
                pk=request.POST["revoke"] if request.POST["revoke"].isdigit() else 0,
                membership=membership,
            )
            services.feed_revoke(feed=feed)
            messages.success(
                request, _("The feed was revoked; its address no longer works.")
            )
            return redirect("planning:calendar_feeds", request.partnership.slug)
        try:
            _feed, token = submit_once(
                request, lambda: services.feed_create(membership=membership)
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("planning:calendar_feeds", request.partnership.slug)
        new_url = request.build_absolute_uri(
            reverse("planning_feed:feed", args=[token])
        )
    context = {
        "feeds": selectors.active_feeds(membership=membership),
        "new_url": new_url,
    }
    response = render(request, "planning/calendar/calendar_feeds.html", context)
    response["Cache-Control"] = "no-store"  # the address is shown once, never cached
    return response


def _unknown_token_over_limit(request: HttpRequest) -> bool:
    """Count one unknown or revoked token for this address; True when over the limit."""
    return is_ratelimited(
        request, group="planning.feed.ip", key="ip", rate=FEED_IP_RATE, increment=True
    )


def _feed_over_limit(request: HttpRequest, token: str) -> bool:
    """Count one read of this feed; True when it is read more often than calendars poll."""
    return is_ratelimited(
        request,
        group="planning.feed",
        key=lambda group, request: services.token_hash(token),
        rate=FEED_RATE,
        increment=True,
    )


def _too_many() -> HttpResponse:
    return HttpResponse(
        _("Too many requests for this calendar; try again later."), status=429
    )


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """A member's private feed, read by calendar apps without a login: the token is the
    key. Unknown or revoked: 404, so an address says nothing about whether it existed.

    A known feed is limited only by its own rate; the per-address limit counts unknown
    tokens only, so the calendars of a whole school behind one address all keep reading
    while someone there guesses (in vain: a token has 256 random bits)."""
    found = services.feed_for_token(token)
    if found is None:
        if _unknown_token_over_limit(request):
            return _too_many()
        raise Http404("No such feed.")
    if _feed_over_limit(request, token):
        return _too_many()
    membership = found.membership
    with scope(partnership=membership.partnership):
        services.feed_touch(feed=found)
        data = selectors.member_calendar(membership=membership)
        name = _("My plan van aanpak (%(name)s)") % {
            "name": membership.partnership.name
        }
        body = ics.calendar_bytes(name=name, data=data)
    response = _ics(body, "doorlopend.ics")
    response["Cache-Control"] = "private, max-age=900"
    return response
