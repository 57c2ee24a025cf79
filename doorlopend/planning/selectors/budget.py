"""Reads of the budget: totals per funding source and per organisation, with warnings.

All sums are Decimal additions in Python over the amounts as stored: SQLite keeps
decimals as floating point, so SUM() there could come back as 0.30000000000000004.
The page shows every line anyway, so nothing extra is read.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from doorlopend.core.request_memo import memoised
from doorlopend.partnerships.models import Membership, Organisation, Partnership

from ..models import BudgetLine, FundingSource
from .plan_schools import OwnerFilter

ZERO = Decimal("0.00")


@dataclass
class Totals:
    planned: Decimal = ZERO
    committed: Decimal = ZERO
    spent: Decimal = ZERO

    def add(self, line: BudgetLine | PlanLine) -> None:
        self.planned += line.planned
        self.committed += line.committed
        self.spent += line.spent

    @property
    def left(self) -> Decimal:
        """What is left of the plan: planned minus spent (negative when overspent)."""
        return self.planned - self.spent

    @property
    def overspent(self) -> bool:
        return self.spent > self.planned

    @property
    def overspent_by(self) -> Decimal:
        return self.spent - self.planned


@dataclass
class SourceTotals:
    source: FundingSource
    lines: list[BudgetLine]
    totals: Totals

    @property
    def granted(self) -> Decimal:
        return self.source.amount

    @property
    def overplanned(self) -> bool:
        """The lines plan more than the source grants."""
        return self.totals.planned > self.source.amount

    @property
    def overplanned_by(self) -> Decimal:
        return self.totals.planned - self.source.amount

    @property
    def unplanned(self) -> Decimal:
        return self.source.amount - self.totals.planned


@dataclass
class OrganisationTotals:
    organisation: Organisation | None  # None: lines for the partnership as a whole
    totals: Totals


@dataclass
class BudgetOverview:
    sources: list[SourceTotals]
    organisations: list[OrganisationTotals]
    total: Totals
    granted: Decimal
    overspent_lines: int = 0
    overplanned_sources: list[SourceTotals] = field(default_factory=list)

    @property
    def has_warnings(self) -> bool:
        return bool(
            self.overspent_lines or self.overplanned_sources or self.total.overspent
        )


def budget_totals(
    *, partnership: Partnership, owner: OwnerFilter | None = None
) -> BudgetOverview:
    """Every source with its lines and totals, totals per organisation and overall; two
    queries whatever the number of lines, once per request for all lines (the plan
    page's budget and its approval box's text). With `owner`, only the lines of the
    partnership's own plan or of one school's (the sources all stay, with what they
    grant)."""
    if owner is None:
        return memoised(
            ("planning.budget_totals", partnership.pk),
            lambda: _budget_totals(partnership, None),
        )
    return _budget_totals(partnership, owner)


def _budget_totals(
    partnership: Partnership, owner: OwnerFilter | None
) -> BudgetOverview:
    lines = BudgetLine.objects.select_related(
        "organisation", "school", "activity"
    ).order_by("description", "pk")
    if owner is not None:
        lines = owner.apply(lines)
    sources = list(
        FundingSource.objects.filter(partnership=partnership)
        .prefetch_related(Prefetch("lines", queryset=lines))
        .order_by("name")
    )
    total = Totals()
    per_org: dict[int | None, OrganisationTotals] = {}
    source_rows = []
    overspent_lines = 0
    granted = ZERO
    for source in sources:
        totals = Totals()
        source_lines = list(source.lines.all())
        for line in source_lines:
            # For the templates and the XLSX, which treat a line like a total.
            line.left = line.planned - line.spent
            line.overspent_by = line.spent - line.planned
            totals.add(line)
            total.add(line)
            overspent_lines += line.overspent
            row = per_org.setdefault(
                line.organisation_id, OrganisationTotals(line.organisation, Totals())
            )
            row.totals.add(line)
        granted += source.amount
        source_rows.append(SourceTotals(source, source_lines, totals))
    organisations = sorted(
        per_org.values(),
        # The partnership-wide lines last, the organisations by name.
        key=lambda o: (
            o.organisation is None,
            o.organisation.name if o.organisation else "",
        ),
    )
    return BudgetOverview(
        sources=source_rows,
        organisations=organisations,
        total=total,
        granted=granted,
        overspent_lines=overspent_lines,
        overplanned_sources=[s for s in source_rows if s.overplanned],
    )


@dataclass(frozen=True)
class PlanLine:
    """A budget line as the plan reads it: its source's name, what it plans and spends."""

    pk: int
    source: str
    school_id: int | None
    description: str
    planned: Decimal
    committed: Decimal
    spent: Decimal


@dataclass(frozen=True)
class PlanSource:
    name: str
    amount: Decimal
    lines: list[PlanLine]


def plan_sources(*, partnership: Partnership) -> list[PlanSource]:
    """Every funding source of the partnership by name, with all its lines (the schools'
    too): the sources joined to their lines in one query, once per request (the plan
    page's budget and its approval box's text); a source without lines is one row."""

    def read() -> list[PlanSource]:
        sources: dict[int, PlanSource] = {}
        rows = (
            FundingSource.objects.filter(partnership=partnership)
            .order_by("name", "pk", "lines__pk")
            .values_list(
                "pk",
                "name",
                "amount",
                "lines__pk",
                "lines__school_id",
                "lines__description",
                "lines__planned",
                "lines__committed",
                "lines__spent",
            )
        )
        for pk, name, amount, line_pk, *line in rows:
            source = sources.setdefault(pk, PlanSource(name, amount, []))
            if line_pk is not None:
                source.lines.append(PlanLine(line_pk, name, *line))
        return list(sources.values())

    return memoised(("planning.plan_sources", partnership.pk), read)


@dataclass
class PlanBudget:
    total: Totals
    granted: Decimal
    overspent_lines: int
    overplanned_sources: list[str]
    sources: int

    @property
    def has_warnings(self) -> bool:
        return bool(self.overspent_lines or self.overplanned_sources)


def plan_budget(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> PlanBudget:
    """Planned against spent for the plan page, with the number of overspent lines and
    the sources whose lines plan more than granted; one query (`plan_sources`)."""
    sources = plan_sources(partnership=partnership)
    total = Totals()
    overplanned = []
    for source in sources:
        planned = ZERO
        for line in source.lines:
            total.add(line)
            planned += line.planned
        if planned > source.amount:
            overplanned.append(source.name)
    return PlanBudget(
        total=total,
        granted=sum((s.amount for s in sources), ZERO),
        overspent_lines=sum(
            1 for s in sources for line in s.lines if line.spent > line.planned
        ),
        overplanned_sources=overplanned,
        sources=len(sources),
    )
