"""The results of a draagvlak survey per kind of party (selectors/parties.py)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from doorlopend.partnerships.access import partnership_view

from ..models import Session
from ..selectors.parties import party_results
from .access import session_get


@partnership_view("reflection.view")
@require_GET
def session_parties(request: HttpRequest, session_id: int) -> HttpResponse:
    session = session_get(
        request,
        session_id,
        queryset=Session.objects.select_related("instrument", "leerroute"),
    )
    context = {
        "session": session,
        "parties": party_results(session=session),
        "can_manage": request.membership.has_perm("reflection.facilitate", session),
    }
    return render(request, "reflection/session_parties.html", context)
