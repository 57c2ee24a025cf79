"""Reads of SMART goals: the list with latest measurement and progress, one goal's page,
the plan's summary, and the reflectietool themes a goal can answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Count,
    DecimalField,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce

from doorlopend.core.request_memo import memoised
from doorlopend.instruments.models import InstrumentVersion
from doorlopend.instruments.selectors import newest_version
from doorlopend.partnerships.models import Membership, Partnership

from ..action_lines import with_titles
from ..models import Goal, GoalRevision, Measurement
from .plan_schools import PARTNERSHIP, OwnerFilter

REFLECTIETOOL = "reflectietool"


def theme_choices() -> list[tuple[str, str]]:
    """(key, title) of the newest reflectietool's themes, in the instrument's order."""
    # Instruments are national content, not tenant data: they have no scope.
    version = newest_version(
        kind=InstrumentVersion.Kind.QUESTIONNAIRE, key=REFLECTIETOOL
    )
    if version is None:
        return []
    return [(t.key, t.title) for t in version.definition.themes]


def theme_keys() -> set[str]:
    return {key for key, _title in theme_choices()}


def progress_percent(
    baseline: Decimal, target: Decimal, value: Decimal | None
) -> int | None:
    """How far from baseline to target the value has come, in whole percents (may be
    below 0 or above 100); None without a measurement."""
    if value is None or target == baseline:
        return None
    share = (Decimal(value) - baseline) / (target - baseline) * 100
    return int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass
class GoalLine:
    goal: Goal
    theme_title: str
    latest_value: Decimal | None
    latest_date: date | None
    revision_count: int
    # Titles of the OCW action lines it serves; filled by `goal_lines(with_lines=...)`.
    action_line_titles: list[str] = field(default_factory=list)

    @property
    def progress(self) -> int | None:
        return progress_percent(self.goal.baseline, self.goal.target, self.latest_value)

    @property
    def progress_bar(self) -> int:
        """The progress clamped to 0–100, for a `<progress>` bar."""
        return max(0, min(100, self.progress or 0))


def _goals(partnership: Partnership) -> QuerySet[Goal]:
    latest = Measurement.objects.filter(goal=OuterRef("pk")).order_by("-date", "-pk")
    revisions = (
        GoalRevision.objects.filter(goal=OuterRef("pk"))
        .order_by()
        .values("goal")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Goal.objects.filter(partnership=partnership)
        .select_related("owner__user", "school")
        .annotate(
            latest_value=Subquery(
                latest.values("value")[:1],
                output_field=DecimalField(max_digits=12, decimal_places=2),
            ),
            latest_date=Subquery(latest.values("date")[:1]),
            revision_count=Coalesce(
                Subquery(revisions, output_field=IntegerField()), 0
            ),
        )
        .order_by("deadline", "title", "pk")
    )


def partnership_goals(*, partnership: Partnership) -> list[Goal]:
    """Every goal of the partnership (the schools' own too), each with its latest
    measurement and number of revisions, by deadline: one query, once per request (the
    plan page's goals, action lines and timeline, and its approval box's text)."""
    return memoised(
        ("planning.goals", partnership.pk), lambda: list(_goals(partnership))
    )


def own_goals(*, partnership: Partnership) -> list[Goal]:
    """The partnership's own goals (no school's), from `partnership_goals`."""
    return [
        g for g in partnership_goals(partnership=partnership) if g.school_id is None
    ]


def goal_lines(
    *,
    partnership: Partnership,
    action_line: str = "",
    line_choices: list[tuple[str, str]] | None = None,
    owner: OwnerFilter | None = None,
) -> list[GoalLine]:
    """Every goal with its latest measurement and number of revisions (2 queries); only
    those serving `action_line` when given, and only the partnership's or one school's
    when `owner` says so. With `line_choices` (the OCW action lines), each line names the
    action lines its goal serves."""
    titles = dict(theme_choices())
    if owner is not None and owner.value == PARTNERSHIP and not action_line:
        goals = own_goals(partnership=partnership)
    else:
        goals = _goals(partnership)
        if owner is not None:
            goals = owner.apply(goals)
    if action_line:
        # A text match on the stored JSON list, as for activities' elements.
        goals = goals.filter(action_lines__icontains=f'"{action_line}"')
    return [
        GoalLine(
            goal=g,
            theme_title=titles.get(g.theme_key, g.theme_key),
            latest_value=g.latest_value,
            latest_date=g.latest_date,
            revision_count=g.revision_count,
            action_line_titles=[
                title for _key, title in with_titles(g.action_lines, line_choices)
            ]
            if line_choices
            else [],
        )
        for g in goals
    ]


@dataclass
class GoalPage:
    line: GoalLine
    measurements: list[Measurement]
    revisions: list[GoalRevision]

    @property
    def goal(self) -> Goal:
        return self.line.goal


def goal_page(*, goal: Goal) -> GoalPage:
    """One goal with its measurements (oldest first) and revisions (newest first)."""
    measurements = list(goal.measurements.order_by("date", "pk"))
    revisions = list(
        goal.revisions.select_related("created_by").order_by("-created_at", "-pk")
    )
    latest = measurements[-1] if measurements else None
    line = GoalLine(
        goal=goal,
        theme_title=dict(theme_choices()).get(goal.theme_key, goal.theme_key),
        latest_value=latest.value if latest else None,
        latest_date=latest.date if latest else None,
        revision_count=len(revisions),
    )
    return GoalPage(line=line, measurements=measurements, revisions=revisions)


@dataclass
class GoalsSummary:
    lines: list[GoalLine]
    can_manage: bool
    today: date


def plan_goals(
    *, partnership: Partnership, membership: Membership, today: date
) -> GoalsSummary:
    """Every goal of the partnership's own plan on one line for the plan page: latest
    value → target, deadline, revised n times (1 query, shared with the page's other
    sections). The schools' own goals are
    counted in their summary (`school_plans.plan_school_plans`)."""
    return GoalsSummary(
        lines=goal_lines(partnership=partnership, owner=OwnerFilter(PARTNERSHIP)),
        can_manage=membership.has_perm("planning.manage"),
        today=today,
    )
