"""A national world for the tests of the national pictures: partnerships that each hold
a closed reflection session, a worked checklist, a rated programme, a leerroute and a
year of transitions, spread over two regions."""

from __future__ import annotations

from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import PartnershipFactory, SchoolFactory
from doorlopend.programme.tests.factories import (
    ItemRatingFactory,
    ProgrammeFactory,
    ProgrammeItemFactory,
)
from doorlopend.registry.models import Region
from doorlopend.roadmaps.models import ItemState, Status
from doorlopend.roadmaps.tests.factories import checklist
from doorlopend.routes.tests.factories import LeerrouteFactory
from doorlopend.transitions.choices import RouteKind
from doorlopend.transitions.tests.factories import TransitionFactory

from .helpers import closed_session

YEAR = 2025
PICTURES = ["reflection", "checklist", "programme", "transitions", "routes"]


def region(code: str) -> Region:
    return Region.objects.get_or_create(code=code, defaults={"name": f"Regio {code}"})[
        0
    ]


def fill(partnership, *, level: int, pupils: int = 6, profile: str = "pie") -> None:
    """Everything a national picture counts, at `level` (1 to 5)."""
    closed_session(partnership, value=min(5, max(1, level)))
    roadmap = checklist(partnership)
    with scopes_disabled():
        keys = list(
            ItemState.objects.filter(roadmap=roadmap)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        done = keys[: len(keys) * level // 5]
        ItemState.objects.filter(pk__in=done).update(status=Status.DONE)
    programme = ProgrammeFactory(partnership=partnership)
    for n in range(5):
        item = ProgrammeItemFactory(programme=programme)
        if n < level:
            ItemRatingFactory(item=item, element="praktijkervaring", score=2)
    LeerrouteFactory(partnership=partnership, profile=profile)
    school = SchoolFactory(partnership=partnership, kind="vo")
    for n in range(pupils):
        TransitionFactory(
            partnership=partnership,
            cohort=YEAR,
            sending_organisation=school,
            route_kind=RouteKind.DLR if n % 2 else RouteKind.REGULIER,
            route_name="DLR Techniek" if n % 2 else "",
        )


def national_world(count: int = 6, *, code: str = "R1") -> list:
    """`count` partnerships named "Verband Geheim …" in one region, each filled."""
    out = []
    for n in range(count):
        p = PartnershipFactory(
            name=f"Verband Geheim {code} {n}",
            slug=f"geheim-{code.lower()}-{n}",
            region=region(code),
        )
        fill(p, level=1 + n % 5)
        out.append(p)
    return out


def national_url(picture: str) -> str:
    return reverse(f"national:{picture}")


def position_url(picture: str, partnership) -> str:
    return reverse(f"national_position:{picture}", args=[partnership.slug])
