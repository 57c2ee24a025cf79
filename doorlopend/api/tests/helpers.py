"""Shared set-up of the API tests: schools, a member's key, the header that sends it."""

from __future__ import annotations

import datetime

from django_scopes import scope, scopes_disabled

from doorlopend.api.models import ApiToken
from doorlopend.api.services import token_create
from doorlopend.partnerships.models import Membership
from doorlopend.transitions.tests.import_helpers import schools

PARTNERSHIP_SCOPES = ["figures:read", "progress:read", "reflection:read"]
SCHOOL_SCOPES = ["pupils:write", "signals:read"]


def membership(partnership, user) -> Membership:
    with scopes_disabled():
        return (
            Membership.objects.prefetch_related("roles__organisation")
            .select_related("partnership", "user")
            .get(partnership=partnership, user=user)
        )


def key_for(
    partnership, user, scopes, school=None, name="Magister"
) -> tuple[ApiToken, str]:
    with scope(partnership=partnership):
        return token_create(
            by=membership(partnership, user),
            name=name,
            scopes=scopes,
            expires_on=datetime.date.today() + datetime.timedelta(days=30),
            school=school,
        )


def bearer(token: str, **headers) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}", **headers}


class World:
    """A vo and an mbo school, a decaan of the vo school with a school key, and a
    coördinator with a partnership key."""

    def __init__(self, partnership, member_of):
        self.partnership = partnership
        self.vo, self.mbo = schools(partnership)
        self.decaan = member_of(partnership, "decaan", organisation=self.vo)
        self.coordinator = member_of(partnership, "coordinator")
        self.school_key, self.school_token = key_for(
            partnership, self.decaan, SCHOOL_SCOPES, school=self.vo
        )
        self.key, self.token = key_for(
            partnership, self.coordinator, PARTNERSHIP_SCOPES
        )

    def url(self, tail: str, slug: str | None = None) -> str:
        return f"/api/v1/partnerships/{slug or self.partnership.slug}/{tail}"

    def school_url(self, tail: str, school=None) -> str:
        return self.url(f"schools/{(school or self.vo).pk}/{tail}")
