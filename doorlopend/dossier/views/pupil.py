"""The pupil's (and an invited parent's) pages, reached through a personal link: no
account. The URL carries only the token; an unknown, expired or revoked link gets the
same plain page with no pupil data. Unknown tokens are rate-limited per network, every
link per token.

The pupil fills part A (each field autosaved with htmx, or saved at once by the form
without JavaScript), approves A, B and C or disagrees with B, gives or revokes consent
to part C and invites a parent. A parent reads the dossier and gives or revokes their
own consent to part C.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.core import is_ratelimited
from django_scopes import scope

from doorlopend.audit.models import Action
from doorlopend.audit.services import record
from doorlopend.core.submit_once import submit_once
from doorlopend.reflection.qr import qr_svg
from doorlopend.transitions.selectors._audit import stored

from .. import pdf
from ..choices import PART_A_FIELDS, PUPIL_QUESTIONS, Actor, Decision
from ..forms import ApprovalForm
from ..models import DossierLink
from ..selectors import consent_state, part_states
from ..services import links, parts

UNKNOWN_RATE = getattr(settings, "DOSSIER_LINK_FAILURE_RATE", "20/h")
LINK_RATE = getattr(settings, "DOSSIER_LINK_RATE", "600/h")


def _closed(request: HttpRequest, status: int, reason: str) -> HttpResponse:
    response = render(
        request, "dossier/pupil/link_closed.html", {"reason": reason}, status=status
    )
    response["Cache-Control"] = "no-store"
    return response


def link_page(view: Callable) -> Callable:
    """Resolve the token, refuse what cannot be used, run the view in the link's
    partnership scope, and keep the page out of caches and referrers."""

    @wraps(view)
    def wrapped(request: HttpRequest, token: str, *args, **kwargs) -> HttpResponse:
        link = links.link_resolve(token)
        if link is None:
            if is_ratelimited(
                request,
                group="dossier.link.unknown",
                key="ip",
                rate=UNKNOWN_RATE,
                increment=True,
            ):
                return _closed(request, 429, "limited")
            return _closed(request, 404, "unknown")
        if is_ratelimited(
            request,
            group="dossier.link",
            key=lambda group, request: link.token_hash,
            rate=LINK_RATE,
            increment=True,
        ):
            return _closed(request, 429, "limited")
        if link.revoked_at is not None:
            return _closed(request, 410, "revoked")
        if not link.is_usable:
            return _closed(request, 410, "expired")
        with scope(partnership=link.dossier.partnership):
            links.link_touch(link)
            response = view(request, link, token, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        # same-origin, not no-referrer: the token never leaves the site in a Referer, and
        # forms still send an Origin that the CSRF check accepts (no-referrer sends "null").
        response["Referrer-Policy"] = "same-origin"
        return response

    return wrapped


def _log_parent_read(request: HttpRequest, link: DossierLink, purpose) -> None:
    """A parent's read is someone else's read of the pupil's data: logged (no user)."""
    if link.kind == Actor.PARENT:
        record(
            actor=None,
            action=Action.VIEW,
            objects=[link.dossier.transition.pupil],
            purpose=stored(purpose),
            partnership=link.dossier.partnership,
            organisation=link.dossier.transition.sending_organisation,
            request=request,
            label=stored(gettext_lazy("read through a parent's personal link")),
        )


def _home_url(token: str, anchor: str = "") -> str:
    return reverse("dossier_pupil:home", args=[token]) + anchor


def _page(request, link, token, *, status=200, **extra) -> HttpResponse:
    dossier = link.dossier
    context = {
        "link": link,
        "token": token,
        "dossier": dossier,
        "is_pupil": link.kind == Actor.PUPIL,
        "states": part_states(dossier),
        "consent": consent_state(dossier),
        "part_a": [
            {
                "name": f,
                "question": PUPIL_QUESTIONS[f][0],
                "hint": PUPIL_QUESTIONS[f][1],
                "value": (extra.get("posted") or {}).get(f, getattr(dossier, f)),
                "error": extra.get("errors", {}).get(f, ""),
            }
            for f in PART_A_FIELDS
        ],
        "school": dossier.transition.sending_organisation,
        **extra,
    }
    return render(request, "dossier/pupil/home.html", context, status=status)


