"""The demo partnership's API key: the coördinator's dashboard key, so the keys page shows
one. Its token is not kept (a key's token is shown once); `make_demo_api_keys` makes keys
to use. Idempotent."""

from __future__ import annotations

import datetime

from django.utils import timezone

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.models import Membership
from doorlopend.partnerships.roles import Role

from .models import ApiToken
from .services import token_create

NAME = "Dashboard van de regio"


def load_demo(context: DemoContext) -> None:
    partnership = context.partnership
    if ApiToken.objects.filter(partnership=partnership, name=NAME).exists():
        return
    coordinator = (
        Membership.objects.filter(
            partnership=partnership, user=context.people[Role.COORDINATOR]
        )
        .select_related("partnership", "user")
        .prefetch_related("roles__organisation")
        .get()
    )
    token_create(
        by=coordinator,
        name=NAME,
        scopes=["figures:read", "progress:read"],
        expires_on=timezone.localdate() + datetime.timedelta(days=180),
    )
    context.count("api keys", 1)
