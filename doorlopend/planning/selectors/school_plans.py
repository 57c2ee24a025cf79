"""Reads of the schools' own LOB plans: one school's plan, and all of them in summary.

A school's plan is kept through the same code as the partnership's: its vision is a
`VisionVersion` with that school (`selectors.vision`, with `school=`), its goals,
activities and budget lines are those rows with that `school`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce

from doorlopend.core.request_memo import memoised
from doorlopend.partnerships.models import (
    SCHOOL_KINDS,
    Membership,
    Organisation,
    Partnership,
)
from doorlopend.reflection.models import ActionPoint

from ..models import (
    Activity,
    ActivityApproval,
    ActivityStatus,
    BudgetLine,
    Goal,
    Triage,
    VisionVersion,
)
from . import inbox as inbox_selectors
from . import vision as vision_selectors
from .goals import GoalLine, goal_lines
from .plan_schools import OwnerFilter

ZERO = Decimal("0")
MONEY = DecimalField(max_digits=14, decimal_places=2)


@dataclass
class SchoolPlanRow:
    school: Organisation
    vision_at: datetime | None
    versions: int
    open_points: int
    goals: int = 0
    activities_held: int = 0
    activities_planned: int = 0
    budget_planned: Decimal = ZERO
    budget_spent: Decimal = ZERO

    @property
    def has_vision(self) -> bool:
        return self.vision_at is not None

    @property
    def has_work(self) -> bool:
        return bool(
            self.goals
            or self.activities_held
            or self.activities_planned
            or self.budget_planned
            or self.budget_spent
        )


def _per_school(queryset, value) -> Subquery:
    """One figure of the rows of `queryset` whose school is the outer school."""
    return Subquery(
        queryset.filter(school=OuterRef("pk"))
        .order_by()
        .values("school")
        .annotate(figure=value)
        .values("figure")
    )


def school_plan_rows(*, partnership: Partnership) -> list[SchoolPlanRow]:
    """Every school of the partnership with the date of its vision's newest version, the
    number of versions and of open action points from its own LOB-scans, its goals, its
    activities held and still planned (confirmed ones) and its budget planned and spent
    (1 query: each figure a subquery, so no join multiplies another's rows; once per
    request: the plan page's per-school sections both list these schools)."""
    return memoised(
        ("planning.school_plan_rows", partnership.pk),
        lambda: _school_plan_rows(partnership),
    )


def _school_plan_rows(partnership: Partnership) -> list[SchoolPlanRow]:
    activities = Activity.objects.filter(
        partnership=partnership, approval=ActivityApproval.CONFIRMED
    )
    lines = BudgetLine.objects.filter(source__partnership=partnership)
    schools = (
        Organisation.objects.filter(partnership=partnership, kind__in=SCHOOL_KINDS)
        .annotate(
            vision_at=Max("school_visions__created_at"),
            version_count=Count("school_visions", distinct=True),
            open_point_count=Count(
                "reflection_sessions__action_points",
                filter=Q(reflection_sessions__action_points__triage__isnull=True),
                distinct=True,
            ),
            goal_count=Coalesce(
                _per_school(Goal.objects.filter(partnership=partnership), Count("pk")),
                0,
                output_field=IntegerField(),
            ),
            held_count=Coalesce(
                _per_school(activities.filter(status=ActivityStatus.HELD), Count("pk")),
                0,
                output_field=IntegerField(),
            ),
            planned_count=Coalesce(
                _per_school(
                    activities.filter(status=ActivityStatus.PLANNED), Count("pk")
                ),
                0,
                output_field=IntegerField(),
            ),
            planned_sum=Coalesce(
                _per_school(lines, Sum("planned")), ZERO, output_field=MONEY
            ),
            spent_sum=Coalesce(
                _per_school(lines, Sum("spent")), ZERO, output_field=MONEY
            ),
        )
        .order_by("name", "pk")
    )
    return [
        SchoolPlanRow(
            s,
            s.vision_at,
            s.version_count,
            s.open_point_count,
            goals=s.goal_count,
            activities_held=s.held_count,
            activities_planned=s.planned_count,
            budget_planned=s.planned_sum,
            budget_spent=s.spent_sum,
        )
        for s in schools
    ]


@dataclass
class SchoolPlan:
    school: Organisation
    version: VisionVersion | None
    versions: int
    can_manage: bool
    open_points: list[ActionPoint]
    handled: list[Triage]
    goals: list[GoalLine] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    budget_lines: list[BudgetLine] = field(default_factory=list)
    # Whether this member reads the action points of the school's own scans (the
    # coördinator and the school's decaan and portefeuillehouder).
    sees_points: bool = False

    @property
    def budget_planned(self) -> Decimal:
        return sum((line.planned for line in self.budget_lines), ZERO)

    @property
    def budget_spent(self) -> Decimal:
        return sum((line.spent for line in self.budget_lines), ZERO)

    @property
    def activities_held(self) -> int:
        return sum(1 for a in self.activities if a.status == ActivityStatus.HELD)


def school_plan(*, school: Organisation, membership: Membership) -> SchoolPlan:
    """One school's own plan: its newest vision, how many versions it has, its goals,
    activities and budget lines, and — for those who read the school's scan — the action
    points of its own LOB-scans, open and handled (9 queries)."""
    partnership = school.partnership
    versions = vision_selectors.versions_of(partnership=partnership, school=school)
    sees_points = membership.has_perm("reflection.view_school_scan", school)
    return SchoolPlan(
        school=school,
        version=vision_selectors.current_vision(partnership=partnership, school=school),
        versions=versions.count(),
        can_manage=membership.has_perm("planning.school_plan", school),
        open_points=inbox_selectors.school_inbox_open(
            partnership=partnership, school=school
        )
        if sees_points
        else [],
        handled=inbox_selectors.inbox_handled(partnership=partnership, school=school)
        if sees_points
        else [],
        goals=goal_lines(
            partnership=partnership, owner=OwnerFilter(str(school.pk), school)
        ),
        activities=list(
            Activity.objects.filter(partnership=partnership, school=school).order_by(
                "starts_at", "pk"
            )
        ),
        budget_lines=list(
            BudgetLine.objects.filter(source__partnership=partnership, school=school)
            .select_related("source")
            .order_by("source__name", "description", "pk")
        ),
        sees_points=sees_points,
    )


def plan_school_plans(
    *, partnership: Partnership, membership: Membership, today: date
) -> list[SchoolPlanRow]:
    """The plan page's summary of the schools' own plans (1 query)."""
    return school_plan_rows(partnership=partnership)
