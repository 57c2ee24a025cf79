"""Lookups every programme view shares: 404 for anything outside the partnership."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from ..models import AssignmentPair, Programme, ProgrammeItem
from ..selectors import programmes as selectors


def programme_of(request: HttpRequest, programme_id: int) -> Programme:
    programme = selectors.programme_get(
        partnership=request.partnership, programme_id=programme_id
    )
    if programme is None:
        raise Http404
    return programme


def item_of(programme: Programme, item_id: int) -> ProgrammeItem:
    return get_object_or_404(
        ProgrammeItem.objects.select_related("programme"),
        pk=item_id,
        programme=programme,
    )


def pair_of(programme: Programme, pair_id: int) -> AssignmentPair:
    return get_object_or_404(AssignmentPair, pk=pair_id, programme=programme)


def to_programme(
    request: HttpRequest, programme: Programme, anchor: str = "", year: str = ""
):
    url = reverse(
        "programme:programme_detail", args=[request.partnership.slug, programme.pk]
    )
    if year:
        url += f"?jaar={year}"
    return redirect(f"{url}#{anchor}" if anchor else url)