@require_GET
@link_page
def home(request: HttpRequest, link: DossierLink, token: str) -> HttpResponse:
    _log_parent_read(request, link, gettext_lazy("doorstroomdossier: parent reads"))
    return _page(request, link, token)


@require_POST
@link_page
def part_a_save(request: HttpRequest, link: DossierLink, token: str) -> HttpResponse:
    """htmx: one field (its status line back); without JS: every field of the form."""
    if link.kind != Actor.PUPIL:
        return _closed(request, 403, "parent")
    dossier = link.dossier
    if request.htmx:
        field = request.POST.get("field", "")
        error, changed = "", False
        try:
            changed = parts.part_a_field_save(
                dossier=dossier, field=field, text=request.POST.get(field, "")
            )
        except ValidationError as e:
            error = " ".join(e.messages)
        context = {"error": error, "saved": not error, "changed": changed}
        return render(request, "dossier/pupil/_save_status.html", context)
    errors = {}
    for field in PART_A_FIELDS:
        if field in request.POST:
            try:
                parts.part_a_field_save(
                    dossier=dossier, field=field, text=request.POST[field]
                )
            except ValidationError as e:
                errors[field] = " ".join(e.messages)
    if errors:
        return _page(request, link, token, errors=errors, posted=request.POST)
    messages.success(request, _("Saved."))
    return redirect(_home_url(token, "#part-a"))


@require_POST
@link_page
def approve(request: HttpRequest, link: DossierLink, token: str) -> HttpResponse:
    form = ApprovalForm(request.POST)
    if link.kind != Actor.PUPIL:
        return _closed(request, 403, "parent")
    if form.is_valid():
        try:
            parts.approval_record(
                dossier=link.dossier, who=Actor.PUPIL, link=link, **form.cleaned_data
            )
        except ValidationError as e:
            return _page(
                request,
                link,
                token,
                approval_error={
                    "part": form.cleaned_data["part"],
                    "message": " ".join(e.messages),
                },
                posted=request.POST,
            )
        if form.cleaned_data["decision"] == Decision.DISAGREED:
            messages.success(
                request, _("Thank you. Your mentor will talk with you about it.")
            )
        else:
            messages.success(request, _("Thank you: you approved this part."))
        return redirect(_home_url(token, f"#part-{form.cleaned_data['part']}"))
    return _page(
        request,
        link,
        token,
        approval_error={
            "part": request.POST.get("part", ""),
            "message": _("Choose again, please."),
        },
    )


@require_POST
@link_page
def consent(request: HttpRequest, link: DossierLink, token: str) -> HttpResponse:
    who = link.kind
    if request.POST.get("action") == "revoke":
        parts.consent_revoke(dossier=link.dossier, who=who)
        messages.success(
            request, _("You took back your consent. The mbo school cannot see part C.")
        )
    else:
        try:
            parts.consent_give(dossier=link.dossier, who=who, link=link)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, _("Thank you: you gave consent for part C."))
    return redirect(_home_url(token, "#part-c"))


@require_POST
@link_page
def invite_parent(request: HttpRequest, link: DossierLink, token: str) -> HttpResponse:
    try:
        parent, parent_token = submit_once(
            request, lambda: links.parent_link_create(link=link)
        )
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return redirect(_home_url(token, "#parent"))
    url = request.build_absolute_uri(reverse("dossier_pupil:home", args=[parent_token]))
    invite = {
        "url": url,
        "expires_at": parent.expires_at,
        # segno's SVG of our own URL: safe to inline.
        "qr": mark_safe(qr_svg(url, title=_("QR code of the link")).decode()),  # noqa: S308
    }
    return _page(request, link, token, invite=invite)


@require_GET
@link_page
def dossier_pdf(request: HttpRequest, link: DossierLink, token: str) -> HttpResponse:
    _log_parent_read(request, link, gettext_lazy("doorstroomdossier: parent's PDF"))
    return pdf.dossier_pdf_response(link.dossier, for_pupil=True)
