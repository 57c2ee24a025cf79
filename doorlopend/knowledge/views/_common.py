"""Lookups the practice views share: 404 for whatever the partnership may not read."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import redirect
from django.urls import reverse

from .. import selectors
from ..models import Practice


def readable(request: HttpRequest, practice_id: int) -> Practice:
    """Own practices (drafts too) and every partnership's published ones."""
    practice = selectors.practice_for_reader(
        partnership=request.partnership, practice_id=practice_id
    )
    if practice is None:
        raise Http404
    return practice


def own(request: HttpRequest, practice_id: int) -> Practice:
    """Only a practice of this partnership (the pages that change it)."""
    practice = selectors.own_practice(
        partnership=request.partnership, practice_id=practice_id
    )
    if practice is None:
        raise Http404
    return practice


def to_practice(request: HttpRequest, practice: Practice, anchor: str = ""):
    url = reverse(
        "knowledge:practice_detail", args=[request.partnership.slug, practice.pk]
    )
    return redirect(f"{url}#{anchor}" if anchor else url)
