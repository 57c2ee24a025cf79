"""The calendar feeds on the person's profile page (accounts asks; planning answers).

A feed's address is shown once, when it is made (only its hash is kept), so the profile
lists per partnership how many feeds work and links to the page that makes a new address
and revokes old ones.
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Membership

TEMPLATE = "planning/calendar/_profile_feeds.html"


def feeds_context(request: HttpRequest) -> dict | None:
    # The person's own memberships in every partnership: the profile is above them all.
    with scopes_disabled():
        memberships = list(
            Membership.objects.filter(user=request.user)
            .select_related("partnership")
            .prefetch_related("roles")
            .annotate(
                active_feeds=Count(
                    "calendar_feeds", filter=Q(calendar_feeds__revoked_at__isnull=True)
                )
            )
            .order_by("partnership__name")
        )
    rows = [
        {
            "partnership": membership.partnership,
            "active": membership.active_feeds,
            "url": reverse(
                "planning:calendar_feeds",
                kwargs={"partnership_slug": membership.partnership.slug},
            ),
        }
        for membership in memberships
        if membership.has_perm("planning.tasks")
    ]
    return {"rows": rows} if rows else None
