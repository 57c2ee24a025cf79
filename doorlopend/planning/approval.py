"""The plan van aanpak as the stuurgroep approves it (approvals registry, kind "plan").

What the stuurgroep fixes is the partnership's own plan: the newest vision, the goals
with their target and deadline, the confirmed activities with their date, and the
planned budget per funding source. Progress (measurements, activities held, money
spent) is not part of it: recording progress is no change of the plan and needs no new
approval. The text below is what the content hash is over.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.approvals.registry import Snapshot
from doorlopend.partnerships.models import Partnership

from .selectors.activity_rows import confirmed_activities
from .selectors.budget import plan_sources
from .selectors.goals import own_goals
from .selectors.vision import current_vision


def plan_text(partnership: Partnership) -> str:
    lines = [_("Plan van aanpak %(name)s") % {"name": partnership.name}, ""]
    vision = current_vision(partnership=partnership)
    if vision is not None:
        lines.append(_("Vision"))
        lines += [t for t in (vision.definition, vision.vision, vision.ambition) if t]
        lines.append("")
    lines.append(_("Goals"))
    goals = sorted(
        own_goals(partnership=partnership), key=lambda g: (g.deadline, g.title, g.pk)
    )
    for goal in goals:
        lines.append(
            f"- {goal.title}: {goal.baseline} → {goal.target} {goal.unit} "
            f"({goal.deadline:%d-%m-%Y})"
        )
    lines += ["", _("Activities")]
    activities = sorted(
        (r for r in confirmed_activities(partnership=partnership) if not r.school_id),
        key=lambda r: (r.starts_at, r.title, r.pk),
    )
    for activity in activities:
        day = timezone.localtime(activity.starts_at)
        lines.append(f"- {day:%d-%m-%Y} {activity.title}")
    lines += ["", _("Budget (planned)")]
    budget = sorted(
        (
            line
            for source in plan_sources(partnership=partnership)
            for line in source.lines
            if line.school_id is None
        ),
        key=lambda line: (line.source, line.description, line.pk),
    )
    for line in budget:
        lines.append(f"- {line.source}: {line.description} € {line.planned}")
    return "\n".join(lines)


def plan_snapshot(partnership: Partnership, target_id: int) -> Snapshot | None:
    """The partnership's plan now (the plan has no target: only 0 names it)."""
    if target_id != 0:
        return None
    return Snapshot(
        title=_("Plan van aanpak %(name)s") % {"name": partnership.name},
        content_text=plan_text(partnership),
        url=reverse("planning:plan", kwargs={"partnership_slug": partnership.slug}),
    )
