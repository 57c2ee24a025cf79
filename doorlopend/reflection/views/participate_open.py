"""The participant's open answers: autosaved one by one while they type.

The theme's form (participate.theme) saves them too, for phones without JavaScript.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .. import services
from .participate import Visit, _participant_page, _theme_url


@require_POST
@_participant_page()
def open_answer(request: HttpRequest, visit: Visit) -> HttpResponse:
    """One open answer, autosaved while typing (htmx) or sent on its own."""
    key = request.POST.get("question", "")
    error = None
    try:
        services.open_answer_save(
            participant=visit.participant,
            question_key=key,
            text=request.POST.get(key, ""),
        )
    except ValidationError as e:
        error = " ".join(e.messages)
    if request.htmx:
        context = {"error": error, "saved": not error}
        return render(request, "reflection/participate/_answer_status.html", context)
    if error:
        messages.error(request, error)
    themes = visit.session.instrument.definition.themes
    number = next(
        (
            i
            for i, t in enumerate(themes, 1)
            if any(q.key == key for q in t.open_questions)
        ),
        1,
    )
    return redirect(_theme_url(visit, number) + (f"#q-{key}" if not error else ""))
