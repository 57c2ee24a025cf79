from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from doorlopend.core.dashboard import dashboard_questions_ask

from .. import selectors
from ..access import partnership_view


@partnership_view("partnership.view")
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """The partnership at a glance: its organisations, its people, what waits. The
    page's counts and every card's are asked in one query first (core.facts)."""
    dashboard_questions_ask(
        request, selectors.summary_questions(partnership=request.partnership)
    )
    summary = selectors.partnership_summary(partnership=request.partnership)
    return render(request, "partnerships/dashboard.html", {"summary": summary})
