"""The plan van aanpak on one page: what a stuurgroep reads in five minutes.

Each area of the plan provides its own summary (`selectors.<area>.plan_<area>`) and its
own section template (`planning/plan/_<area>.html`); this page puts them in order, the
vision "letterlijk bovenaan" (seed 003).
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from doorlopend.core.facts import ask
from doorlopend.partnerships.access import partnership_view

from ..selectors import (
    action_lines,
    activities,
    assignments,
    budget,
    card_questions,
    communication,
    goals,
    inbox,
    school_plans,
    tasks,
    timeline,
    vision,
)

# (area, summary function), in the order the page shows them.
SECTIONS = (
    ("vision", vision.plan_vision),
    ("goals", goals.plan_goals),
    ("activities", activities.plan_activities),
    ("action_lines", action_lines.plan_action_lines),
    ("budget", budget.plan_budget),
    ("assignments", assignments.plan_assignments),
    ("school_plans", school_plans.plan_school_plans),
    ("tasks", tasks.plan_tasks),
    ("communication", communication.plan_communication),
    ("inbox", inbox.plan_inbox),
    ("timeline", timeline.plan_timeline),
)


@partnership_view("planning.view")
@require_GET
def plan(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    # The sections' counts in one query first (core.facts); each section asks its own.
    ask(
        card_questions.plan_questions(
            partnership=request.partnership, membership=request.membership, today=today
        )
    )
    context = {
        area: summary(
            partnership=request.partnership,
            membership=request.membership,
            today=today,
        )
        for area, summary in SECTIONS
    }
    return render(request, "planning/plan/plan.html", context)
