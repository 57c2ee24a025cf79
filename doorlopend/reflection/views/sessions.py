"""The partnership's list of reflection sessions, and creating, editing and opening them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from doorlopend.partnerships.access import partnership_view

from .. import selectors, services
from ..forms.sessions import SessionForm
from ..models import Session
from .access import session_get


def _detail(session: Session) -> HttpResponse:
    return redirect("reflection:session_detail", session.partnership.slug, session.pk)


@partnership_view("reflection.view")
@require_GET
def session_list(request: HttpRequest) -> HttpResponse:
    sessions = selectors.session_list(partnership=request.partnership)
    return render(request, "reflection/session_list.html", {"sessions": sessions})


@partnership_view("reflection.manage")
@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest) -> HttpResponse:
    # A route's page links here with ?leerroute=<id>; the form offers only this
    # partnership's routes, so another id preselects nothing.
    initial = {"leerroute": request.GET.get("leerroute", "")}
    form = SessionForm(
        request.POST or None, initial=initial, partnership=request.partnership
    )
    if form.is_valid():
        try:
            session = services.session_create(
                partnership=request.partnership,
                by=request.membership,
                **form.cleaned_data,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request, _("Session created. Open it when the group is ready.")
            )
            return _detail(session)
    return render(request, "reflection/session_form.html", {"form": form})


@partnership_view("reflection.facilitate")
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, session_id: int) -> HttpResponse:
    session = session_get(
        request,
        session_id,
        perm="reflection.facilitate",
        queryset=Session.objects.select_related("leerroute"),
    )
    initial = {
        "title": session.title,
        "date": session.date,
        "leerroute": session.leerroute_id,
    }
    form = SessionForm(
        request.POST or None,
        initial=initial,
        editing=True,
        partnership=request.partnership,
    )
    if form.is_valid():
        try:
            services.session_update(session=session, **form.cleaned_data)
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("Session saved."))
            return _detail(session)
    return render(
        request, "reflection/session_form.html", {"form": form, "session": session}
    )


@partnership_view("reflection.facilitate")
@require_http_methods(["GET", "POST"])
def session_delete(request: HttpRequest, session_id: int) -> HttpResponse:
    session = session_get(request, session_id, perm="reflection.facilitate")
    if request.method == "POST":
        try:
            services.session_delete(session=session)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
            return _detail(session)
        messages.success(
            request, _("Session “%(title)s” deleted.") % {"title": session.title}
        )
        return redirect("reflection:session_list", request.partnership.slug)
    return render(request, "reflection/session_delete.html", {"session": session})


STATE_ACTIONS = {
    "open": (services.session_open, _("The session is open: participants can join.")),
    "close": (services.session_close, _("The session is closed. The results stay.")),
    "reopen": (services.session_reopen, _("The session is open again.")),
}


@partnership_view("reflection.facilitate")
@require_POST
def session_state(request: HttpRequest, session_id: int) -> HttpResponse:
    session = session_get(request, session_id, perm="reflection.facilitate")
    action = STATE_ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        messages.error(request, _("Unknown action."))
        return _detail(session)
    change, done = action
    try:
        change(session=session)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, str(done))
    return _detail(session)
