"""Looking up a roadmap or an item row of the visitor's partnership (else 404)."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from ..models import ItemState, Roadmap


def roadmap_of(request: HttpRequest, roadmap_id: int) -> Roadmap:
    roadmap = get_object_or_404(
        Roadmap.objects.select_related("version", "route"),
        pk=roadmap_id,
        partnership=request.partnership,
    )
    roadmap.partnership = request.partnership  # the guard loaded it: spare a query
    return roadmap


def state_of(request: HttpRequest, state_id: int) -> ItemState:
    state = get_object_or_404(
        ItemState.objects.select_related(
            "roadmap__version",
            "roadmap__route",
            "organisation",
            "owner__user",
            "decision_session__instrument",
        ),
        pk=state_id,
        roadmap__partnership=request.partnership,
    )
    state.roadmap.partnership = request.partnership
    return state
