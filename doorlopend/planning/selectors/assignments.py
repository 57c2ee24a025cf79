"""Reads of the schools' change assignments: the cross-school overview and one school."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from doorlopend.partnerships.models import (
    SCHOOL_KINDS,
    Membership,
    Organisation,
    Partnership,
)
from doorlopend.roadmaps.selectors import school_leads

from ..models import ChangeAssignment, Milestone, ProgressUpdate
from ..services.assignments import PARTS
from .school_plans import school_plan_rows


def schools(*, partnership: Partnership) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        partnership=partnership, kind__in=SCHOOL_KINDS
    ).order_by("name", "pk")


@dataclass
class SchoolRow:
    school: Organisation
    leads: list[Membership] = field(default_factory=list)
    assignment: ChangeAssignment | None = None

    @property
    def parts_filled(self) -> int:
        a = self.assignment
        return sum(bool(getattr(a, p)) for p in PARTS) if a else 0

    @property
    def parts_total(self) -> int:
        return len(PARTS)

    @property
    def complete(self) -> bool:
        return self.parts_filled == len(PARTS)


def _annotated(queryset: QuerySet[ChangeAssignment]) -> QuerySet[ChangeAssignment]:
    """Milestone counts, the next open milestone and the latest update, in the one query."""
    next_open = Milestone.objects.filter(
        assignment=OuterRef("pk"), done=False
    ).order_by("date", "pk")
    latest = ProgressUpdate.objects.filter(assignment=OuterRef("pk")).order_by(
        "-date", "-pk"
    )
    return queryset.annotate(
        milestones_total=Count("milestones", distinct=True),
        milestones_reached=Count(
            "milestones", filter=Q(milestones__done=True), distinct=True
        ),
        next_title=Subquery(next_open.values("title")[:1]),
        next_date=Subquery(next_open.values("date")[:1]),
        latest_state=Subquery(latest.values("state")[:1]),
        latest_date=Subquery(latest.values("date")[:1]),
    )


def assignment_overview(
    *, partnership: Partnership, school_list: list[Organisation] | None = None
) -> list[SchoolRow]:
    """Every school of the partnership (`school_list` when the caller read them
    already), its portefeuillehouders and where it stands.

    Three queries whatever the number of schools (two with `school_list`).
    """
    leads = school_leads(partnership=partnership)
    assignments = {
        a.organisation_id: a
        for a in _annotated(ChangeAssignment.objects.filter(partnership=partnership))
    }
    return [
        SchoolRow(
            school=school,
            leads=leads.get(school.pk, []),
            assignment=assignments.get(school.pk),
        )
        for school in (
            schools(partnership=partnership) if school_list is None else school_list
        )
    ]


def leads_of(*, organisation: Organisation) -> list[Membership]:
    return school_leads(partnership=organisation.partnership).get(organisation.pk, [])


@dataclass
class AssignmentDetail:
    school: Organisation
    leads: list[Membership]
    assignment: ChangeAssignment | None
    milestones: list[Milestone]
    updates: list[ProgressUpdate]


def assignment_detail(*, organisation: Organisation) -> AssignmentDetail:
    """One school's assignment, its milestones by date and its updates newest first."""
    assignment = (
        ChangeAssignment.objects.filter(
            partnership_id=organisation.partnership_id, organisation=organisation
        )
        .select_related("updated_by")
        .first()
    )
    milestones, updates = [], []
    if assignment is not None:
        milestones = list(assignment.milestones.order_by("date", "pk"))
        updates = list(
            assignment.updates.select_related("created_by").order_by("-date", "-pk")
        )
    return AssignmentDetail(
        school=organisation,
        leads=leads_of(organisation=organisation),
        assignment=assignment,
        milestones=milestones,
        updates=updates,
    )


def plan_assignments(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> list[SchoolRow]:
    """The plan page's section: one line per school (two queries; the schools are
    those of the schools' own plans, `school_plans.school_plan_rows`)."""
    return assignment_overview(
        partnership=partnership,
        school_list=[row.school for row in school_plan_rows(partnership=partnership)],
    )
