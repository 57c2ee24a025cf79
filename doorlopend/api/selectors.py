"""The API keys a member sees on the keys page."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from doorlopend.partnerships.models import Membership
from doorlopend.transitions.access import WRITE_PERM, schools_where

from .models import ApiToken
from .scopes import PARTNERSHIP_KEYS, SCHOOL_KEYS


def visible_tokens(*, membership: Membership) -> QuerySet[ApiToken]:
    """The keys `membership` may see and revoke: the partnership's keys for those who
    make them (the coördinator), and the keys of the schools where one is decaan."""
    keys = ApiToken.objects.filter(partnership=membership.partnership)
    allowed = Q(pk__in=[])
    if membership.has_perm(PARTNERSHIP_KEYS):
        allowed |= Q(organisation__isnull=True)
    if membership.has_perm(SCHOOL_KEYS):
        schools = [s.pk for s in schools_where(membership, WRITE_PERM)]
        allowed |= Q(organisation__in=schools)
    return keys.filter(allowed).select_related(
        "organisation", "created_by", "revoked_by"
    )
