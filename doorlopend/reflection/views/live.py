"""The facilitator's page and the beamer page of a session, their live fragments and images.

Both pages include the fragment their live endpoint returns (one template, two entry
points). While the session is open the fragment polls every 3 s with the version of what
it shows; the endpoint answers 204 when nothing changed, so htmx swaps nothing and an
open question or a focused button on the page stays as it is.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from doorlopend.partnerships.access import partnership_view

from .. import charts, qr, selectors, services, tabs
from ..forms.actions import PhaseForm, ThemeNoteForm
from ..models import Session, ThemeNote
from ..selectors.live import live_results
from ..selectors.open_answers import open_answers
from ..selectors.results import SessionResults
from .access import session_get
from .actions import action_points_context
from .live_fragments import shared_fragment

SVG = "image/svg+xml"


def _session(
    request: HttpRequest, session_id: int, perm: str = "reflection.view"
) -> Session:
    return session_get(
        request,
        session_id,
        perm=perm,
        queryset=Session.objects.select_related("instrument", "leerroute"),
    )


def join_url(request: HttpRequest, session: Session) -> str:
    return request.build_absolute_uri(
        reverse("participate:join", args=[session.join_code])
    )


def _version(session: Session, answers_version: int) -> str:
    """Changes when the results shown (their answers version), the state, the phase or
    the minute change: known from the session's row alone, before any results are read."""
    minute = int(timezone.now().timestamp() // 60)
    state = (
        session.state,
        session.phase,
        session.phase_started_at,
        session.beamer_theme,
        minute,
        answers_version,
    )
    return hashlib.blake2s(repr(state).encode(), digest_size=8).hexdigest()


def _live_context(request: HttpRequest, session: Session) -> dict:
    results, answers_version = live_results(session)
    return {
        "session": session,
        "results": results,
        "version": _version(session, answers_version),
        "uses_radar": charts.uses_radar(results),
        "can_manage": request.membership.has_perm("reflection.facilitate", session),
    }


def _results_html(request: HttpRequest, context: dict) -> str:
    """The results fragment: one render per version, shared by the page and every poll."""
    return shared_fragment(
        context["session"],
        "results",
        context["version"],
        lambda: render_to_string("reflection/_results.html", context, request=request),
    )


def _unchanged(request: HttpRequest, version: str) -> bool:
    return bool(request.htmx) and request.GET.get("v") == version


def _unchanged_session(request: HttpRequest, session: Session) -> bool:
    """Nothing changed since the poll's version: 204 before any results are read."""
    return _unchanged(request, _version(session, session.answers_version))


@partnership_view("reflection.view")
@require_GET
def session_detail(request: HttpRequest, session_id: int) -> HttpResponse:
    """One tab of the facilitator's page: only what that tab shows is read."""
    session = _session(request, session_id)
    tab = tabs.chosen_tab(session, request.GET.get("tab", ""))
    definition = session.instrument.definition
    context = {
        "session": session,
        "tab": tab,
        "tabs": tabs.tabs(session, tab),
        "definition": definition,
        "can_manage": request.membership.has_perm("reflection.facilitate", session),
        "has_participants": selectors.session_has_participants(session=session),
    }
    if tab == tabs.UITLEG:
        context["join_url"] = join_url(request, session)
    if tab in (tabs.RESULTATEN, tabs.BESPREKEN) and not session.is_conversation:
        context |= _live_context(request, session)
    if tab == tabs.RESULTATEN and not session.is_conversation:
        context["results_html"] = _results_html(request, context)
        context["open_answers"] = open_answers(
            session=session, respondents=context["results"].respondents
        )
        context["min_group"] = context["results"].min_group
    if tab == tabs.BESPREKEN:
        context |= _discussion_context(request, session, context.get("results"))
    if tab == tabs.ACTIEPUNTEN:
        context |= action_points_context(request, session)
    return render(request, "reflection/session_detail.html", context)


def _discussion_context(
    request: HttpRequest, session: Session, results: SessionResults | None
) -> dict:
    """One theme at a time: its background for asking further, its figures, its note."""
    definition = session.instrument.definition
    theme = definition.theme(request.GET.get("theme", "")) or definition.themes[0]
    note = selectors.theme_notes(session=session).get(theme.key)
    return {
        "theme": theme,
        "note": note or ThemeNote(session=session, theme_key=theme.key),
        "text": note.text if note else "",
        "theme_result": results
        and next(t for t in results.themes if t.key == theme.key),
    }


@partnership_view("reflection.view")
@require_GET
def session_live(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _session(request, session_id)
    if _unchanged_session(request, session):
        return HttpResponse(status=204)
    context = _live_context(request, session)
    if _unchanged(request, context["version"]):
        return HttpResponse(status=204)  # htmx keeps what it shows
    html = _results_html(request, context)
    # The phase bar shows the phase and its minutes; it rides along out of band.
    bar = {
        **context,
        "oob": True,
        "tabs": tabs.tabs(context["session"], tabs.RESULTATEN),
        # What the bar uses of the request, without the context processors a whole page
        # needs (the partnership switcher, messages): a poll every 3 s skips them.
        "request": request,
        "csrf_token": get_token(request),
    }
    html += get_template("reflection/_phase_bar.html").render(bar)
    return HttpResponse(html)


def _presenter_context(request: HttpRequest, session: Session) -> dict:
    enter_url = request.build_absolute_uri(reverse("participate:enter"))
    context = _live_context(request, session)
    definition = session.instrument.definition
    theme = definition.theme(session.beamer_theme)
    questions = []
    if theme is not None and session.is_conversation:
        questions = list(theme.questions)
    elif theme is not None:
        result = next(t for t in context["results"].themes if t.key == theme.key)
        questions = result.questions
    return {
        **context,
        "definition": definition,
        "beamer_theme": theme,
        "beamer_questions": questions,
        "join_url": join_url(request, session),
        # Read from the back of a hall: no "https://".
        "enter_display": enter_url.split("://", 1)[-1],
    }


def _presenter_html(request: HttpRequest, context: dict) -> str:
    """The beamer's fragment: one render per version for the page and its polls; the
    address it shows is the one this request came to."""
    return shared_fragment(
        context["session"],
        "beamer",
        context["version"],
        lambda: render_to_string(
            "reflection/_presenter_live.html", context, request=request
        ),
        vary=request.get_host(),
    )


@partnership_view("reflection.view")
@require_GET
def session_presenter(request: HttpRequest, session_id: int) -> HttpResponse:
    context = _presenter_context(request, _session(request, session_id))
    context["live_html"] = _presenter_html(request, context)
    return render(request, "reflection/session_presenter.html", context)


@partnership_view("reflection.view")
@require_GET
def session_presenter_live(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _session(request, session_id)
    if _unchanged_session(request, session):
        return HttpResponse(status=204)
    context = _presenter_context(request, session)
    if _unchanged(request, context["version"]):
        return HttpResponse(status=204)
    return HttpResponse(_presenter_html(request, context))


@partnership_view("reflection.view")
@require_GET
def session_qr(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _session(request, session_id)
    url = join_url(request, session)
    title = _("QR code to join: %(url)s") % {"url": url}
    response = HttpResponse(qr.qr_svg(url, title=title), content_type=SVG)
    # The page adds the code to the image's address; a new code is a new address.
    response["Cache-Control"] = "private, max-age=3600"
    return response


@partnership_view("reflection.view")
@require_GET
def session_radar(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _session(request, session_id)
    response = HttpResponse(
        charts.radar_svg(live_results(session)[0]), content_type=SVG
    )
    response["Cache-Control"] = "no-store"
    return response


def _to_tab(session: Session, tab: str, **more: str) -> HttpResponse:
    url = reverse(
        "reflection:session_detail", args=[session.partnership.slug, session.pk]
    )
    query = urlencode({"tab": tab, **more})
    return redirect(f"{url}?{query}#tab-panel")


def _to_detail(session: Session, anchor: str) -> HttpResponse:
    url = reverse(
        "reflection:session_detail", args=[session.partnership.slug, session.pk]
    )
    return redirect(f"{url}#{anchor}")


@partnership_view("reflection.facilitate")
@require_POST
def session_phase(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _session(request, session_id, "reflection.facilitate")
    form = PhaseForm(request.POST)
    error = None
    if form.is_valid():
        services.session_phase_set(session=session, phase=form.cleaned_data["phase"])
    else:
        error = _("Choose one of the phases.")
    if request.htmx:
        context = {"session": session, "can_manage": True, "phase_error": error}
        return render(request, "reflection/_phase.html", context)
    if error:
        messages.error(request, error)
        return _to_detail(session, "phase")
    return _to_tab(session, tabs.tab_of_phase(session))


def _note_message(request: HttpRequest, theme, errors: list[str]) -> None:
    if errors:
        messages.error(request, " ".join(errors))
    else:
        done = _("Notes on “%(theme)s” saved.") % {"theme": theme.title}
        messages.success(request, done)


@partnership_view("reflection.facilitate")
@require_POST
def theme_note(request: HttpRequest, session_id: int, theme_key: str) -> HttpResponse:
    session = _session(request, session_id, "reflection.facilitate")
    theme = session.instrument.definition.theme(theme_key)
    if theme is None:
        raise Http404("No such theme in this session.")
    form = ThemeNoteForm(request.POST)
    note = None
    if form.is_valid():
        try:
            note = services.theme_note_save(
                session=session,
                theme_key=theme.key,
                by=request.membership,
                **form.cleaned_data,
            )
        except ValidationError as e:
            form.add_error(None, e)
    errors = [message for field in form.errors.values() for message in field]
    if not request.htmx:
        _note_message(request, theme, errors)
        return _to_tab(session, tabs.BESPREKEN, theme=theme.key)
    context = {
        "session": session,
        "theme": theme,
        "note": note or ThemeNote(session=session, theme_key=theme.key),
        "text": note.text if note else form.data.get("text", ""),
        "errors": errors,
        "saved": note is not None,
        "can_manage": True,
    }
    return render(request, "reflection/_note.html", context)


@partnership_view("reflection.facilitate")
@require_POST
def session_beamer_theme(request: HttpRequest, session_id: int) -> HttpResponse:
    """Put one theme's questions (and, when scored, their bars) on the beamer."""
    session = _session(request, session_id, "reflection.facilitate")
    key = request.POST.get("theme", "")
    try:
        services.session_beamer_theme_set(session=session, theme_key=key)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return _to_tab(session, tabs.BESPREKEN)
    theme = session.instrument.definition.theme(key)
    if theme:
        done = _("The beamer now shows “%(theme)s”.") % {"theme": theme.title}
        messages.success(request, done)
    return _to_tab(session, tabs.BESPREKEN, theme=key)
