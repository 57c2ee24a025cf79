"""The decaan makes, renews and revokes a pupil's personal link. A new link is shown once
(with a QR code to scan from the screen); only its hash is kept."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from doorlopend.core.submit_once import submit_once
from doorlopend.partnerships.access import partnership_view
from doorlopend.reflection.qr import qr_svg
from doorlopend.transitions.access import school_where

from ..choices import Actor
from ..selectors import pages
from ..services import links, parts
from .school import _detail, detail_url


@partnership_view("dossier.links")
@require_POST
def pupil_link(
    request: HttpRequest, school_id: int, transition_id: int
) -> HttpResponse:
    school = school_where(request.membership, "dossier.view", school_id)
    if not request.membership.has_perm("dossier.links", school):
        raise PermissionDenied  # before the read: a refused request logs nothing
    row = pages.dossier_row(
        viewer=request.membership,
        school=school,
        transition_id=transition_id,
        request=request,
        purpose=gettext_lazy("doorstroomdossier: the pupil's personal link"),
        action="update",
    )
    if request.POST.get("action") == "revoke":
        if row.dossier is not None:
            links.link_revoke(dossier=row.dossier, by=request.membership)
        messages.success(request, _("The links no longer work."))
        return redirect(detail_url(request, school.pk, transition_id) + "#link")
    dossier = row.dossier or parts.dossier_get_or_create(transition=row.transition)
    try:
        # A second press of the button answers with the first link, not a new one.
        link, token = submit_once(
            request, lambda: links.link_create(dossier=dossier, by=request.membership)
        )
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return redirect(detail_url(request, school.pk, transition_id))
    row = pages.dossier_row(
        viewer=request.membership, school=school, transition_id=transition_id
    )
    url = request.build_absolute_uri(reverse("dossier_pupil:home", args=[token]))
    new_link = {
        "url": url,
        "expires_at": link.expires_at,
        # segno's SVG, made here from our own URL: safe to inline.
        "qr": mark_safe(qr_svg(url, title=_("QR code of the link")).decode()),  # noqa: S308
        "kind": Actor.PUPIL,
    }
    return _detail(request, school, row, forms={"new_link": new_link})
