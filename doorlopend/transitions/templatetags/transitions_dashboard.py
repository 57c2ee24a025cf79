"""The doorstroommonitor's card on the partnership's overview page.

An inclusion tag, registered as a card (core.dashboard) in the app's ready(), so that
the partnerships app (below transitions) needs no import of it.
It shows the newest year's key figures, suppressed like every other figure.
"""

from django import template

from ..access import pupil_schools
from ..selectors import figures
from ..selectors.years import newest_cohort

register = template.Library()


TEMPLATE = "transitions/_dashboard_card.html"


@register.inclusion_tag(TEMPLATE, takes_context=True)
def transitions_card(context) -> dict:
    request = context["request"]
    newest = newest_cohort(partnership=request.partnership)
    summary = None
    if newest is not None:
        cohort, deadline = newest
        summary = figures.cohort_figures(
            partnership=request.partnership,
            cohort=cohort,
            dimension="route",
            deadline=deadline,
        )
    return {
        "request": request,
        "summary": summary,
        "pupil_schools": pupil_schools(request.membership),
    }
