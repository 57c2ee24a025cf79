"""Reads of the schools' own LOB plans: one school's plan, and all of them in summary.

A school's plan is kept through the same code as the partnership's: its vision is a
`VisionVersion` with that school (`selectors.vision`, with `school=`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Max, Q

from doorlopend.partnerships.models import (
    SCHOOL_KINDS,
    Membership,
    Organisation,
    Partnership,
)
from doorlopend.reflection.models import ActionPoint

from ..models import Triage, VisionVersion
from . import inbox as inbox_selectors
from . import vision as vision_selectors


@dataclass
class SchoolPlanRow:
    school: Organisation
    vision_at: datetime | None
    versions: int
    open_points: int

    @property
    def has_vision(self) -> bool:
        return self.vision_at is not None


def school_plan_rows(*, partnership: Partnership) -> list[SchoolPlanRow]:
    """Every school of the partnership with the date of its vision's newest version, the
    number of versions and of open action points from its own LOB-scans (1 query)."""
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
        )
        .order_by("name")
    )
    return [
        SchoolPlanRow(s, s.vision_at, s.version_count, s.open_point_count)
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


def school_plan(*, school: Organisation, membership: Membership) -> SchoolPlan:
    """One school's own plan: its newest vision, how many versions it has, and the action
    points of its own LOB-scans, open and handled (4 queries)."""
    partnership = school.partnership
    versions = vision_selectors.versions_of(
        partnership=school.partnership, school=school
    )
    return SchoolPlan(
        school=school,
        version=vision_selectors.current_vision(
            partnership=school.partnership, school=school
        ),
        versions=versions.count(),
        can_manage=membership.has_perm("planning.school_plan", school),
        open_points=inbox_selectors.school_inbox_open(
            partnership=partnership, school=school
        ),
        handled=inbox_selectors.inbox_handled(partnership=partnership, school=school),
    )


def plan_school_plans(
    *, partnership: Partnership, membership: Membership, today: date
) -> list[SchoolPlanRow]:
    """The plan page's summary of the schools' own plans (1 query)."""
    return school_plan_rows(partnership=partnership)
