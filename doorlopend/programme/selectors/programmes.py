"""Programmes and their items, read once and grouped the way the pages show them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet

from doorlopend.partnerships.models import Partnership

from ..grid import Row, rows_shown
from ..models import AssignmentPair, ItemRating, Programme, ProgrammeItem


def programme_list(*, partnership: Partnership) -> QuerySet[Programme]:
    return (
        Programme.objects.filter(partnership=partnership)
        .select_related("leerroute")
        .annotate(item_count=Count("items"))
        .order_by("-school_year", "name")
    )


def programme_get(*, partnership: Partnership, programme_id: int) -> Programme | None:
    return (
        Programme.objects.filter(partnership=partnership, pk=programme_id)
        .select_related("leerroute", "elements_version")
        .first()
    )


def programme_items(*, programme: Programme, leerweg: str = "") -> list[ProgrammeItem]:
    """The items in the order of the transition, each with `scores` {element: rating};
    with `leerweg`, the vmbo items of that leerweg or of every leerweg."""
    items = (
        ProgrammeItem.objects.filter(programme=programme)
        .select_related("activity", "leads_to")
        .prefetch_related(
            "organisations",
            Prefetch("ratings", queryset=ItemRating.objects.order_by("pk")),
        )
    )
    if leerweg:
        items = [i for i in items if i.level != "vmbo" or i.leerweg in ("", leerweg)]
    items = sorted(items, key=lambda i: i.order)
    for item in items:
        item.scores = {r.element: r for r in item.ratings.all()}
    return items


@dataclass
class RowItems:
    row: Row
    items: list[ProgrammeItem]


def items_by_row(items: list[ProgrammeItem], leerweg: str = "") -> list[RowItems]:
    """Every shown year with its items (an empty year too: it is a gap to see)."""
    rows = rows_shown({(i.level, i.year) for i in items}, leerweg)
    return [
        RowItems(row, [i for i in items if (i.level, i.year) == (row.level, row.year)])
        for row in rows
    ]


def samenhang_lines(items: list[ProgrammeItem]) -> list[list[ProgrammeItem]]:
    """Items linked by `leads_to`, as lines through the years: each line starts at an
    item nothing leads to and follows the links (always to a later year, so no loops)."""
    by_pk = {i.pk: i for i in items}
    led_to = {i.leads_to_id for i in items if i.leads_to_id}
    lines = []
    for item in items:
        if item.pk in led_to or not item.leads_to_id:
            continue
        line, step = [item], item
        while step.leads_to_id in by_pk and len(line) <= len(items):
            step = by_pk[step.leads_to_id]
            line.append(step)
        lines.append(line)
    return lines


def scores_summarise(
    items: list[ProgrammeItem], elements: list[tuple[str, str]]
) -> None:
    """Each item's `clearly` and `somewhat`: the titles of the elements it serves."""
    for item in items:
        item.clearly, item.somewhat = [], []
        for key, title in elements:
            rating = item.scores.get(key)
            if rating is not None and rating.score == 2:
                item.clearly.append(title)
            elif rating is not None and rating.score == 1:
                item.somewhat.append(title)


def pairs_of(*, programme: Programme) -> QuerySet[AssignmentPair]:
    return AssignmentPair.objects.filter(programme=programme).select_related(
        "vo_owner", "mbo_owner"
    )
