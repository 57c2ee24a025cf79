"""Every named URL pattern of the project, for the tenancy sweep and the page benchmark.

Both must cover new URLs without anyone remembering to add them, so they walk the resolver
instead of keeping a list.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

_KWARG = re.compile(r"<(?:\w+:)?(\w+)>")
# Third-party areas with their own access control.
SKIPPED_NAMESPACES = ("admin:",)


@dataclass(frozen=True)
class Route:
    route: str  # e.g. "p/<slug:partnership_slug>/people/"
    name: str  # e.g. "partnerships:member_list"
    kwargs: tuple[str, ...]

    @property
    def in_partnership(self) -> bool:
        return self.route.startswith("p/")

    def fill(self, values: dict) -> str:
        """The path with each kwarg replaced by `values[kwarg]` (KeyError names a missing one)."""
        return "/" + _KWARG.sub(lambda m: str(values[m.group(1)]), self.route)


def all_routes() -> list[Route]:
    return [
        r
        for r in _walk(get_resolver(), "", "")
        if not r.name.startswith(SKIPPED_NAMESPACES)
    ]


def _walk(resolver: URLResolver, prefix: str, namespace: str) -> Iterator[Route]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            route = prefix + str(entry.pattern)
            yield Route(
                route=route,
                name=namespace + entry.name,
                kwargs=tuple(_KWARG.findall(route)),
            )
