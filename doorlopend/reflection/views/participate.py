"""Public pages where a participant joins a session by its code and answers on their phone.

No account: the code finds the session, a signed cookie finds the participant. Every page
works as plain forms; with htmx each answer is saved the moment it is tapped. The pages
never show whose phone it is, and nothing about the phone (address, browser) is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect, HttpResponseClientRefresh
from django_scopes import scope

from doorlopend.instruments.definition import OPEN_MAX_LENGTH

from .. import participation_cookie as phone
from .. import selectors, services
from ..choices import DONT_KNOW, Layer, Sector, State
from ..models import Participant, Session
from ..services import report_mail
from ..services.participation import join_code_plausible


class EnterForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        help_text=gettext_lazy("The six characters on the screen, e.g. AC3 D7K."),
        widget=forms.TextInput(
            attrs={"class": "code-input", "autocomplete": "off", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        return services.join_code_normalise(self.cleaned_data["code"])


class ReportAddressForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Your e-mail address"),
        help_text=gettext_lazy(
            "Optional. Kept apart from your answers, used once to send the report and "
            "then deleted."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class JoinForm(forms.Form):
    sector = forms.ChoiceField(
        label=gettext_lazy("Which sector do you work in?"),
        choices=Sector.choices,
        widget=forms.RadioSelect,
    )
    layer = forms.ChoiceField(
        label=gettext_lazy("At which level do you mainly work?"),
        choices=Layer.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, ask_layer: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not ask_layer:  # a draagvlak survey: the kind of party, nothing else
            del self.fields["layer"]
            self.fields["sector"].label = _("Which kind of party do you speak for?")


@dataclass
class Visit:
    session: Session
    participant: Participant | None

    @property
    def code(self) -> str:
        return self.session.join_code


def _find(code: str) -> Session | None:
    return selectors.session_for_code(code) if join_code_plausible(code) else None


def _refuse(
    request: HttpRequest, message: str, status: int, form: EnterForm | None = None
) -> HttpResponse:
    if request.htmx:  # into the question's status line: htmx swaps only 2xx
        return render(
            request, "reflection/participate/_answer_status.html", {"error": message}
        )
    context = {"form": form or EnterForm(), "message": message}
    context["message_is_error"] = status >= 400
    return render(request, "reflection/participate/enter.html", context, status=status)


def _participant_page(*, joined: bool = True) -> Callable:
    """Resolve code and cookie, answer refusals, and run the view in the session's scope.

    The code of a session that is open (or about to open) always gets in, also from a
    network over the wrong-code limit: one prankster typing wrong codes must not stop a
    hall of phones behind the same address. Only a code that leads nowhere is counted,
    and only such a code is refused with 429 once its network is over the limit.
    """

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, code: str, **kwargs) -> HttpResponse:
            code = services.join_code_normalise(code)
            session = _find(code)
            participant = session and phone.participant_from_cookie(request, session)
            if participant:
                response = _in_scope(view, request, Visit(session, participant), kwargs)
            elif session is None:
                response = _refuse(request, *phone.code_refusal(request, code))
            elif joined:
                response = _to_join(request, session)
            else:
                response = _in_scope(view, request, Visit(session, None), kwargs)
            add_never_cache_headers(response)
            return response

        return wrapper

    return decorate


def _in_scope(
    view: Callable, request: HttpRequest, visit: Visit, kwargs: dict
) -> HttpResponse:
    with scope(partnership=visit.session.partnership):
        return view(request, visit, **kwargs)


def _to_join(request: HttpRequest, session: Session) -> HttpResponse:
    url = reverse("participate:join", args=[session.join_code])
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _theme_url(visit: Visit, number: int) -> str:
    return reverse("participate:theme", args=[visit.code, number])


def _resume_url(visit: Visit, answers: dict[str, int] | None = None) -> str:
    """The first theme with an unanswered question, or the thank-you page."""
    if answers is None:
        answers = selectors.participant_answers(participant=visit.participant)
    for number, theme in enumerate(visit.session.instrument.definition.themes, 1):
        if any(q.key not in answers for q in theme.questions):
            return _theme_url(visit, number)
    return reverse("participate:done", args=[visit.code])


@never_cache
@require_http_methods(["GET", "POST"])
def enter(request: HttpRequest) -> HttpResponse:
    form = EnterForm(request.POST or None)
    if form.is_valid():
        code = form.cleaned_data["code"]
        session = _find(code)
        if session is not None and session.state == State.OPEN:
            return redirect("participate:join", code)
        if session is not None:
            form.add_error("code", _not_open_message())
        else:
            message, status = phone.code_refusal(request, code)
            if status == 429:
                return _refuse(request, phone.limited_message(), 429, form)
            form.add_error("code", message)
    return render(request, "reflection/participate/enter.html", {"form": form})


def _not_open_message() -> str:
    return _(
        "This session has not started yet. Wait until the facilitator opens it, then try again."
    )


@require_http_methods(["GET", "POST"])
@_participant_page(joined=False)
def join(request: HttpRequest, visit: Visit) -> HttpResponse:
    session = visit.session
    if visit.participant is not None:  # back on the QR code: continue where they were
        return redirect(_resume_url(visit))
    if request.htmx and request.method == "GET":  # the waiting page asks: open yet?
        return (
            HttpResponseClientRefresh() if session.is_open else HttpResponse(status=204)
        )
    if session.state == State.CONCEPT:
        context = {"session": session, "message": _not_open_message()}
        return render(request, "reflection/participate/waiting.html", context)
    definition = session.instrument.definition
    if session.is_conversation:  # the questions as a guide: nobody joins or scores
        context = {"session": session, "definition": definition}
        return render(request, "reflection/participate/conversation.html", context)
    form = JoinForm(request.POST or None, ask_layer=definition.ask_layer)
    if form.is_valid():
        try:
            participant = services.participant_join(
                session=session, **form.cleaned_data
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            response = redirect(_theme_url(visit, 1))
            phone.cookie_set(
                response, request=request, session=session, participant=participant
            )
            return response
    context = {"session": session, "definition": definition, "form": form}
    return render(request, "reflection/participate/join.html", context)


def _posted_values(post, questions) -> dict[str, int]:
    """The theme's answers as a no-JavaScript form posts them (unanswered ones left out)."""
    return {q.key: _number(post[q.key]) for q in questions if post.get(q.key, "")}


