"""Reads of activities: the filtered list, one activity's page, the coverage of the 7
elementen and the summary on the plan page."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from doorlopend.partnerships.models import Membership, Partnership

from ..elements import element_choices
from ..models import (
    Activity,
    ActivityApproval,
    ActivityAudience,
    ActivityKind,
    ActivityPerson,
    ActivityStatus,
)
from ..school_calendar import date_warnings
from .activity_rows import ActivityRow, confirmed_activities
from .plan_schools import OwnerFilter

PER_PAGE = 50
WHEN_CHOICES = ("upcoming", "past", "all")
PLAN_NEXT = 5
PLAN_RECENT = 3


@dataclass(frozen=True)
class ActivityFilter:
    """The list's filters as read from the query string; unknown values mean 'any'."""

    when: str = "upcoming"
    kind: str = ""
    status: str = ""
    element: str = ""
    audience: str = ""
    action_line: str = ""
    # "Van": the partnership's own plan or one school's (selectors.plan_schools).
    owner: OwnerFilter = OwnerFilter()

    @classmethod
    def from_query(
        cls,
        query,
        element_keys: set[str],
        line_keys: set[str] = frozenset(),
        owner: OwnerFilter | None = None,
    ) -> ActivityFilter:
        when = query.get("when", "upcoming")
        kind = query.get("kind", "")
        status = query.get("status", "")
        element = query.get("element", "")
        audience = query.get("audience", "")
        line = query.get("line", "")
        return cls(
            when=when if when in WHEN_CHOICES else "upcoming",
            kind=kind if kind in ActivityKind.values else "",
            status=status if status in ActivityStatus.values else "",
            element=element if element in element_keys else "",
            audience=audience if audience in ActivityAudience.values else "",
            action_line=line if line in line_keys else "",
            owner=owner or OwnerFilter(),
        )

    @property
    def narrowed(self) -> bool:
        return bool(
            self.kind
            or self.status
            or self.element
            or self.audience
            or self.action_line
            or self.owner.narrowed
        )


@dataclass(frozen=True)
class ElementCount:
    key: str
    title: str
    count: int


@dataclass
class PlanActivities:
    upcoming: list[ActivityRow]
    recent: list[ActivityRow]
    coverage: list[ElementCount]
    planned: int
    held: int
    thin: list[ElementCount] = field(default_factory=list)
    # Confirmed activities for parents (element 5, "Help mee bij LOB"), not cancelled.
    for_parents: int = 0


def _start_of_today() -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(), datetime.time.min)
    )


def activity_list(*, partnership: Partnership, filters: ActivityFilter) -> QuerySet:
    """Upcoming ones soonest first, past ones latest first; organisations and goals
    prefetched so a page costs the same with 5 or 500 activities (into lists,
    `organisation_list` and `goal_list`: an `.all()` per row builds a queryset through
    the scoped manager, 100 of them on a page of 50)."""
    activities = (
        Activity.objects.filter(partnership=partnership)
        .select_related("school")
        .prefetch_related(
            Prefetch("organisations", to_attr="organisation_list"),
            Prefetch("goals", to_attr="goal_list"),
        )
    )
    activities = filters.owner.apply(activities)
    today = _start_of_today()
    if filters.when == "upcoming":
        activities = activities.filter(starts_at__gte=today).order_by("starts_at", "pk")
    elif filters.when == "past":
        activities = activities.filter(starts_at__lt=today).order_by(
            "-starts_at", "-pk"
        )
    else:
        activities = activities.order_by("-starts_at", "-pk")
    if filters.kind:
        activities = activities.filter(kind=filters.kind)
    if filters.status:
        activities = activities.filter(status=filters.status)
    if filters.element:
        # A text match on the stored JSON list: works alike on SQLite and PostgreSQL
        # (JSON `contains` does not exist on SQLite). Keys are slugs, so the quoted key
        # matches only itself.
        activities = activities.filter(elements__icontains=f'"{filters.element}"')
    if filters.audience:
        activities = activities.filter(audience=filters.audience)
    if filters.action_line:
        activities = activities.filter(
            action_lines__icontains=f'"{filters.action_line}"'
        )
    return activities


