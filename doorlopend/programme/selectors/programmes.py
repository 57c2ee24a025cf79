"""Programmes and their items, read once and grouped the way the pages show them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet

from doorlopend.partnerships.models import Partnership
from doorlopend.registry.education import Leerweg, VmboProfile

from ..grid import Row, rows_shown
from ..models import (
    AssignmentPair,
    Audience,
    Form,
    ItemRating,
    Period,
    Programme,
    ProgrammeItem,
    Score,
)


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


@dataclass(frozen=True)
class Rated:
    """One rating as the pages read it: the score (0, 1, 2) and its why."""

    score: int
    why: str

    def get_score_display(self) -> str:
        return str(Score(self.score).label)


def newest_programme_items(*, partnership: Partnership) -> list[ProgrammeItem]:
    """The items of the partnership's newest programme, each with its programme (and the
    programme's elements version): one query, for the overview's card. Empty when the
    newest programme has no items, or there is none."""
    newest = programme_list(partnership=partnership).values("pk")[:1]
    return list(
        ProgrammeItem.objects.filter(programme__in=newest).select_related(
            "programme__elements_version"
        )
    )


def programme_items(
    *,
    programme: Programme,
    leerweg: str = "",
    full: bool = True,
    read: list[ProgrammeItem] | None = None,
) -> list[ProgrammeItem]:
    """The items in the order of the transition, each with `scores` {element: Rated};
    with `leerweg`, the vmbo items of that leerweg or of every leerweg. `full` adds what
    the programme page shows beyond the heat map: organisations, activity, leads to.
    Ratings are read as values (a programme has items × 7 of them). `read`: the items,
    when the caller read them already (not with `full` or `leerweg`)."""
    items = ProgrammeItem.objects.filter(programme=programme) if read is None else read
    if full:
        # Into a list (to_attr): the page names them twice, and a `.all()` per item
        # would build a hundred querysets through the scoped manager.
        items = items.select_related("activity", "leads_to").prefetch_related(
            Prefetch("organisations", to_attr="organisation_list")
        )
    if leerweg:
        items = items.exclude(level="vmbo", leerweg__in=set(Leerweg.values) - {leerweg})
    items = sorted(items, key=lambda i: i.order)
    scores: dict[int, dict[str, Rated]] = {item.pk: {} for item in items}
    for item_id, element, score, why in ItemRating.objects.filter(
        item__programme=programme
    ).values_list("item_id", "element", "score", "why"):
        if item_id in scores:
            scores[item_id][element] = Rated(score, why)
    labels = _labels() if full else {}
    for item in items:
        item.scores = scores[item.pk]
        if not full:
            item.organisation_list = []
        item.facts = _facts(item, labels) if full else ""
    return items


def _facts(item: ProgrammeItem, labels: dict[str, dict]) -> str:
    """Form, period, audience and who it is for, in one line (built once, not in the
    template: a programme page shows a hundred items)."""
    parts = [
        labels["form"].get(item.form, item.form),
        labels["period"].get(item.period, item.period),
        labels["audience"].get(item.audience, item.audience),
    ]
    if item.leerweg:
        parts.append(item.leerweg.upper())
    if item.profile:
        parts.append(labels["profile"].get(item.profile, item.profile))
    if item.mbo_leerweg:
        parts.append(item.mbo_leerweg.upper())
    if item.crebo:
        parts.append(f"crebo {item.crebo}")
    return " · ".join(parts)


def _labels() -> dict[str, dict]:
    """The choices' labels, translated once per page (get_FOO_display per item and
    field costs a lookup through lazy translations each time)."""
    return {
        "form": {k: str(v) for k, v in Form.choices},
        "period": {k: str(v) for k, v in Period.choices},
        "audience": {k: str(v) for k, v in Audience.choices},
        "profile": {k: str(v) for k, v in VmboProfile.choices},
    }


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


def year_shown(grouped: list[RowItems], key: str) -> RowItems | None:
    """The year the programme page shows (one at a time: a programme has a hundred
    items): the one `key` names ('vmbo-3'), else the first year with items."""
    for group in grouped:
        if group.row.key == key:
            return group
    return next((g for g in grouped if g.items), grouped[0] if grouped else None)


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
