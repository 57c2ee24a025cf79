"""The tenancy guard: every view under /p/<partnership_slug>/ goes through `partnership_view`.

It resolves the partnership and the visitor's membership once (two queries, which also
give the header's partnership switcher), answers 404 to anyone who is not a member (a
guessed URL must not even confirm that a partnership exists), 403 to a member whose
roles lack the permission (`membership.has_perm(perm)`, the one permission call, with no
object), and runs the view — including rendering its template — inside
`scope(partnership=…)`, so that a query that forgets the partnership fails instead of
leaking.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django_scopes import scope, scopes_disabled

from .models import Membership, Partnership, RoleAssignment
from .permissions import roles_with

PARTNERSHIP_KWARG = "partnership_slug"


def memberships_of(*, user) -> list[Membership]:
    """Every membership of the user, by partnership name, each with its partnership and
    roles: one query gives the guard the page's membership and the header its
    partnership switcher.

    Read through the roles (a member without roles is no member: `role_revoke`), so the
    memberships come with them; should a membership have none, it is read as before.
    """
    if not user.is_authenticated:
        return []
    # The guard is the one place that looks up a membership before a scope exists.
    with scopes_disabled():
        roles = (
            RoleAssignment.objects.filter(
                membership__user=user, membership__user__is_active=True
            )
            .select_related(
                "membership__partnership__region", "membership__user", "organisation"
            )
            .order_by("membership__partnership__name", "membership_id", "role", "pk")
        )
        memberships: dict[int, Membership] = {}
        held: dict[int, list[RoleAssignment]] = {}
        for role in roles:
            membership = memberships.setdefault(role.membership_id, role.membership)
            role.membership = membership
            held.setdefault(membership.pk, []).append(role)
        for membership in memberships.values():
            _roles_read(membership, held[membership.pk])
        return list(memberships.values())


def _roles_read(membership: Membership, roles: list[RoleAssignment]) -> None:
    """Give `membership.roles.all()` the roles already read, as a prefetch would."""
    queryset = membership.roles.all()
    queryset._result_cache = roles
    queryset._prefetch_done = True
    membership._prefetched_objects_cache = {"roles": queryset}


def _membership_without_roles(*, user, slug: str) -> Membership | None:
    # The guard's own lookup, before a scope exists (as in `memberships_of`).
    with scopes_disabled():
        return (
            Membership.objects.select_related(
                "partnership", "partnership__region", "user"
            )
            .prefetch_related("roles")
            .filter(partnership__slug=slug, user=user, user__is_active=True)
            .first()
        )


def membership_for(*, user, slug: str) -> Membership | None:
    """The user's membership of the partnership with `slug`, roles prefetched, or None."""
    return _find(memberships_of(user=user), user=user, slug=slug)


def _find(memberships: list[Membership], *, user, slug: str) -> Membership | None:
    found = next((m for m in memberships if m.partnership.slug == slug), None)
    if found is None and user.is_authenticated:
        return _membership_without_roles(user=user, slug=slug)
    return found


def partnership_view(perm: str) -> Callable:
    """Wrap a view that takes `partnership_slug`: membership → 404, permission → 403, scope."""
    roles_with(
        perm
    )  # an unknown permission fails at import time, not at the first request

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            slug = kwargs.pop(PARTNERSHIP_KWARG)
            memberships = memberships_of(user=request.user)
            membership = _find(memberships, user=request.user, slug=slug)
            if membership is None:
                raise Http404("No such partnership.")
            if not membership.has_perm(perm):
                raise PermissionDenied
            partnership: Partnership = membership.partnership
            request.partnership = partnership
            request.membership = membership
            # The header's switcher: read with the membership, no query of its own.
            request.my_partnerships = [m.partnership for m in memberships]
            if request.session.get("last_partnership") != partnership.slug:
                request.session["last_partnership"] = partnership.slug
            with scope(partnership=partnership):
                response = view(request, *args, **kwargs)
                # Render inside the scope: templates may still evaluate lazy querysets.
                if isinstance(response, TemplateResponse) and not response.is_rendered:
                    response.render()
            return response

        # Read by the tenancy sweep to act as a role that reaches the view.
        wrapped.permission = perm
        return wrapped

    return decorator
