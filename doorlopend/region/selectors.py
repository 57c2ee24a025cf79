"""The five answers of a route's region analysis, from the imported data and the notes.

Each answer holds the figures the data gives (a table) and the notes people added; a
question is answered when it has either. The newest data set of each kind counts (an
older one stays as history, listed with its provenance). A masked count is unknown: it
is shown as such and left out of a sum, which then says it is at least that.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from doorlopend.partnerships.models import Organisation, Partnership
from doorlopend.routes.models import Leerroute
from doorlopend.transitions.services.imports.lookups import fold

from .models import (
    GOOD_PROSPECTS,
    DataKind,
    DataSet,
    LabourMarket,
    MboStudents,
    Note,
    Question,
    VoPupils,
)


@dataclass
class Answer:
    question: int
    label: str
    rows: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    dataset: DataSet | None = None
    extra: dict = field(default_factory=dict)

    @property
    def answered(self) -> bool:
        return bool(self.rows or self.notes)


@dataclass(frozen=True)
class Count:
    """A sum of counts, some of which may be unknown (masked)."""

    known: int
    unknown: int

    @property
    def at_least(self) -> bool:
        return self.unknown > 0


def newest_datasets(partnership: Partnership) -> dict[str, DataSet]:
    """The newest data set of each kind (by reference date, then import); one query."""
    newest: dict[str, DataSet] = {}
    for dataset in DataSet.objects.filter(partnership=partnership).select_related(
        "imported_by"
    ):
        newest.setdefault(dataset.kind, dataset)  # ordered newest first per kind
    return newest


def _sum(values) -> Count:
    values = list(values)
    return Count(
        sum(v for v in values if v is not None), sum(v is None for v in values)
    )


def _labour(dataset: DataSet | None, partnership: Partnership) -> tuple[list, bool]:
    """The labour-market rows of the partnership's region (all when none name it)."""
    if dataset is None:
        return [], False
    rows = list(LabourMarket.objects.filter(dataset=dataset).order_by("sector"))
    region = partnership.region
    if region is not None:
        name = fold(region.name)
        own = [r for r in rows if name and name in fold(r.region)]
        if own:
            return own, True
    return rows, False


def _sectors(rows: list) -> list[dict]:
    by_sector: dict[str, list] = defaultdict(list)
    for row in rows:
        by_sector[row.sector].append(row)
    result = []
    for sector, group in by_sector.items():
        good = [r for r in group if r.prospect in GOOD_PROSPECTS]
        if good:
            result.append(
                {
                    "sector": sector,
                    "good": len(good),
                    "groups": len(group),
                    "best": max(r.prospect for r in good),
                    "vacancies": _sum(r.vacancies for r in good),
                }
            )
    return sorted(result, key=lambda s: (-s["best"], -s["good"], s["sector"]))


def _school_brins(partnership: Partnership) -> set[str]:
    return set(
        Organisation.objects.filter(partnership=partnership)
        .exclude(register_entry__isnull=True)
        .values_list("register_entry__brin", flat=True)
    )


def _target_group(
    dataset: DataSet | None, route: Leerroute, partnership: Partnership
) -> tuple[list, list]:
    """(years with their count, locations of the newest year) of vmbo pupils in the
    route's leerweg and profile, in the region's schools."""
    if dataset is None:
        return [], []
    rows = VoPupils.objects.filter(
        dataset=dataset, leerweg=route.leerweg, profile=route.profile
    ).order_by("year", "location_name")
    region_code = partnership.region.code if partnership.region_id else None
    brins = _school_brins(partnership)
    rows = [r for r in rows if r.rmc_region == region_code or r.brin in brins]
    by_year: dict[int, list] = defaultdict(list)
    for row in rows:
        by_year[row.year].append(row)
    years = [
        {"year": year, "count": _sum(r.pupils for r in group)}
        for year, group in sorted(by_year.items())
    ]
    previous = None
    for year in years:
        year["change"] = (
            year["count"].known - previous["count"].known
            if previous and not (year["count"].unknown or previous["count"].unknown)
            else None
        )
        previous = year
    latest = by_year[max(by_year)] if by_year else []
    return years, latest


