"""The tenancy guard: every view under /p/<partnership_slug>/ goes through `partnership_view`.

It resolves the partnership and the visitor's membership once (two queries), answers 404
to anyone who is not a member (a guessed URL must not even confirm that a partnership
exists), 403 to a member whose roles lack the permission (`membership.has_perm(perm)`,
the one permission call, with no object), and runs the view — including
rendering its template — inside `scope(partnership=…)`, so that a query that forgets the
partnership fails instead of leaking.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django_scopes import scope, scopes_disabled

from .models import Membership, Partnership, RoleAssignment
from .permissions import roles_with

PARTNERSHIP_KWARG = "partnership_slug"


def membership_for(*, user, slug: str) -> Membership | None:
    """The user's membership of the partnership with `slug`, roles prefetched, or None."""
    if not user.is_authenticated:
        return None
    # The guard is the one place that looks up a membership before a scope exists.
    with scopes_disabled():
        return (
            Membership.objects.select_related(
                "partnership", "partnership__region", "user"
            )
            .prefetch_related(
                Prefetch(
                    "roles",
                    queryset=RoleAssignment.objects.select_related("organisation"),
                )
            )
            .filter(partnership__slug=slug, user=user, user__is_active=True)
            .first()
        )


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
            membership = membership_for(user=request.user, slug=slug)
            if membership is None:
                raise Http404("No such partnership.")
            if not membership.has_perm(perm):
                raise PermissionDenied
            partnership: Partnership = membership.partnership
            request.partnership = partnership
            request.membership = membership
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
