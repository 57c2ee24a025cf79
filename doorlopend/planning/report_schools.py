"""The voortgangsrapportage's section on the schools' own LOB plans.

Per school that keeps a plan of its own (a vision, or goals, activities or budget lines
of that school): a summary row (vision of, versions, goals, activities held and planned,
budget planned and spent), its newest vision and ambition, and its goals and activities
in short. A fixed number of queries, whatever the number of schools.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from doorlopend.core.document_content import EMPTY, Section, Table, Text, euro
from doorlopend.partnerships.models import Partnership

from .models import Activity, VisionVersion
from .selectors.goals import goal_lines
from .selectors.school_plans import school_plan_rows


def _date(day) -> str:
    return formats.date_format(day, "j F Y") if day else EMPTY


def _money(amount: Decimal) -> str:
    """€ 2.100,00 that never breaks after the euro sign in a narrow column."""
    return euro(amount).replace(" ", "\u00a0")


def _newest_visions(partnership: Partnership) -> dict[int, VisionVersion]:
    newest: dict[int, VisionVersion] = {}
    for v in VisionVersion.objects.filter(
        partnership=partnership, school__isnull=False
    ).order_by("school_id", "-created_at", "-pk"):
        newest.setdefault(v.school_id, v)
    return newest


def school_plans_section(
    partnership: Partnership, *, number: Callable[[Decimal | None, str], str]
) -> Section:
    """The schools' own plans (5 queries); `number` writes a goal's figure with its unit
    as the report's goals section does."""
    rows = [
        r
        for r in school_plan_rows(partnership=partnership)
        if r.has_vision or r.has_work
    ]
    visions = _newest_visions(partnership)
    goals: dict[int, list] = {}
    for line in goal_lines(partnership=partnership):
        if line.goal.school_id:
            goals.setdefault(line.goal.school_id, []).append(line)
    activities: dict[int, list[Activity]] = {}
    for a in Activity.objects.filter(
        partnership=partnership, school__isnull=False
    ).order_by("starts_at", "pk"):
        activities.setdefault(a.school_id, []).append(a)
    summary = Table(
        [
            _("School"),
            _("Vision of"),
            _("Versions"),
            _("Goals"),
            _("Activities"),
            _("Planned"),
            _("Spent"),
        ],
        [
            [
                r.school.name,
                _date(timezone.localdate(r.vision_at)) if r.vision_at else EMPTY,
                str(r.versions),
                str(r.goals),
                _("%(held)s held, %(planned)s planned")
                % {"held": r.activities_held, "planned": r.activities_planned},
                _money(r.budget_planned),
                _money(r.budget_spent),
            ]
            for r in rows
        ],
        empty=_("No school keeps a LOB plan of its own yet."),
    )
    parts: list = [summary]
    for r in rows:
        school = r.school
        version = visions.get(school.pk)
        if version is not None:
            parts.append(
                Text(
                    "\n\n".join(t for t in (version.vision, version.ambition) if t),
                    title=school.name,
                    empty=EMPTY,
                )
            )
        if school.pk in goals:
            parts.append(
                Table(
                    [_("Goal"), _("Latest measurement"), _("Target"), _("Deadline")],
                    [
                        [
                            line.goal.title,
                            number(line.latest_value, line.goal.unit),
                            number(line.goal.target, line.goal.unit),
                            _date(line.goal.deadline),
                        ]
                        for line in goals[school.pk]
                    ],
                    caption=_("Goals of %(school)s") % {"school": school.name},
                )
            )
        if school.pk in activities:
            parts.append(
                Table(
                    [_("Date"), _("Activity"), _("Status")],
                    [
                        [
                            _date(timezone.localdate(a.starts_at)),
                            a.title,
                            a.get_status_display(),
                        ]
                        for a in activities[school.pk]
                    ],
                    caption=_("Activities of %(school)s") % {"school": school.name},
                )
            )
    return Section(_("The schools' own LOB plans"), parts)
