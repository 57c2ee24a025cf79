"""Reads of the schools' change assignments: the cross-school overview and one school."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery

from doorlopend.core.request_memo import memoised
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


@dataclass(frozen=True)
class MilestoneRow:
    title: str
    date: datetime.date
    done: bool
    school: str  # the name of the school whose assignment it belongs to
    school_id: int


def partnership_assignments(*, partnership: Partnership) -> dict[int, ChangeAssignment]:
    """Each school's change assignment (school id → assignment) with the figures of
    `_annotated` and its milestones by date (`milestone_rows`): the assignments joined
    to their milestones, one query once per request (the plan page's assignments and
    its timeline)."""
    return memoised(
        ("planning.partnership_assignments", partnership.pk),
        lambda: _assignments_with_milestones(partnership),
    )


def _assignments_with_milestones(
    partnership: Partnership,
) -> dict[int, ChangeAssignment]:
    latest = ProgressUpdate.objects.filter(assignment=OuterRef("pk")).order_by(
        "-date", "-pk"
    )
    rows = (
        ChangeAssignment.objects.filter(partnership=partnership)
        .annotate(
            latest_state=Subquery(latest.values("state")[:1]),
            latest_date=Subquery(latest.values("date")[:1]),
            school_name=F("organisation__name"),
            milestone_pk=F("milestones__pk"),
            milestone_title=F("milestones__title"),
            milestone_date=F("milestones__date"),
            milestone_done=F("milestones__done"),
        )
        .order_by("pk", "milestones__date", "milestones__pk")
    )
    assignments: dict[int, ChangeAssignment] = {}
    for row in rows:  # one row per milestone; one for an assignment without any
        assignment = assignments.setdefault(row.pk, row)
        if assignment is row:
            assignment.milestone_rows = []
        if row.milestone_pk is not None:
            assignment.milestone_rows.append(
                MilestoneRow(
                    row.milestone_title,
                    row.milestone_date,
                    row.milestone_done,
                    row.school_name,
                    row.organisation_id,
                )
            )
    for assignment in assignments.values():
        milestones = assignment.milestone_rows
        upcoming = next((m for m in milestones if not m.done), None)
        assignment.milestones_total = len(milestones)
        assignment.milestones_reached = sum(1 for m in milestones if m.done)
        assignment.next_title = upcoming.title if upcoming else None
        assignment.next_date = upcoming.date if upcoming else None
    return {a.organisation_id: a for a in assignments.values()}


def assignment_overview(
    *, partnership: Partnership, school_list: list[Organisation] | None = None
) -> list[SchoolRow]:
    """Every school of the partnership (`school_list` when the caller read them
    already), its portefeuillehouders and where it stands.

    Three queries whatever the number of schools (two with `school_list`).
    """
    leads = school_leads(partnership=partnership)
    assignments = partnership_assignments(partnership=partnership)
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
