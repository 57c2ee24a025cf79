"""Stuurgroep approval: what was submitted, each member's decision, submitting."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from doorlopend.partnerships.access import partnership_view

from . import selectors, services
from .forms import DecisionForm, SubmitForm
from .models import ApprovalRequest
from .registry import approvable


def _approval(request: HttpRequest, approval_id: int) -> ApprovalRequest:
    return get_object_or_404(
        ApprovalRequest, pk=approval_id, partnership=request.partnership
    )


@partnership_view("approvals.view")
@require_GET
def approval_list(request: HttpRequest) -> HttpResponse:
    approvals = list(selectors.request_list(partnership=request.partnership)[:200])
    waiting = set(
        selectors.waiting_for(membership=request.membership).values_list(
            "pk", flat=True
        )
    )
    return render(
        request,
        "approvals/approval_list.html",
        {"approvals": approvals, "waiting": waiting},
    )


def _detail(request: HttpRequest, approval: ApprovalRequest, form) -> HttpResponse:
    spec = approvable(approval.kind)
    state = selectors.approval_state(
        partnership=request.partnership,
        kind=approval.kind,
        target_id=approval.target_id,
    )
    context = {
        "approval": approval,
        "rows": selectors.member_decisions(request=approval),
        "state": state,
        "kind_label": spec.label if spec else approval.kind,
        "form": form,
        "can_decide": approval.is_pending
        and request.membership.has_perm("approvals.decide")
        and not approval.decisions.filter(membership=request.membership).exists(),
    }
    return render(request, "approvals/detail.html", context)


@partnership_view("approvals.view")
@require_GET
def detail(request: HttpRequest, approval_id: int) -> HttpResponse:
    return _detail(request, _approval(request, approval_id), DecisionForm())


@partnership_view("approvals.decide")
@require_http_methods(["POST"])
def decide(request: HttpRequest, approval_id: int) -> HttpResponse:
    approval = _approval(request, approval_id)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.approval_decide(
                request=approval, by=request.membership, **form.cleaned_data
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("Your decision is recorded."))
            return redirect("approvals:detail", request.partnership.slug, approval.pk)
    return _detail(request, approval, form)


@partnership_view("approvals.submit")
@require_POST
def submit(request: HttpRequest, kind: str, target_id: int) -> HttpResponse:
    spec = approvable(kind)
    if spec is None or not spec.owns(request.partnership, target_id):
        raise Http404("No such approvable thing.")
    form = SubmitForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        approval = services.approval_submit(
            partnership=request.partnership,
            kind=kind,
            target_id=target_id,
            by=request.membership,
            note=note,
        )
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        back = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            return redirect(back)
        return redirect("approvals:approval_list", request.partnership.slug)
    messages.success(request, _("Submitted to the stuurgroep."))
    return redirect("approvals:detail", request.partnership.slug, approval.pk)
