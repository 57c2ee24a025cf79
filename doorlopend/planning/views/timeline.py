"""The plan's timeline per school year: goals' deadlines, activities and milestones."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from doorlopend.partnerships.access import partnership_view

from ..selectors import timeline as selectors

# The years offered in the chooser, around the current school year.
YEARS_BACK, YEARS_AHEAD = 3, 2


def _year(value: str, current: int) -> int:
    """`?jaar=2026`; anything else (or a year far off) is the current school year."""
    if value.isdigit() and abs(int(value) - current) <= 50:
        return int(value)
    return current


@partnership_view("planning.view")
@require_GET
def timeline(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    current = selectors.school_year_of(today)
    year = _year(request.GET.get("jaar", ""), current)
    first = min(year, current - YEARS_BACK)
    last = max(year, current + YEARS_AHEAD)
    context = {
        "timeline": selectors.timeline(
            partnership=request.partnership, year=year, today=today
        ),
        "years": [(y, f"{y}-{y + 1}") for y in range(first, last + 1)],
        "current": current,
        "today": today,
    }
    return render(request, "planning/timeline/timeline.html", context)
