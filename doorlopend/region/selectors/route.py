"""The five answers of a route's region analysis, from the imported data and the notes.

Each answer holds the figures the data gives (a table) and the notes people added; a
question is answered when it has either. The newest data set of each kind counts (an
older one stays as history, listed with its provenance). A masked count is unknown: it
is shown as such and left out of a sum, which then says it is at least that.
"""

from __future__ import annotations

from collections import defaultdict

from doorlopend.partnerships.models import Partnership
from doorlopend.routes.models import Leerroute

from ..models import (
    GOOD_PROSPECTS,
    DataKind,
    DataSet,
    MboStudents,
    Note,
    Question,
    VoPupils,
)
from .common import (
    Answer,
    RegionScope,
    count_sum,
    labour_answers,
    labour_rows,
    newest_datasets,
    notes_by_question,
    region_scope,
    with_change,
)


def _target_group(
    dataset: DataSet | None, route: Leerroute, scope: RegionScope
) -> tuple[list, list]:
    """(years with their count, locations of the newest year) of vmbo pupils in the
    route's leerweg and profile, in the region's schools."""
    if dataset is None:
        return [], []
    rows = VoPupils.objects.filter(
        dataset=dataset, leerweg=route.leerweg, profile=route.profile
    ).order_by("year", "location_name")
    rows = [r for r in rows if scope.holds(rmc_region=r.rmc_region, brin=r.brin)]
    by_year: dict[int, list] = defaultdict(list)
    for row in rows:
        by_year[row.year].append(row)
    years = with_change(
        [
            {"year": year, "count": count_sum(r.pupils for r in group)}
            for year, group in sorted(by_year.items())
        ]
    )
    latest = by_year[max(by_year)] if by_year else []
    return years, latest


def variant_years(rows) -> list:
    """Per year: BOL and BBL students of `rows`, with BBL's share."""
    by_year: dict[int, dict] = defaultdict(lambda: {"bol": [], "bbl": []})
    for row in rows:
        by_year[row.year][row.mbo_leerweg].append(row.students)
    result = []
    for year, split in sorted(by_year.items()):
        bol, bbl = count_sum(split["bol"]), count_sum(split["bbl"])
        total = bol.known + bbl.known
        exact = not (bol.unknown or bbl.unknown)
        share = round(100 * bbl.known / total) if total and exact else None
        result.append({"year": year, "bol": bol, "bbl": bbl, "bbl_share": share})
    return result


def route_analysis(route: Leerroute) -> dict:
    """The five answers for `route`, the data sets they rest on, and the notes."""
    partnership = route.partnership
    datasets = newest_datasets(partnership)
    notes = notes_by_question(Note.objects.filter(route=route))
    (sectors, fields), own_region = labour_answers(datasets, partnership)
    years, locations = _target_group(
        datasets.get(DataKind.VO_PUPILS), route, region_scope(partnership)
    )
    mbo_set = datasets.get(DataKind.MBO_STUDENTS)
    variant = (
        variant_years(MboStudents.objects.filter(dataset=mbo_set, crebo=route.crebo))
        if mbo_set
        else []
    )
    answers = [
        sectors,
        fields,
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
    rows, _own = labour_rows(labour, partnership)
    good = [r for r in rows if r.prospect in GOOD_PROSPECTS]
    vo = datasets.get(DataKind.VO_PUPILS)
    scope = region_scope(partnership) if vo else None
    vo_keys = (
        {
            (leerweg, profile)
            for leerweg, profile, rmc, brin in VoPupils.objects.filter(
                dataset=vo
            ).values_list("leerweg", "profile", "rmc_region", "brin")
            if scope.holds(rmc_region=rmc, brin=brin)
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
