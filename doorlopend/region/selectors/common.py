"""What the route's and the partnership's analysis share: the answer, a count with its
unknowns, the newest data set of each kind, the region's schools and municipalities,
and the labour-market answers (the same for the whole region and each of its routes)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from doorlopend.partnerships.models import Organisation, Partnership
from doorlopend.registry.models import RegisterEntry
from doorlopend.transitions.services.imports.lookups import fold

from ..models import GOOD_PROSPECTS, DataKind, DataSet, LabourMarket, Question

# Which of the five questions each kind of data answers.
QUESTIONS_OF = {
    DataKind.LABOUR_MARKET: (Question.SECTORS, Question.WORK_FIELDS),
    DataKind.VO_PUPILS: (Question.TARGET_GROUP,),
    DataKind.MBO_STUDENTS: (Question.VARIANT,),
}


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


@dataclass(frozen=True)
class RegionScope:
    """The partnership's region as the DUO register gives it: the RMC region's code, the
    institution codes of its schools (and the partnership's own), its municipalities."""

    code: str | None
    brins: frozenset[str]
    municipalities: tuple[str, ...]

    def holds(self, *, rmc_region: str = "", brin: str = "", municipality: str = ""):
        return bool(
            (self.code and rmc_region == self.code)
            or brin in self.brins
            or (municipality and fold(municipality) in self._folded)
        )

    @property
    def _folded(self) -> frozenset[str]:
        return frozenset(fold(m) for m in self.municipalities)


def newest_datasets(partnership: Partnership) -> dict[str, DataSet]:
    """The newest data set of each kind (by reference date, then import); one query."""
    newest: dict[str, DataSet] = {}
    for dataset in DataSet.objects.filter(partnership=partnership).select_related(
        "imported_by"
    ):
        newest.setdefault(dataset.kind, dataset)  # ordered newest first per kind
    return newest


def count_sum(values) -> Count:
    values = list(values)
    return Count(
        sum(v for v in values if v is not None), sum(v is None for v in values)
    )


def school_brins(partnership: Partnership) -> set[str]:
    return set(
        Organisation.objects.filter(partnership=partnership)
        .exclude(register_entry__isnull=True)
        .values_list("register_entry__brin", flat=True)
    )


def region_scope(partnership: Partnership) -> RegionScope:
    """The region from the register import (two queries, one without a region)."""
    brins = school_brins(partnership)
    municipalities: set[str] = set()
    if partnership.region_id:
        for brin, municipality in RegisterEntry.objects.filter(
            region_id=partnership.region_id
        ).values_list("brin", "municipality"):
            brins.add(brin)
            if municipality:
                municipalities.add(municipality)
    code = partnership.region.code if partnership.region_id else None
    return RegionScope(code, frozenset(brins), tuple(sorted(municipalities)))


def labour_rows(dataset: DataSet | None, partnership: Partnership) -> tuple[list, bool]:
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


def sectors(rows: list) -> list[dict]:
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
                    "vacancies": count_sum(r.vacancies for r in good),
                }
            )
    return sorted(result, key=lambda s: (-s["best"], -s["good"], s["sector"]))


def labour_answers(datasets: dict, partnership: Partnership) -> tuple[list, bool]:
    """Answers 1 and 2 (sectors, work fields), and whether the rows are the region's."""
    labour_set = datasets.get(DataKind.LABOUR_MARKET)
    labour, own_region = labour_rows(labour_set, partnership)
    good = [r for r in labour if r.prospect in GOOD_PROSPECTS]
    fields = sorted(
        (r for r in good if r.occupation),
        key=lambda r: (-r.prospect, r.sector, r.occupation),
    )
    return [
        Answer(1, Question(1).label, sectors(labour), dataset=labour_set),
        Answer(2, Question(2).label, fields, dataset=labour_set),
    ], own_region


def with_change(years: list[dict]) -> list[dict]:
    """Each year's change against the year before, when both are exact."""
    previous = None
    for year in years:
        year["change"] = (
            year["count"].known - previous["count"].known
            if previous and not (year["count"].unknown or previous["count"].unknown)
            else None
        )
        previous = year
    return years


def notes_by_question(notes) -> dict[int, list]:
    result: dict[int, list] = defaultdict(list)
    for note in notes.select_related("created_by"):
        result[note.question].append(note)
    return result
