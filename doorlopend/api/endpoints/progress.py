"""The progress of the plan van aanpak and the checklist, as the stuurgroep reads it."""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from doorlopend.planning.selectors.home import progress
from doorlopend.roadmaps.selectors.overview import dashboard_summary, step_plans

from ..access import KeyAuth, operation
from ..schemas import Progress
from .common import responses

router = Router(tags=["progress"])


def _number(value) -> float | None:
    return float(value) if value is not None else None


@router.get(
    "/partnerships/{slug}/progress",
    response=responses({200: Progress}),
    operation_id="progress_get",
    summary="Progress of the plan van aanpak, the checklist and the step plans",
    auth=KeyAuth("progress:read"),
)
@operation
def progress_get(request: HttpRequest, slug: str):
    """Goals towards their targets (nearest deadlines first), activities and tasks, the
    schools' change assignments by state, the checklist and each route's step plan."""
    partnership, today = request.auth.partnership, timezone.localdate()
    plan = progress(partnership=partnership, today=today)
    summary = dashboard_summary(
        partnership=partnership, membership=request.api_membership, today=today
    )
    checklist = None
    if summary.checklist is not None:
        checklist = {
            "id": summary.checklist.pk,
            "title": str(summary.checklist),
            "done": summary.done,
            "applicable": summary.applicable,
            "percent": summary.percent,
        }
    return {
        "plan": {
            "goal_count": plan.goal_count,
            "goals": [
                {
                    "id": line.goal.pk,
                    "title": line.goal.title,
                    "target": _number(line.goal.target),
                    "latest_value": _number(line.latest_value),
                    "latest_date": line.latest_date,
                    "progress_percent": line.progress,
                }
                for line in plan.goals
            ],
            "activities_held": plan.activities_held,
            "activities_planned": plan.activities_planned,
            "tasks_done": plan.tasks_done,
            "tasks_total": plan.tasks_total,
            "assignments": {key: n for key, _label, n in plan.assignment_states},
        },
        "checklist": checklist,
        "checklist_overdue": summary.overdue,
        "step_plans": [
            {
                "id": row.roadmap.pk,
                "title": str(row.roadmap),
                "done": row.done,
                "applicable": row.applicable,
                "percent": row.percent,
            }
            for row in step_plans(partnership=partnership)
        ],
    }