def _number(raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        return -1  # not a point of any scale: the service refuses it with a message


def _posted_texts(post, questions) -> dict[str, str]:
    """The theme's open answers as the form posts them (each box always posts)."""
    return {q.key: post[q.key] for q in questions if q.key in post}


def _theme_context(
    visit: Visit, number: int, answers: dict[str, int], texts: dict[str, str]
) -> dict:
    definition = visit.session.instrument.definition
    theme = definition.themes[number - 1]
    scale = definition.scale
    # (value, its text in the form, its text on the button, its label): the value's text
    # made here once, not localised per radio button (a theme page has dozens).
    points = [(v, str(v), str(v), scale.labels.get(v, "")) for v in scale.values]
    return {
        "session": visit.session,
        "theme": theme,
        "number": number,
        "theme_count": len(definition.themes),
        "is_last": number == len(definition.themes),
        "items": [(q, answers.get(q.key)) for q in theme.questions],
        "open_items": [(q, texts.get(q.key, "")) for q in theme.open_questions],
        "open_max_length": OPEN_MAX_LENGTH,
        "points": [*points, (DONT_KNOW, str(DONT_KNOW), scale.dont_know, "")],
        "scale": scale,
        "question_count": len(definition.questions),
    }


@require_http_methods(["GET", "POST"])
@_participant_page()
def theme(request: HttpRequest, visit: Visit, number: int) -> HttpResponse:
    themes = visit.session.instrument.definition.themes
    if not 1 <= number <= len(themes):
        raise Http404
    error, posted, texts = None, {}, {}
    if request.method == "POST":
        posted = _posted_values(request.POST, themes[number - 1].questions)
        texts = _posted_texts(request.POST, themes[number - 1].open_questions)
        try:
            services.theme_answers_save(
                participant=visit.participant, values=posted, texts=texts
            )
        except ValidationError as e:
            error = " ".join(e.messages)
        else:
            back = request.POST.get("go") == "previous" and number > 1
            if back or number < len(themes):
                return redirect(_theme_url(visit, number - 1 if back else number + 1))
            return redirect("participate:done", visit.code)
    answers = selectors.participant_answers(participant=visit.participant)
    own = {}
    if themes[number - 1].open_questions:  # most themes have none: no query for them
        own = selectors.participant_open_answers(participant=visit.participant)
    context = _theme_context(visit, number, {**answers, **posted}, {**own, **texts})
    context |= {"error": error, "answered": len(answers)}
    return render(request, "reflection/participate/theme.html", context)


@require_GET
@_participant_page()
def done(request: HttpRequest, visit: Visit) -> HttpResponse:
    return _done_page(request, visit, ReportAddressForm())


def _done_page(
    request: HttpRequest, visit: Visit, form: ReportAddressForm, status: int = 200
) -> HttpResponse:
    answers = selectors.participant_answers(participant=visit.participant)
    definition = visit.session.instrument.definition
    context = {
        "session": visit.session,
        "answered": len(answers),
        "question_count": len(definition.questions),
        "resume_url": _resume_url(visit, answers),
        "first_url": _theme_url(visit, 1),
        "report_form": form,
    }
    return render(request, "reflection/participate/done.html", context, status=status)


@require_POST
@_participant_page()
def report_address(request: HttpRequest, visit: Visit) -> HttpResponse:
    """Leave an e-mail address to get the report (optional; never tied to the answers)."""
    form = ReportAddressForm(request.POST)
    if not form.is_valid():
        return _done_page(request, visit, form, status=400)
    report_mail.report_address_add(
        session=visit.session,
        email=form.cleaned_data["email"],
        language=request.LANGUAGE_CODE,
    )
    messages.success(
        request,
        _("Thank you. We will e-mail you the report when it is ready."),
    )
    return redirect("participate:done", visit.code)
