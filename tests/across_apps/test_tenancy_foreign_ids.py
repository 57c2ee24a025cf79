"""Own slug, foreign ids: the guard lets a member of B in, so only the lookups stand.

Every /p/ URL is requested by the roles of partnership B that reach it (the coördinator,
or the decaan, mentor and privacy officer where the coördinator cannot), with B's slug
and, one kwarg at a time and then all at once, A's object ids. Every answer must be 404
(or 405 for a method the view does not take) and show nothing of A. First each URL is
opened with B's own ids, which must not be 403 or 404 for at least one role: else the
sweep would prove nothing for that URL.
"""

import pytest

from .tenancy_world import (
    id_kwargs,
    partnership_routes,
    permission_of,
    reaching_roles,
)

SECRET = "Geheimhouden"  # in the name of every object of A


def _variants(route, own: dict, foreign: dict) -> list[dict]:
    ids = id_kwargs(route)
    variants = [{**own, kw: foreign[kw]} for kw in ids]
    if len(ids) > 1:
        variants.append({**own, **{kw: foreign[kw] for kw in ids}})
    return variants


def _attack(client, route, url: str, role: str) -> list[str]:
    """GET and POST `url`: 404 (405 for a method the view does not take, but one of
    the two must reach the lookup), nothing of A shown."""
    failures, statuses = [], set()
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        statuses.add(response.status_code)
        body = response.content.decode(errors="replace")
        if response.status_code not in (404, 405) or SECRET in body:
            failures.append(
                f"{method.upper()} {url} ({route.name}) as {role} "
                f"→ {response.status_code}" + (", shows A" if SECRET in body else "")
            )
    if statuses == {405}:
        failures.append(
            f"{url} ({route.name}): neither GET nor POST reaches the lookup"
        )
    return failures


@pytest.mark.django_db
def test_own_slug_with_another_partnerships_ids_is_404(world, own_world):
    routes = partnership_routes()
    failures, swept = [], 0
    for route in routes:
        perm = permission_of(route, own_world.values)
        if perm is None:
            failures.append(f"{route.name}: not wrapped in partnership_view")
            continue
        if not id_kwargs(route):  # no object in the path: the guard alone decides
            swept += 1
            continue
        reached = []
        for role in reaching_roles(perm):
            client = own_world.client(role)
            # A role may hold the permission and still be refused this object (a mentor
            # may not erase a pupil): it does not reach the page, the others must.
            own_url = route.fill(own_world.values)
            status = client.get(own_url).status_code
            if status == 403:
                continue
            if status == 404:
                failures.append(f"control GET {own_url} ({route.name}) as {role} → 404")
            reached.append(role)
            for values in _variants(route, own_world.values, world.values):
                failures += _attack(client, route, route.fill(values), role)
        if not reached:
            failures.append(f"{route.name}: no role reaches it with B's own ids")
        swept += 1
    assert not failures, "\n".join(failures)
    # Every /p/ route, counted from the resolver: a route the sweep skipped fails here.
    assert swept == len(routes)
