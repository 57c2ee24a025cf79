"""Permission checks in templates, through the one call `Membership.has_perm`.

    {% load permissions %}
    {% if request.membership|may:"planning.manage" %}…{% endif %}          role only
    {% may request.membership "roadmaps.work" state as can_work %}        about an object

No membership (a page outside a partnership) holds nothing.
"""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter(name="may")
def may_filter(membership, perm: str) -> bool:
    """`membership|may:"perm"`: the role-only check."""
    return bool(membership) and membership.has_perm(perm)


@register.simple_tag(name="may")
def may_tag(membership, perm: str, obj: Any = None) -> bool:
    """`{% may membership "perm" obj as name %}`: the check about one object."""
    return bool(membership) and membership.has_perm(perm, obj)
