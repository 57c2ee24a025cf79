"""A tapped answer: the hot path of a hall full of phones (bench/reflection_load.py).

The theme's form (participate.theme) saves a whole theme, for phones without JavaScript.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_POST

from doorlopend.instruments.definition import Definition

from .. import participation_cookie as phone
from .. import selectors, services
from .participate import Visit, _find, _number, _participant_page, _theme_url

# session pk → (its instrument's pk, definition): what a tapped answer is checked
# against before the one statement that saves it; kept per process, dropped on a miss.
_CHECKED: dict[int, tuple[int, Definition]] = {}


@require_POST
def answer(request: HttpRequest, code: str) -> HttpResponse:
    """One tapped answer. Saving twice leaves one row: the service upserts.

    With htmx (every phone with JavaScript) the lean path: the signed cookie and the
    instrument kept in memory are checked without a query, then one statement saves the
    answer, counts the participant's answers and bumps the session's version. Anything
    it cannot save (a closed session, a stale cookie, a wrong value) takes the full path,
    which says why.
    """
    if request.htmx:
        code = services.join_code_normalise(code)
        answered, total = _answer_lean(request, code)
        if answered is not None:
            response = _answer_fragment(None, answered, total)
            add_never_cache_headers(response)
            return response
    return _answer_full(request, code)


def _answer_lean(request: HttpRequest, code: str) -> tuple[int | None, int]:
    found = phone.session_and_token(request, code)
    if found is None:
        return None, 0
    session_id, token = found
    checked = _CHECKED.get(session_id)
    if checked is None:
        session = _find(code)
        if session is None or session.pk != session_id:
            return None, 0
        if len(_CHECKED) > 1024:  # open sessions are few; this bounds a long run
            _CHECKED.clear()
        checked = (session.instrument_id, session.instrument.definition)
        _CHECKED[session_id] = checked
    instrument_id, definition = checked
    key, value = (
        request.POST.get("question", ""),
        _number(request.POST.get("value", "")),
    )
    if not services.answer_valid(definition, key, value):
        return None, 0
    answered = services.answer_record(
        session_id=session_id,
        instrument_id=instrument_id,
        code=code,
        token=token,
        question_key=key,
        value=value,
    )
    if answered is None:
        _CHECKED.pop(session_id, None)
    return answered, len(definition.questions)


def _answer_fragment(error: str | None, answered: int, total: int) -> HttpResponse:
    """The status line of the question, and the page's counter out of band."""
    context = {
        "error": error,
        "saved": not error,
        "oob": True,
        "answered": answered,
        "question_count": total,
    }
    status = render_to_string("reflection/participate/_answer_status.html", context)
    counter = render_to_string("reflection/participate/_progress.html", context)
    return HttpResponse(status + counter)


@_participant_page()
def _answer_full(request: HttpRequest, visit: Visit) -> HttpResponse:
    key, raw = request.POST.get("question", ""), request.POST.get("value", "")
    error = None
    try:
        services.answer_save(
            participant=visit.participant,
            question_key=key,
            value=_number(raw),
        )
    except ValidationError as e:
        error = " ".join(e.messages)
    if request.htmx:
        return _answer_fragment(
            error,
            selectors.participant_answer_count(participant=visit.participant),
            len(visit.session.instrument.definition.questions),
        )
    if error:
        messages.error(request, error)
    themes = visit.session.instrument.definition.themes
    number = next(
        (i for i, t in enumerate(themes, 1) if any(q.key == key for q in t.questions)),
        1,
    )
    return redirect(_theme_url(visit, number) + (f"#q-{key}" if not error else ""))