def _variant(dataset: DataSet | None, route: Leerroute) -> list:
    """Per year: BOL and BBL students of the route's crebo, with BBL's share."""
    if dataset is None:
        return []
    by_year: dict[int, dict] = defaultdict(lambda: {"bol": [], "bbl": []})
    for row in MboStudents.objects.filter(dataset=dataset, crebo=route.crebo):
        by_year[row.year][row.mbo_leerweg].append(row.students)
    result = []
    for year, split in sorted(by_year.items()):
        bol, bbl = _sum(split["bol"]), _sum(split["bbl"])
        total = bol.known + bbl.known
        exact = not (bol.unknown or bbl.unknown)
        share = round(100 * bbl.known / total) if total and exact else None
        result.append({"year": year, "bol": bol, "bbl": bbl, "bbl_share": share})
    return result


def route_analysis(route: Leerroute) -> dict:
    """The five answers for `route`, the data sets they rest on, and the notes."""
    partnership = route.partnership
    datasets = newest_datasets(partnership)
    notes: dict[int, list] = defaultdict(list)
    for note in Note.objects.filter(route=route).select_related("created_by"):
        notes[note.question].append(note)
    labour_set = datasets.get(DataKind.LABOUR_MARKET)
    labour, own_region = _labour(labour_set, partnership)
    good = [r for r in labour if r.prospect in GOOD_PROSPECTS]
    years, locations = _target_group(
        datasets.get(DataKind.VO_PUPILS), route, partnership
    )
    mbo_set = datasets.get(DataKind.MBO_STUDENTS)
    variant = _variant(mbo_set, route)
    answers = [
        Answer(1, Question(1).label, _sectors(labour), dataset=labour_set),
        Answer(
            2,
            Question(2).label,
            sorted(
                (r for r in good if r.occupation),
                key=lambda r: (-r.prospect, r.sector, r.occupation),
            ),
            dataset=labour_set,
        ),
        Answer(3, Question(3).label),
        Answer(
            4,
            Question(4).label,
            years,
            dataset=datasets.get(DataKind.VO_PUPILS),
            extra={"locations": locations},
        ),
        Answer(5, Question(5).label, variant, dataset=mbo_set),
    ]
    for answer in answers:
        answer.notes = notes.get(answer.question, [])
    return {
        "answers": answers,
        "datasets": datasets,
        "own_region": own_region,
        "answered": sum(a.answered for a in answers),
    }


def answered_counts(partnership: Partnership, route_ids: set[int]) -> dict[int, int]:
    """Route id → how many of the five questions are answered (data or a note), for
    every route at once in a fixed number of queries."""
    if not route_ids:
        return {}
    # The routes and their notes' questions in one query.
    routes: dict[int, tuple] = {}
    noted: dict[int, set[int]] = defaultdict(set)
    for pk, leerweg, profile, crebo, question in Leerroute.objects.filter(
        partnership=partnership, pk__in=route_ids
    ).values_list("pk", "leerweg", "profile", "crebo", "region_notes__question"):
        routes[pk] = (leerweg, profile, crebo)
        if question is not None:
            noted[pk].add(question)
    datasets = newest_datasets(partnership)
    labour = datasets.get(DataKind.LABOUR_MARKET)
    rows, _own = _labour(labour, partnership)
    good = [r for r in rows if r.prospect in GOOD_PROSPECTS]
    vo = datasets.get(DataKind.VO_PUPILS)
    region_code = partnership.region.code if partnership.region_id else None
    brins = _school_brins(partnership) if vo else set()
    vo_keys = (
        {
            (leerweg, profile)
            for leerweg, profile, rmc, brin in VoPupils.objects.filter(
                dataset=vo
            ).values_list("leerweg", "profile", "rmc_region", "brin")
            if rmc == region_code or brin in brins
        }
        if vo
        else set()
    )
    mbo = datasets.get(DataKind.MBO_STUDENTS)
    crebos = (
        set(MboStudents.objects.filter(dataset=mbo).values_list("crebo", flat=True))
        if mbo
        else set()
    )
    result = {}
    for pk, (leerweg, profile, crebo) in routes.items():
        has_data = {
            1: bool(good),
            2: any(r.occupation for r in good),
            3: False,
            4: (leerweg, profile) in vo_keys,
            5: crebo in crebos,
        }
        result[pk] = sum(has_data[q] or q in noted[pk] for q in Question.values)
    return result
