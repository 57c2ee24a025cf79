"""The voortgangsrapportage: the plan's progress for the stuurgroep, as document content.

Built as `core.document_content.DocumentContent`, so the documents module renders it to PDF
with the projectplan's template and keeps its plain text for the content hash and for
comparing versions. The partnership's goals with their latest measurement and
revisions, its activities held this school year, the budget per source (Decimal
throughout), where each school stands, each school's own LOB plan (its vision, goals and
activities: report_schools.py), and the action points still waiting in the inbox. A
fixed number of queries.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from doorlopend.core.document_content import (
    EMPTY,
    DocumentContent,
    Facts,
    Section,
    Table,
    euro,
)
from doorlopend.partnerships.models import Partnership
from doorlopend.partnerships.naming import partnership_phrase

from .models import (
    Activity,
    ActivityStatus,
    BudgetLine,
    ChangeAssignment,
    Goal,
    GoalRevision,
    Measurement,
    Milestone,
    ProgressUpdate,
)
from .report_schools import school_plans_section
from .selectors.inbox import inbox_open
from .selectors.timeline import school_year_bounds, school_year_of

ZERO = Decimal("0")


def _date(day) -> str:
    return formats.date_format(day, "j F Y") if day else EMPTY


def _number(value: Decimal | None, unit: str = "") -> str:
    """75 or 75,5 (no ",00" on whole numbers), with the goal's unit."""
    if value is None:
        return EMPTY
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    else:
        value = value.normalize()  # 62.50 → 62.5
    return f"{formats.number_format(value, use_l10n=True)} {unit}".strip()


def _goals(partnership: Partnership) -> list[Section]:
    """The partnership's own goals; a school's are in its own plan's part."""
    goals = list(Goal.objects.filter(partnership=partnership, school__isnull=True))
    latest: dict[int, Measurement] = {}
    for m in Measurement.objects.filter(
        goal__partnership=partnership, goal__school__isnull=True
    ).order_by("date", "pk"):
        latest[m.goal_id] = m  # the last one wins
    revisions = list(
        GoalRevision.objects.filter(
            goal__partnership=partnership, goal__school__isnull=True
        )
        .select_related("goal")
        .order_by("goal__title", "created_at", "pk")
    )
    rows = []
    for g in goals:
        m = latest.get(g.pk)
        measured = f"{_number(m.value, g.unit)} ({_date(m.date)})" if m else EMPTY
        rows.append(
            [
                g.title,
                g.indicator,
                _number(g.baseline, g.unit),
                measured,
                _number(g.target, g.unit),
                _date(g.deadline),
            ]
        )
    goal_table = Table(
        [
            _("Goal"),
            _("Indicator"),
            _("Baseline"),
            _("Latest measurement"),
            _("Target"),
            _("Deadline"),
        ],
        rows,
        empty=_("The plan has no goals yet."),
    )
    revision_table = Table(
        [_("Goal"), _("Date"), _("Target"), _("Deadline"), _("Reason")],
        [
            [
                r.goal.title,
                _date(r.created_at.date()),
                f"{_number(r.old_target)} → {_number(r.new_target)}",
                f"{_date(r.old_deadline)} → {_date(r.new_deadline)}",
                r.reason,
            ]
            for r in revisions
        ],
        caption=_("Revisions"),
        empty=_("No goal has been revised."),
    )
    return [Section(_("Goals"), [goal_table, revision_table])]


def _activities(partnership: Partnership, start, end) -> Section:
    held = Activity.objects.filter(
        partnership=partnership,
        school__isnull=True,  # a school's are in its own plan's part
        status=ActivityStatus.HELD,
        starts_at__date__range=(start, end),
    )
    rows = [
        [
            _date(timezone.localdate(a.starts_at)),
            a.title,
            a.get_kind_display(),
            a.evaluation,
        ]
        for a in held
    ]
    return Section(
        _("Activities held"),
        [
            Table(
                [_("Date"), _("Activity"), _("Type"), _("Evaluation")],
                rows,
                empty=_("No activity has been held in this school year yet."),
            )
        ],
    )


