"""The decaan's signals: the morning page, one signal, its interventions and closing it.

The POST endpoints redirect back to the signal (post/redirect/get); a second submit of the
same form changes nothing (see services.interventions).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from doorlopend.core.forms import service_errors_add
from doorlopend.partnerships.access import partnership_view

from .. import access
from ..forms.pupils import InterventionForm, SignalCloseForm
from ..selectors import signals as selectors
from ..services import interventions


def _signal_url(request: HttpRequest, school_id: int, signal_id: int) -> str:
    return reverse(
        "transitions:signal_detail",
        args=[request.partnership.slug, school_id, signal_id],
    )


@partnership_view("transitions.pupils")
@require_GET
def signal_list(request: HttpRequest, school_id: int) -> HttpResponse:
    school = access.school_for_pupils(request.membership, school_id)
    closed = request.GET.get("closed") == "1"
    board = selectors.signal_board(
        school=school,
        viewer=request.membership,
        closed=closed,
        page_number=request.GET.get("page"),
        request=request,
    )
    context = {
        "school": school,
        "groups": board.groups,
        "page": board.page,
        "closed": closed,
        "total": board.total,
        "closed_shown": selectors.CLOSED_SHOWN,
    }
    return render(request, "transitions/signals/signal_list.html", context)


def _detail_page(request, school, signal, *, intervention_form=None, close_form=None):
    context = {
        "school": school,
        "signal": signal,
        "transition": signal.transition,
        "pupil": signal.transition.pupil,
        # Most interventions are the reader's own, today: start from that.
        "intervention_form": intervention_form
        or InterventionForm(
            initial={"who": request.user.get_full_name(), "on": timezone.localdate()}
        ),
        "close_form": close_form or SignalCloseForm(),
    }
    return render(request, "transitions/signals/signal_detail.html", context)


def _signal(request: HttpRequest, school_id: int, signal_id: int, purpose=""):
    school = access.school_for_pupils(request.membership, school_id)
    signal = selectors.signal_detail(
        school=school,
        signal_id=signal_id,
        viewer=request.membership,
        request=request,
        purpose=purpose,
    )
    return school, signal


@partnership_view("transitions.pupils")
@require_GET
def signal_detail(request: HttpRequest, school_id: int, signal_id: int) -> HttpResponse:
    school, signal = _signal(request, school_id, signal_id)
    return _detail_page(request, school, signal)


@partnership_view("transitions.pupils")
@require_POST
def intervention_add(
    request: HttpRequest, school_id: int, signal_id: int
) -> HttpResponse:
    school, signal = _signal(
        request, school_id, signal_id, gettext_lazy("record an intervention")
    )
    form = InterventionForm(request.POST)
    if form.is_valid():
        try:
            interventions.intervention_add(
                signal=signal,
                by=request.membership,
                school=school,
                request=request,
                **form.cleaned_data,
            )
        except ValidationError as e:
            service_errors_add(form, e)
        else:
            messages.success(request, _("Intervention recorded."))
            return redirect(
                _signal_url(request, school.pk, signal.pk) + "#interventions"
            )
    return _detail_page(request, school, signal, intervention_form=form)


@partnership_view("transitions.pupils")
@require_POST
def signal_close(request: HttpRequest, school_id: int, signal_id: int) -> HttpResponse:
    school, signal = _signal(
        request, school_id, signal_id, gettext_lazy("close a signal")
    )
    form = SignalCloseForm(request.POST)
    if form.is_valid():
        try:
            interventions.signal_close(
                signal=signal,
                reason=form.cleaned_data["reason"],
                by=request.membership,
                school=school,
                request=request,
            )
        except ValidationError as e:
            service_errors_add(form, e)
        else:
            messages.success(request, _("Signal closed."))
            return redirect(
                reverse(
                    "transitions:signal_list",
                    args=[request.partnership.slug, school.pk],
                )
            )
    return _detail_page(request, school, signal, close_form=form)
