from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import selectors
from ..access import partnership_view


@partnership_view("partnership.view")
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """The partnership at a glance: its organisations by type, its people, what waits."""
    summary = selectors.partnership_summary(partnership=request.partnership)
    return render(request, "partnerships/dashboard.html", {"summary": summary})