def with_element_titles(activities, choices: list[tuple[str, str]]) -> list[Activity]:
    """Sets `element_items` [(key, title)] on each activity, in the elements' order."""
    titles = dict(choices)
    activities = list(activities)
    for activity in activities:
        activity.element_items = [
            (key, titles[key]) for key in activity.elements if key in titles
        ]
    return activities


def activity_page(
    *,
    partnership: Partnership,
    filters: ActivityFilter,
    page_number,
    choices: list[tuple[str, str]],
) -> Page:
    page = Paginator(
        activity_list(partnership=partnership, filters=filters), PER_PAGE
    ).get_page(page_number)
    page.object_list = with_element_titles(page.object_list, choices)
    return page


def element_coverage(
    *,
    partnership: Partnership,
    choices: list[tuple[str, str]],
    owner: OwnerFilter | None = None,
) -> list[ElementCount]:
    """How many activities (cancelled ones not counted) serve each element, in one query;
    with `owner`, only the activities of the plan it names (the list's filter "Van")."""
    activities = Activity.objects.filter(
        partnership=partnership, approval=ActivityApproval.CONFIRMED
    ).exclude(status=ActivityStatus.CANCELLED)
    if owner is not None:
        activities = owner.apply(activities)
    return coverage_of(activities.values_list("elements", flat=True), choices)


def coverage_of(lists, choices: list[tuple[str, str]]) -> list[ElementCount]:
    """How many of the activities' element lists name each element."""
    counts: Counter[str] = Counter()
    for elements in lists:
        counts.update(set(elements or []))
    return [ElementCount(key, title, counts[key]) for key, title in choices]


def thin_elements(coverage: list[ElementCount]) -> list[ElementCount]:
    """The elements served least: none at all, or under a third of the best served."""
    most = max((c.count for c in coverage), default=0)
    return [c for c in coverage if c.count == 0 or c.count * 3 < most]


def activity_for_page(*, partnership: Partnership, activity_id: int) -> Activity | None:
    """One activity with its people (member and organisation), goals and organisations,
    and `total_hours` summed in Decimal."""
    activity = (
        Activity.objects.filter(partnership=partnership, pk=activity_id)
        .select_related("school")
        .prefetch_related(
            "organisations",
            "goals",
            Prefetch(
                "people",
                queryset=ActivityPerson.objects.select_related(
                    "membership__user", "organisation"
                ),
            ),
        )
        .first()
    )
    if activity is None:
        return None
    activity.total_hours = sum(
        (p.hours for p in activity.people.all()), start=Decimal("0")
    )
    with_element_titles([activity], element_choices())
    return activity


def members_of(partnership: Partnership) -> QuerySet:
    return Membership.objects.filter(partnership=partnership).select_related("user")


def plan_activities(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> PlanActivities:
    """The partnership's own next activities, the ones held lately, and how the 7
    elementen are served by all activities, the schools' own among them: counted from
    the confirmed activities' rows (`activity_rows`, shared with the page's other
    sections), which also hold what the listed ones show. The schools' own activities
    are counted in their summary (`school_plans.plan_school_plans`)."""
    choices = element_choices()
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    rows = confirmed_activities(partnership=partnership)
    own = [r for r in rows if r.school_id is None]
    upcoming = [r for r in own if r.starts_at >= start and r.counts][:PLAN_NEXT]
    held = [r for r in own if r.starts_at < start and r.status == ActivityStatus.HELD]
    recent = held[::-1][:PLAN_RECENT]
    coverage = coverage_of((r.elements for r in rows if r.counts), choices)
    statuses = Counter(r.status for r in own)
    return PlanActivities(
        upcoming=upcoming,
        recent=recent,
        coverage=coverage,
        planned=statuses.get(ActivityStatus.PLANNED, 0),
        held=statuses.get(ActivityStatus.HELD, 0),
        thin=thin_elements(coverage),
        for_parents=sum(
            1 for r in own if r.audience == ActivityAudience.OUDERS and r.counts
        ),
    )


def activity_date_warnings(
    *, activity: Activity, partnership: Partnership
) -> list[str]:
    """Why the activity's date may keep people away: a public holiday, a school holiday
    of the partnership's region, a weekend. A warning only; a cancelled activity has none."""
    if activity.status == ActivityStatus.CANCELLED:
        return []
    day = timezone.localtime(activity.starts_at).date()
    return date_warnings(day, region=partnership.school_region)
