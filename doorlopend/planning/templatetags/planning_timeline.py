"""Links from the timeline to the pages of the plan's other areas (when they exist)."""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()

_PAGES = {
    "goal": "planning:goal_detail",
    "activity": "planning:activity_detail",
    "milestone": "planning:assignment_detail",  # the school's change assignment
}


@register.simple_tag
def item_url(item, slug: str) -> str:
    """The page of a timeline item; "" when that page does not exist."""
    try:
        return reverse(_PAGES[item.kind], args=[slug, item.pk])
    except (KeyError, NoReverseMatch):
        return ""
