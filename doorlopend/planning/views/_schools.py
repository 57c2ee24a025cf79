"""What the pages of goals, activities and the budget share about schools' own plans:
the school a "new" link from a school's plan page presets, and the filter "Van"."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from doorlopend.partnerships.models import Organisation

from ..selectors.plan_schools import PARTNERSHIP, owner_filter, schools_of


def preset_school(request: HttpRequest) -> Organisation | None:
    """The school of `?school=<id>` (a link from that school's plan page), or None."""
    value = request.GET.get("school", "")
    if not value.isdigit():
        return None
    return schools_of(partnership=request.partnership).filter(pk=value).first()


def filter_context(request: HttpRequest) -> dict:
    """The filter "Van" read from the query string, with the schools it offers."""
    owner, schools = owner_filter(partnership=request.partnership, query=request.GET)
    return {"owner": owner, "owner_schools": schools, "owner_partnership": PARTNERSHIP}


def require_keep(request: HttpRequest, item) -> None:
    """403 before showing a form for a row this member may not keep (the service
    refuses the post as well)."""
    if not request.membership.has_perm("planning.keep_item", item):
        raise PermissionDenied
