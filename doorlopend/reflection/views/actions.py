"""Action points: agreed in the last quarter of the hour, kept by the partnership after it.

A double click on "Add" (or a retry after a slow network) must not make two rows. Each
rendered form carries a random token; the first submit claims it in the shared cache
(`cache.add` is atomic: one insert wins), a second submit of the same form finds it taken
and creates nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from doorlopend.core.forms import service_errors_add
from doorlopend.partnerships.access import partnership_view

from .. import selectors, services
from ..choices import ActionStatus
from ..forms.actions import POINT_FIELDS, ActionPointForm
from ..models import ActionPoint, Session
from .access import session_get

TOKEN_SECONDS = 24 * 3600


def _token_key(token: str) -> str:
    return f"reflection:action-point-form:{token}"


def _form(request: HttpRequest, session: Session, data=None) -> ActionPointForm:
    return ActionPointForm(
        data,
        partnership=request.partnership,
        definition=session.instrument.definition,
        with_token=True,
    )


def action_points_context(
    request: HttpRequest, session: Session, *, form=None, added: bool = False
) -> dict:
    """What `_action_points.html` shows: the session's points and, for managers, a form."""
    can_manage = request.membership.has_perm("reflection.facilitate", session)
    if can_manage and form is None:
        form = _form(request, session)
    return {
        "session": session,
        "action_points": selectors.action_point_list(
            partnership=request.partnership, session=session
        ),
        "theme_titles": {t.key: t.title for t in session.instrument.definition.themes},
        "action_form": form,
        "added": added,
        "can_manage": can_manage,
    }


def _create(session: Session, by, fields: dict) -> ActionPoint:
    return services.action_point_create(session=session, by=by, **fields)


def _created(request: HttpRequest, session: Session) -> HttpResponse:
    if request.htmx:
        context = action_points_context(request, session, added=True)
        return render(request, "reflection/_action_points.html", context)
    messages.success(request, _("Action point added."))
    url = reverse(
        "reflection:session_detail", args=[session.partnership.slug, session.pk]
    )
    return redirect(f"{url}?tab=actiepunten#action-points")


@partnership_view("reflection.facilitate")
@require_http_methods(["GET", "POST"])
def action_point_create(request: HttpRequest, session_id: int) -> HttpResponse:
    session = session_get(
        request,
        session_id,
        perm="reflection.facilitate",
        queryset=Session.objects.select_related("instrument"),
    )
    form = _form(request, session, request.POST or None)
    if form.is_valid():
        key = _token_key(form.cleaned_data["token"])
        if not cache.add(key, True, TOKEN_SECONDS):
            return _created(request, session)  # the first submit of this form made it
        try:
            _create(session, request.membership, form.point_fields())
        except ValidationError as e:
            cache.delete(key)  # nothing was made: the corrected form may use it
            service_errors_add(form, e)
        else:
            return _created(request, session)
    if request.htmx:
        context = action_points_context(request, session, form=form)
        return render(request, "reflection/_action_points.html", context)
    context = {"session": session, "form": form}
    return render(request, "reflection/action_point_form.html", context)


def _back(point: ActionPoint) -> str:
    if point.session_id:
        url = reverse(
            "reflection:session_detail",
            args=[point.partnership.slug, point.session_id],
        )
        return f"{url}?tab=actiepunten#action-points"
    return reverse("reflection:action_point_list", args=[point.partnership.slug])


@partnership_view("reflection.manage")
@require_http_methods(["GET", "POST"])
def action_point_edit(request: HttpRequest, action_id: int) -> HttpResponse:
    point = get_object_or_404(
        ActionPoint.objects.select_related("session__instrument"),
        pk=action_id,
        partnership=request.partnership,
    )
    point.partnership = request.partnership  # spares a query in _back()
    if point.session and not request.membership.has_perm(
        "reflection.view", point.session
    ):
        raise Http404(
            "No action point here"
        )  # of a school's scan the member can't read
    initial = {
        name: getattr(point, name) for name in POINT_FIELDS if "owner" not in name
    }
    initial |= {
        "owner_member": point.owner_member_id,
        "owner_organisation": point.owner_organisation_id,
    }
    form = ActionPointForm(
        request.POST or None,
        initial=initial,
        partnership=request.partnership,
        definition=point.session.instrument.definition if point.session else None,
    )
    if form.is_valid():
        try:
            services.action_point_update(
                point=point, by=request.membership, **form.point_fields()
            )
        except ValidationError as e:
            service_errors_add(form, e)
        else:
            messages.success(request, _("Action point saved."))
            return redirect(_back(point))
    context = {"form": form, "point": point, "session": point.session}
    return render(request, "reflection/action_point_form.html", context)


@partnership_view("reflection.view")
@require_GET
def action_point_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in ActionStatus.values else ""
    points = [
        point
        for point in selectors.action_point_list(
            partnership=request.partnership, status=status
        )
        # A school's scan, and so its action points, only for those who may read it.
        if point.session is None
        or request.membership.has_perm("reflection.view", point.session)
    ]
    context = {
        "points": points,
        "status": status,
        "statuses": ActionStatus.choices,
        "today": timezone.localdate(),
    }
    return render(request, "reflection/action_point_list.html", context)
