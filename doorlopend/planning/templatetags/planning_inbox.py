"""What a reflection action point became in the plan, for the inbox and the reflection pages.

The reflection templates load this library to show "→ task: …" beside a point:
`{% triages_for points as became %}` once (one query for the whole list), then
`{% with triage=became|triage_of:point.pk %}`.
"""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse

from ..selectors.inbox import triages_for as _triages_for

register = template.Library()

# The pages of the other areas of the plan, and their one argument.
_TARGETS = {
    "task": ("planning:task_list", None),
    "activity": ("planning:activity_detail", "activity_id"),
    "goal": ("planning:goal_detail", "goal_id"),
    "revision": ("planning:goal_detail", "goal_id"),
}


@register.simple_tag
def triages_for(points) -> dict:
    return _triages_for(point_ids=[p.pk for p in points])


@register.filter
def triage_of(triages: dict, point_id: int):
    return triages.get(point_id)


@register.simple_tag
def triage_url(triage, slug: str) -> str:
    """The page of what the point became; "" when that page does not exist (yet)."""
    if triage is None or triage.outcome not in _TARGETS:
        return ""
    name, _kwarg = _TARGETS[triage.outcome]
    args = [slug]
    if triage.outcome == "activity":
        if not triage.activity_id:
            return ""
        args.append(triage.activity_id)
    elif triage.outcome == "goal":
        if not triage.goal_id:
            return ""
        args.append(triage.goal_id)
    elif triage.outcome == "revision":
        if not triage.revision_id:
            return ""
        args.append(triage.revision.goal_id)
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@register.simple_tag
def triage_label(triage) -> str:
    """What the point became, in a few words: the task's, activity's or goal's title."""
    if triage is None:
        return ""
    if triage.outcome == "task" and triage.task_id:
        return triage.task.title
    if triage.outcome == "activity" and triage.activity_id:
        return triage.activity.title
    if triage.outcome == "goal" and triage.goal_id:
        return triage.goal.title
    if triage.outcome == "revision" and triage.revision_id:
        return triage.revision.goal.title
    return triage.reason
