"""The step "Analyse" of a route's step plan follows the route's region analysis (see
roadmaps.derived): in progress once some of the five questions are answered (by the
data or a note), done when all five are; a link to the analysis page."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Partnership
from doorlopend.roadmaps.derived import Answer, Target, answerer_register
from doorlopend.roadmaps.models import Status

from .models import Question
from .selectors import answered_counts

STEP_PLAN = "doorlopende-leerroute"
ITEM = "analyse"


def analysis_answers(partnership: Partnership, targets: list[Target]) -> dict:
    counts = answered_counts(partnership, {t.route_id for t in targets if t.route_id})
    total = len(Question.values)
    result = {}
    for target in targets:
        answered = counts.get(target.route_id, 0)
        if not answered:
            continue  # nothing yet: the manual status stands
        status = Status.DONE if answered == total else Status.IN_PROGRESS
        says = _("%(n)s of the %(total)s questions answered.") % {
            "n": answered,
            "total": total,
        }
        url = reverse("region:route_analysis", args=[partnership.slug, target.route_id])
        result[target.state_id] = Answer(status, says, _("the region analysis"), url)
    return result


def register() -> None:
    answerer_register(STEP_PLAN, ITEM, analysis_answers)
