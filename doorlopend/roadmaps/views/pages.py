"""The overview, a member's items, one roadmap, and the school × item matrix of a block.

Each page reads in a fixed number of queries, whatever the number of routes, schools or
items (the tests hold them to it). The roadmap and matrix pages first make sure every row
exists (`states_ensure`): a school that joined since gets its rows on the next visit.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from doorlopend.partnerships.access import partnership_view

from .. import selectors
from ..selectors import overview as overview_selectors
from ..services import setup
from .common import roadmap_of


@partnership_view("roadmaps.view")
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    checklist = setup.checklist_for(partnership=request.partnership)
    data = overview_selectors.overview(
        checklist=checklist,
        membership=request.membership,
        today=timezone.localdate(),
    )
    context = {"overview": data, "due_soon_days": overview_selectors.DUE_SOON_DAYS}
    return render(request, "roadmaps/overview.html", context)


@partnership_view("roadmaps.view")
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    states = overview_selectors.states_of_member(
        partnership=request.partnership, membership=request.membership
    )
    return render(request, "roadmaps/mine.html", {"states": states})


@partnership_view("roadmaps.view")
@require_GET
def roadmap_detail(request: HttpRequest, roadmap_id: int) -> HttpResponse:
    roadmap = roadmap_of(request, roadmap_id)
    setup.states_ensure(roadmap=roadmap)
    # Per-school blocks show each school's progress; their people are on the matrix.
    blocks = selectors.with_schools(selectors.roadmap_blocks(roadmap), {})
    context = {"roadmap": roadmap, "blocks": blocks}
    return render(request, "roadmaps/roadmap_detail.html", context)


@partnership_view("roadmaps.view")
@require_GET
def matrix(request: HttpRequest, roadmap_id: int, block_key: str) -> HttpResponse:
    roadmap = roadmap_of(request, roadmap_id)
    block = roadmap.definition.block(block_key)
    if block is None or not block.per_school:
        raise Http404("No per-school block of that name.")
    setup.states_ensure(roadmap=roadmap)
    row = selectors.block_row(roadmap, block)
    leads = selectors.school_leads(partnership=request.partnership)
    context = {
        "roadmap": roadmap,
        "block_row": row,
        "schools": selectors.school_rows(row, leads),
    }
    return render(request, "roadmaps/matrix.html", context)
