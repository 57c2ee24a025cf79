"""What later apps hang on a route: the step plan, reflection sessions, documents.

In the app order routes comes before roadmaps, reflection and documents, so it does not
import them; each registers its part here from its `AppConfig.ready()`. A part may act
when a route is made (inside `route_create`'s transaction), name the files that go with a
deleted route, count what deleting takes with it, and add to the route's page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import HttpRequest

from .models import Leerroute


@dataclass(frozen=True)
class RoutePart:
    name: str
    created: Callable[[Leerroute], object] | None = None
    files: Callable[[Leerroute], Iterable[str]] | None = None
    # How many of the part's things deleting the route takes with it.
    count: Callable[[Leerroute], int] | None = None
    # The part's context on the route's page.
    page: Callable[[HttpRequest, Leerroute], dict] | None = None
    # Annotations of the route list (aggregates over the part's rows): name -> expression.
    list_annotations: Callable[[], dict] | None = None


_PARTS: dict[str, RoutePart] = {}


def route_part_register(part: RoutePart) -> None:
    """Register a part (by name: registering again replaces it)."""
    _PARTS[part.name] = part


def route_parts() -> list[RoutePart]:
    return list(_PARTS.values())


def route_list_annotations() -> dict:
    """The annotations every part adds to the route list."""
    return {
        name: expression
        for part in _PARTS.values()
        if part.list_annotations
        for name, expression in part.list_annotations().items()
    }


def route_part_count(name: str, route: Leerroute) -> int:
    """The count of the part `name` (0 when no app registers it)."""
    part = _PARTS.get(name)
    return part.count(route) if part and part.count else 0
