"""The one lookup of a session in a view, with the rules about that session.

The guard checked the role; this checks the session: a school's own scan is read only by
that school's decaan and portefeuillehouder and the coördinator (otherwise 404, as if it
were not there), and run only by that school's decaan and portefeuillehouder (403).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from ..models import Session


def session_get(
    request: HttpRequest,
    session_id: int,
    *,
    perm: str = "reflection.view",
    queryset: QuerySet[Session] | None = None,
) -> Session:
    session = get_object_or_404(
        queryset if queryset is not None else Session.objects.all(),
        pk=session_id,
        partnership=request.partnership,
    )
    session.partnership = request.partnership  # the guard loaded it: spare a query
    if not request.membership.has_perm("reflection.view", session):
        raise Http404("No session here")
    if perm != "reflection.view" and not request.membership.has_perm(perm, session):
        raise PermissionDenied
    return session
