"""The step plan as a part of a route (registered in `RoadmapsConfig.ready()`): made with
the route, its evidence files deleted with it, shown on the route's page."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest

from doorlopend.routes.models import Leerroute
from doorlopend.routes.parts import RoutePart

from .models import ItemState, Roadmap, Status
from .selectors import roadmap_blocks
from .services.setup import step_plan_for


def _created(route: Leerroute) -> None:
    step_plan_for(route=route)


def _files(route: Leerroute) -> list[str]:
    return list(
        ItemState.objects.filter(roadmap__route=route)
        .exclude(evidence_file="")
        .values_list("evidence_file", flat=True)
    )


def _steps_worked(route: Leerroute) -> int:
    return (
        ItemState.objects.filter(roadmap__route=route)
        .exclude(status=Status.NOT_STARTED)
        .count()
    )


def _page(request: HttpRequest, route: Leerroute) -> dict:
    step_plan = Roadmap.objects.filter(route=route).select_related("version").first()
    if step_plan is not None:
        step_plan.partnership = request.partnership  # the guard loaded it
    return {
        "step_plan": step_plan,
        "blocks": roadmap_blocks(step_plan) if step_plan else [],
    }


def _list_annotations() -> dict:
    """`steps_done` and `steps_applicable` count the step plan's rows (an item that is
    not applicable does not count)."""
    return {
        "steps_done": Count(
            "step_plan__states", filter=Q(step_plan__states__status=Status.DONE)
        ),
        "steps_applicable": Count(
            "step_plan__states",
            filter=~Q(step_plan__states__status=Status.NOT_APPLICABLE),
        ),
    }


STEP_PLAN = RoutePart(
    name="steps_worked",
    created=_created,
    files=_files,
    count=_steps_worked,
    page=_page,
    list_annotations=_list_annotations,
)
