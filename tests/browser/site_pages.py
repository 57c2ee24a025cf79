"""Every page of the demo, per role: found from the URL patterns, not from a list.

`discover()` fills each route's kwargs with objects of the demo partnership
(`tests/demo_values.py`, shared with `bench/pages.py`; a route it cannot fill fails the
test), requests it in-process as each demo user in turn and keeps the pages that answer
200 with a whole HTML page. A page is visited once, as the first role
that reaches it, and again as another role only when that role is shown markup the
earlier ones were not (e.g. a decaan of an mbo school sees other columns of the pupil
list): hiding a button never makes a page wider, showing one can.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.test import Client
from django_scopes import scopes_disabled

from doorlopend.accounts.models import User
from doorlopend.core.urlwalk import all_routes
from doorlopend.partnerships.models import Organisation, Partnership

from ..demo_values import school_values, unreachable, values_for

SLUG = "rivierenland"
# Realistic long Dutch names: they must wrap between words, never inside one.
LONG_PARTNERSHIP = "Samenwerkingsverband Voortgezet Onderwijs Rivierenland en Betuwe"
LONG_SCHOOL = (
    "Openbare Scholengemeenschap voor Praktijkonderwijs en Vmbo De Betuwse Waard"
)
# A visitor who joined the open reflection session on their phone (no account).
PARTICIPANT = "participant"
# The users a page is tried as, in this order; None is a visitor who is not logged in.
USERS = (
    "coordinator@example.org",
    "decaan@example.org",
    "decaan-mbo@example.org",
    "mentor@example.org",
    "privacy-officer@example.org",
    "portefeuillehouder@example.org",
    "stuurgroep@example.org",
    "werkgroeplid@example.org",
    "ambassadeur@example.org",
    "docent@example.org",
    "landelijk-adviseur@example.org",
    "beheer@example.org",
    None,
    PARTICIPANT,
)
# Not pages: they act on GET (log out, switch language) or answer in another format.
# The API's docs are django-ninja's own Swagger UI page, not one of ours.
SKIPPED = {
    "accounts:logout",
    "set_language",
    "core:health",
    "core:alive",
    "api:openapi-view",
}
_TAG = re.compile(r"<([a-z][a-z0-9]*)\b([^>]*)>", re.IGNORECASE)
_CLASS = re.compile(r'\bclass="([^"]*)"')


@dataclass(frozen=True)
class Page:
    name: str  # the route's name, e.g. "planning:budget"
    url: str
    user: str | None  # the e-mail address of the user who visits it

    @property
    def label(self) -> str:
        who = (self.user or "visitor").split("@")[0]
        return f"{self.name.replace(':', '-')}--{who}"


def lengthen_names() -> None:
    """Give the demo partnership and one of its schools long, real-looking names."""
    with scopes_disabled():
        Partnership.objects.filter(slug=SLUG).update(name=LONG_PARTNERSHIP)
        school = (
            Organisation.objects.filter(partnership__slug=SLUG, kind="vo")
            .order_by("name")
            .last()
        )
        school.name = LONG_SCHOOL
        school.save(update_fields=["name"])


def _markup(html: str) -> set[str]:
    """The kinds of element in a page's <main>: tag and classes, no text or ids."""
    main = html.split("<main", 1)[-1]
    return {
        tag.lower() + "." + ".".join(sorted(m.group(1).split()))
        if (m := _CLASS.search(attrs))
        else tag.lower()
        for tag, attrs in _TAG.findall(main)
    }


def _is_page(response) -> bool:
    return (
        response.status_code == 200
        and response["Content-Type"].startswith("text/html")
        and b"<html" in response.content[:400]
    )


def discover() -> tuple[list[Page], dict[str | None, Client]]:
    """The pages to visit, in URL order, each with the user who visits it; and a logged-in
    client per user, whose cookies a browser can take over."""
    with scopes_disabled():
        partnership = Partnership.objects.get(slug=SLUG)
    common = values_for(partnership)
    clients: dict[str | None, tuple[Client, dict]] = {}
    for email in USERS:
        client = Client()
        values = dict(common)
        if email == PARTICIPANT:
            join = f"/doe-mee/{values['code']}/"
            client.post(join, {"sector": "mbo", "layer": "uitvoering"})
        elif email is not None:
            user = User.objects.get(email=email)
            client.force_login(user)
            values |= school_values(user, partnership)
        clients[email] = (client, values)
    missing = unreachable(
        all_routes(), [values for _client, values in clients.values()], SKIPPED
    )
    assert not missing, f"teach tests/demo_values.py these kwargs: {missing}"
    pages = []
    for route in all_routes():
        if route.name in SKIPPED:
            continue
        seen: set[str] = set()
        for email, (client, values) in clients.items():
            if any(kwarg not in values for kwarg in route.kwargs):
                continue
            if email in (None, PARTICIPANT) and route.in_partnership:
                continue  # asks to log in
            url = route.fill(values)
            response = client.get(url)
            if not _is_page(response):
                continue
            markup = _markup(response.content.decode())
            if not markup - seen:
                continue
            seen |= markup
            pages.append(Page(route.name, url, email))
    return pages, {email: client for email, (client, _values) in clients.items()}
