"""The five answers for the partnership's whole region (every route's questions at once).

The same answers as a route's (see `route`), but over all the region's pupils and
students: the vmbo pupils of every leerweg and profile in the RMC region's schools, and
the mbo students of the region's institutions (by institution code or municipality, as
the DUO register import gives them). Notes without a route are the partnership's.
"""

from __future__ import annotations

from collections import defaultdict

from doorlopend.partnerships.models import Partnership
from doorlopend.registry.education import VmboProfile

from ..models import DataKind, DataSet, MboStudents, Note, Question, VoPupils
from .common import (
    Answer,
    RegionScope,
    count_sum,
    labour_answers,
    newest_datasets,
    notes_by_question,
    region_scope,
    with_change,
)
from .route import variant_years


def _pupils(dataset: DataSet | None, scope: RegionScope) -> tuple[list, list]:
    """(years with their count, per profile in the newest year) of the region's vmbo
    pupils."""
    if dataset is None:
        return [], []
    rows = [
        r
        for r in VoPupils.objects.filter(dataset=dataset).order_by("year")
        if scope.holds(rmc_region=r.rmc_region, brin=r.brin)
    ]
    by_year: dict[int, list] = defaultdict(list)
    for row in rows:
        by_year[row.year].append(row)
    years = with_change(
        [
            {"year": year, "count": count_sum(r.pupils for r in group)}
            for year, group in sorted(by_year.items())
        ]
    )
    if not by_year:
        return years, []
    by_profile: dict[str, list] = defaultdict(list)
    for row in by_year[max(by_year)]:
        by_profile[row.profile].append(row.pupils)
    profiles = [
        {
            "profile": VmboProfile(code).label if code in VmboProfile.values else code,
            "count": count_sum(values),
        }
        for code, values in by_profile.items()
    ]
    profiles.sort(key=lambda p: (-p["count"].known, str(p["profile"])))
    return years, profiles


def _students(dataset: DataSet | None, scope: RegionScope) -> tuple[list, list]:
    """(per year BOL and BBL, per qualification in the newest year) of the region's mbo
    students."""
    if dataset is None:
        return [], []
    rows = [
        r
        for r in MboStudents.objects.filter(dataset=dataset)
        if scope.holds(brin=r.brin, municipality=r.municipality)
    ]
    years = variant_years(rows)
    if not years:
        return years, []
    newest = years[-1]["year"]
    by_crebo: dict[tuple, list] = defaultdict(list)
    for row in rows:
        if row.year == newest:
            by_crebo[(row.crebo, row.qualification, row.level)].append(row)
    qualifications = []
    for (crebo, name, level), group in sorted(by_crebo.items()):
        split = variant_years(group)[0]
        qualifications.append(
            {"crebo": crebo, "qualification": name, "level": level, **split}
        )
    return years, qualifications


def partnership_analysis(partnership: Partnership) -> dict:
    """The five answers for the partnership's region, its data sets and its notes."""
    datasets = newest_datasets(partnership)
    scope = region_scope(partnership)
    notes = notes_by_question(
        Note.objects.filter(partnership=partnership, route__isnull=True)
    )
    (sectors, fields), own_region = labour_answers(datasets, partnership)
    vo_set = datasets.get(DataKind.VO_PUPILS)
    years, profiles = _pupils(vo_set, scope)
    mbo_set = datasets.get(DataKind.MBO_STUDENTS)
    variant, qualifications = _students(mbo_set, scope)
    answers = [
        sectors,
        fields,
        Answer(3, Question(3).label),
        Answer(
            4,
            Question(4).label,
            years,
            dataset=vo_set,
            extra={"profiles": profiles},
        ),
        Answer(
            5,
            Question(5).label,
            variant,
            dataset=mbo_set,
            extra={"qualifications": qualifications},
        ),
    ]
    for answer in answers:
        answer.notes = notes.get(answer.question, [])
    return {
        "answers": answers,
        "datasets": datasets,
        "own_region": own_region,
        "scope": scope,
        "answered": sum(a.answered for a in answers),
    }
