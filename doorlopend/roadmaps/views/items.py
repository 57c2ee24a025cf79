"""One item row: its page with the edit and upload forms, its evidence, its decision session.

Everyone with roadmaps.view reads the page; who may change the row is the rule
`roadmaps.work` about that row
(anyone else gets the page read-only, and 403 on a POST). The POSTs redirect back to the
page (post/redirect/get); a second submit of the same form changes nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from doorlopend.core.files import stored_file_response
from doorlopend.partnerships.access import partnership_view
from doorlopend.reflection.selectors.parties import party_results, route_surveys
from doorlopend.reflection.selectors.results import session_results

from .. import draagvlak
from ..derived import derive, point_answers
from ..forms import EvidenceForm, ItemStateForm
from ..models import ItemState
from ..selectors.history import item_history
from ..services import decisions, items
from .common import state_of

EVIDENCE_FORM = "evidence"


def _page(state: ItemState) -> HttpResponse:
    return redirect("roadmaps:state_edit", state.roadmap.partnership.slug, state.pk)


def _context(request: HttpRequest, state: ItemState, **forms) -> dict:
    can_work = request.membership.has_perm("roadmaps.work", state)
    derive(request.partnership, state.roadmap, [state])  # what the data says of it
    definition = state.roadmap.definition
    item = state.item
    session = state.decision_session
    context = {
        "state": state,
        "roadmap": state.roadmap,
        "item": item,
        "item_block": definition.block_of(state.item_key),
        "produces": [definition.deliverable(k) for k in item.deliverables]
        if item
        else [],
        "history": item_history(state),
        "can_work": can_work,
        "can_decide": request.membership.has_perm("reflection.manage"),
        "decision_results": session_results(session) if session else None,
        "draagvlak": _draagvlak(request, state),
        "points": point_answers(
            request.partnership,
            state.roadmap.version.key,
            state.item_key,
            item.points if item else [],
        ),
    }
    if can_work:
        context["form"] = forms.get("form") or ItemStateForm.for_state(state)
        context["upload_form"] = forms.get("upload_form") or EvidenceForm()
    return context


def _draagvlak(request: HttpRequest, state: ItemState) -> dict | None:
    """The step "Draagvlakonderzoek": the route's survey and its results per party."""
    if not draagvlak.is_draagvlak_step(state):
        return None
    survey = route_surveys(
        partnership=request.partnership, route_ids={state.roadmap.route_id}
    ).get(state.roadmap.route_id)
    return {
        "session": survey.session if survey else None,
        "parties": party_results(session=survey.session) if survey else None,
    }


def _upload(request: HttpRequest, state: ItemState) -> HttpResponse | EvidenceForm:
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            items.evidence_upload(
                state=state, upload=form.cleaned_data["file"], by=request.membership
            )
        except ValidationError as e:
            form.add_error("file", e)
        else:
            messages.success(request, _("File uploaded."))
            return _page(state)
    return form


def _update(request: HttpRequest, state: ItemState) -> HttpResponse | ItemStateForm:
    form = ItemStateForm.for_state(state, request.POST)
    if form.is_valid():
        try:
            change = items.state_update(
                state=state, by=request.membership, **form.cleaned_data
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("Saved.") if change else _("Nothing changed."))
            return _page(state)
    return form


@partnership_view("roadmaps.view")
@require_http_methods(["GET", "POST"])
def state_edit(request: HttpRequest, state_id: int) -> HttpResponse:
    state = state_of(request, state_id)
    forms = {}
    if request.method == "POST":
        if not request.membership.has_perm("roadmaps.work", state):
            raise PermissionDenied
        if request.POST.get("form") == EVIDENCE_FORM:
            result, key = _upload(request, state), "upload_form"
        else:
            result, key = _update(request, state), "form"
        if isinstance(result, HttpResponse):
            return result
        forms[key] = result
    context = _context(request, state, **forms)
    return render(request, "roadmaps/state_edit.html", context)


@partnership_view("roadmaps.view")
@require_GET
def evidence(request: HttpRequest, state_id: int) -> HttpResponse:
    state = state_of(request, state_id)
    return stored_file_response(state.evidence_file, filename=state.evidence_name)


@partnership_view("roadmaps.work")
@require_http_methods(["GET", "POST"])
def evidence_remove(request: HttpRequest, state_id: int) -> HttpResponse:
    state = state_of(request, state_id)
    if not request.membership.has_perm("roadmaps.work", state):
        raise PermissionDenied
    if not state.evidence_file:
        return _page(state)
    if request.method == "POST":
        try:
            items.evidence_remove(state=state, by=request.membership)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, _("File removed."))
        return _page(state)
    return render(request, "roadmaps/evidence_remove.html", {"state": state})


@partnership_view("reflection.manage")
@require_POST
def decision_start(request: HttpRequest, state_id: int) -> HttpResponse:
    state = state_of(request, state_id)
    try:
        session = decisions.decision_start(state=state, by=request.membership)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return _page(state)
    return redirect("reflection:session_detail", request.partnership.slug, session.pk)


@partnership_view("reflection.manage")
@require_POST
def draagvlak_start(request: HttpRequest, state_id: int) -> HttpResponse:
    state = state_of(request, state_id)
    try:
        session = draagvlak.draagvlak_start(state=state, by=request.membership)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return _page(state)
    return redirect("reflection:session_detail", request.partnership.slug, session.pk)
