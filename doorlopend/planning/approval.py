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

from .models import Activity, BudgetLine, Goal, VisionVersion
from .models.activities import ActivityApproval


def plan_text(partnership: Partnership) -> str:
    own = {"partnership": partnership, "school__isnull": True}
    lines = [_("Plan van aanpak %(name)s") % {"name": partnership.name}, ""]
    vision = VisionVersion.objects.filter(**own).first()
    if vision is not None:
        lines.append(_("Vision"))
        lines += [t for t in (vision.definition, vision.vision, vision.ambition) if t]
        lines.append("")
    lines.append(_("Goals"))
    for goal in Goal.objects.filter(**own).order_by("deadline", "title", "pk"):
        lines.append(
            f"- {goal.title}: {goal.baseline} → {goal.target} {goal.unit} "
            f"({goal.deadline:%d-%m-%Y})"
        )
    lines += ["", _("Activities")]
    activities = Activity.objects.filter(**own, approval=ActivityApproval.CONFIRMED)
    for activity in activities.order_by("starts_at", "title", "pk"):
        day = timezone.localtime(activity.starts_at)
        lines.append(f"- {day:%d-%m-%Y} {activity.title}")
    lines += ["", _("Budget (planned)")]
    budget = BudgetLine.objects.filter(
        source__partnership=partnership, school__isnull=True
    ).select_related("source")
    for line in budget.order_by("source__name", "description", "pk"):
        lines.append(f"- {line.source.name}: {line.description} € {line.planned}")
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
