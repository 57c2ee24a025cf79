"""The cards planning adds to the overview page so that each role starts with its own:
the first-run guide, the coördinator's next steps, the portefeuillehouder's change
assignment, a member's own work, the stuurgroep's progress summary.

Inclusion tags, registered as cards (core.dashboard) in the app's ready(), so that the
partnerships app (below planning) needs no import of them. A tag that returns None has
nothing for this member: the card is left out.
"""

from django import template
from django.utils import timezone

from ..selectors import first_run, home

register = template.Library()

GUIDE = "planning/home/_guide_card.html"
NEXT_STEPS = "planning/home/_next_steps_card.html"
ASSIGNMENT = "planning/home/_assignment_card.html"
MY_WORK = "planning/home/_my_work_card.html"
PROGRESS = "planning/home/_progress_card.html"


@register.inclusion_tag(GUIDE, takes_context=True)
def guide_card(context) -> dict | None:
    request = context["request"]
    guide = first_run.guide_for(partnership=request.partnership)
    return None if guide is None else {"request": request, "guide": guide}


@register.inclusion_tag(NEXT_STEPS, takes_context=True)
def next_steps_card(context) -> dict | None:
    request = context["request"]
    steps = home.next_steps(
        partnership=request.partnership,
        membership=request.membership,
        today=timezone.localdate(),
    )
    # A new partnership has nothing waiting yet: its guide says what to do first.
    if steps.empty and first_run.guide_for(partnership=request.partnership):
        return None
    return {"request": request, "steps": steps}


@register.inclusion_tag(ASSIGNMENT, takes_context=True)
def assignment_card(context) -> dict | None:
    request = context["request"]
    rows = home.my_assignments(membership=request.membership)
    return {"request": request, "rows": rows} if rows else None


@register.inclusion_tag(MY_WORK, takes_context=True)
def my_work_card(context) -> dict | None:
    request = context["request"]
    today = timezone.localdate()
    work = home.my_work(
        partnership=request.partnership, membership=request.membership, today=today
    )
    # Someone whose page does not start with their own work sees the card only when
    # there is some (the coördinator's plan card counts their tasks already).
    if work.empty and not request.membership.has_perm("home.my_work"):
        return None
    return {"request": request, "work": work, "today": today}


@register.inclusion_tag(PROGRESS, takes_context=True)
def progress_card(context) -> dict:
    request = context["request"]
    summary = home.progress(partnership=request.partnership, today=timezone.localdate())
    return {"request": request, "summary": summary}
