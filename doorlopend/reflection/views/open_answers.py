"""Hiding an open answer that names someone, and showing it again (the facilitator).

A GET asks for confirmation (and quotes the answer, so the facilitator hides the right
one); the POST does it and goes back to the results. Who may: reflection.facilitate for
the session; the lookup keeps the answer inside the session, and the session inside
the partnership (another's: 404).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from doorlopend.partnerships.access import partnership_view

from .. import services
from ..models import OpenAnswer
from .access import session_get


@partnership_view("reflection.facilitate")
@require_http_methods(["GET", "POST"])
def open_answer_hide(request: HttpRequest, answer_id: int, hide: bool) -> HttpResponse:
    answer = get_object_or_404(
        OpenAnswer.objects.select_related("participant"),
        pk=answer_id,
        participant__session__partnership=request.partnership,
    )
    session = session_get(
        request, answer.participant.session_id, perm="reflection.facilitate"
    )
    answer.participant.session = session
    back = (
        reverse(
            "reflection:session_detail", args=[request.partnership.slug, session.pk]
        )
        + "?tab=resultaten#open-answers"
    )
    if request.method == "POST":
        services.open_answer_hide(answer=answer, hidden=hide, by=request.membership)
        messages.success(
            request,
            _("The answer is hidden from every output.")
            if hide
            else _("The answer is shown again."),
        )
        return redirect(back)
    context = {"session": session, "answer": answer, "hide": hide, "back": back}
    return render(request, "reflection/open_answer_hide.html", context)
