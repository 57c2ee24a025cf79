"""Private calendar feeds: made, revoked, and found again by their token.

A feed's address carries a random token; only its SHA-256 hash is stored (as for
invitations), so a leaked database gives no working feed address. The address is shown
once, when the feed is made. A revoked feed answers 404, like a token never made.
"""

from __future__ import annotations

import datetime
import secrets

from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.core.tokens import token_hash
from doorlopend.partnerships.models import Membership

from ..models import CalendarFeed

# A feed not read for this long is not worth a write each time a calendar polls it.
TOUCH_EVERY = datetime.timedelta(minutes=15)


@transaction.atomic
def feed_create(*, membership: Membership) -> tuple[CalendarFeed, str]:
    """A new feed of `membership`; returns it and its token (never stored)."""
    token = secrets.token_urlsafe(32)
    feed = CalendarFeed(membership=membership, token_hash=token_hash(token))
    feed.full_clean()
    feed.save()
    return feed, token


@transaction.atomic
def feed_revoke(*, feed: CalendarFeed) -> CalendarFeed:
    """Stop the feed for good; calendars that subscribed get 404 from now on."""
    if feed.revoked_at is None:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
    return feed


def feed_for_token(token: str) -> CalendarFeed | None:
    """The working feed of `token`, with its member and partnership, or None."""
    if not token or len(token) > 100:
        return None
    # The feed is read without a login, before any partnership is known: the token is
    # the only key, and the partnership comes from the feed found.
    with scopes_disabled():
        return (
            CalendarFeed.objects.select_related(
                "membership__partnership", "membership__user"
            )
            .filter(
                token_hash=token_hash(token),
                revoked_at__isnull=True,
                membership__user__is_active=True,
            )
            .first()
        )


def feed_touch(*, feed: CalendarFeed) -> None:
    """Remember when the feed was last read (at most one write per TOUCH_EVERY)."""
    now = timezone.now()
    if feed.last_used_at is None or now - feed.last_used_at > TOUCH_EVERY:
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
        feed.last_used_at = now