def _overspent(lines: int) -> str:
    if not lines:
        return ""
    return ngettext(
        "%(count)s line spent more than planned",
        "%(count)s lines spent more than planned",
        lines,
    ) % {"count": lines}


def _budget(partnership: Partnership) -> Section:
    per_source = list(
        BudgetLine.objects.filter(source__partnership=partnership)
        .values("source__name")
        .annotate(
            # Named apart from the fields: F("planned") must be the line's own value.
            overspent=Count("pk", filter=Q(spent__gt=F("planned"))),
            total_planned=Sum("planned"),
            total_committed=Sum("committed"),
            total_spent=Sum("spent"),
        )
        .order_by("source__name")
    )
    totals = {
        k: sum((r[f"total_{k}"] or ZERO for r in per_source), ZERO)
        for k in ("planned", "committed", "spent")
    }
    rows = [
        [
            r["source__name"],
            euro(r["total_planned"]),
            euro(r["total_committed"]),
            euro(r["total_spent"]),
            _overspent(r["overspent"]),
        ]
        for r in per_source
    ]
    if rows:
        rows.append(
            [
                _("Total"),
                euro(totals["planned"]),
                euro(totals["committed"]),
                euro(totals["spent"]),
                "",
            ]
        )
    return Section(
        _("Budget"),
        [
            Table(
                [
                    _("Funding source"),
                    _("Planned"),
                    _("Committed"),
                    _("Spent"),
                    _("Note"),
                ],
                rows,
                empty=_("No budget lines yet."),
            )
        ],
    )


def _schools(partnership: Partnership) -> Section:
    assignments = list(
        ChangeAssignment.objects.filter(partnership=partnership).select_related(
            "organisation"
        )
    )
    latest: dict[int, ProgressUpdate] = {}
    for u in ProgressUpdate.objects.filter(
        assignment__partnership=partnership
    ).order_by("date", "pk"):
        latest[u.assignment_id] = u
    reached: dict[int, tuple[int, int]] = {}
    for m in Milestone.objects.filter(assignment__partnership=partnership).values(
        "assignment_id", "done"
    ):
        done, total = reached.get(m["assignment_id"], (0, 0))
        reached[m["assignment_id"]] = (done + int(m["done"]), total + 1)
    rows = []
    for a in assignments:
        u = latest.get(a.pk)
        done, total = reached.get(a.pk, (0, 0))
        rows.append(
            [
                a.organisation.name,
                u.get_state_display() if u else _("no update yet"),
                _date(u.date) if u else EMPTY,
                u.text if u else "",
                _("%(done)s of %(total)s") % {"done": done, "total": total},
            ]
        )
    return Section(
        _("Progress per school"),
        [
            Table(
                [
                    _("School"),
                    _("Status"),
                    _("Date"),
                    _("Progress"),
                    _("Milestones reached"),
                ],
                rows,
                empty=_("No school has a change assignment yet."),
            )
        ],
    )


def _inbox(partnership: Partnership) -> Section:
    rows = [
        [
            p.title,
            p.session.title if p.session else EMPTY,
            p.owner_label or EMPTY,
            _date(p.due_date),
        ]
        for p in inbox_open(partnership=partnership)
    ]
    return Section(
        _("Open action points"),
        [
            Table(
                [_("Action point"), _("Session"), _("Owner"), _("Due date")],
                rows,
                empty=_(
                    "Every action point of the reflection sessions has been handled."
                ),
            )
        ],
    )


def progress_report_content(
    partnership: Partnership, *, today: datetime.date
) -> DocumentContent:
    year = school_year_of(today)
    start, end = school_year_bounds(year)
    return DocumentContent(
        title=partnership.name,
        subtitle=_("Voortgangsrapportage plan van aanpak"),
        facts=Facts(
            [
                (_("Drawn up by"), partnership_phrase(partnership.name)),
                (_("School year"), f"{year}-{year + 1}"),
                (_("Up to"), _date(today)),
            ]
        ),
        sections=[
            *_goals(partnership),
            _activities(partnership, start, end),
            _budget(partnership),
            _schools(partnership),
            school_plans_section(partnership, number=_number),
            _inbox(partnership),
        ],
    )
