"""The reflection sessions about a route, on the route's page (registered in
`ReflectionConfig.ready()`). They outlive the route: routes keeps its name on them."""

from __future__ import annotations

from django.http import HttpRequest

from doorlopend.routes.models import Leerroute
from doorlopend.routes.parts import RoutePart

from .models import Session


def reflection_sessions_of(route: Leerroute) -> list[Session]:
    """The reflection sessions about the route, newest first, in one query."""
    return list(
        Session.objects.filter(partnership=route.partnership_id, leerroute=route)
        .only("pk", "title", "date", "state", "created_at", "partnership_id")
        .order_by("-date", "-created_at")
    )


def _page(request: HttpRequest, route: Leerroute) -> dict:
    return {
        "sessions": reflection_sessions_of(route),
        "can_reflect": request.membership.has_perm("reflection.manage"),
    }


SESSIONS = RoutePart(name="reflection_sessions", page=_page)
