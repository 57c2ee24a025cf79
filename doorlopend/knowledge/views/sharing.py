"""What members do with a practice besides reading it: say it inspired them, adopt it,
attach files, and publish one of their own items, activities or action points as one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from doorlopend.core.files import stored_file_response
from doorlopend.partnerships.access import partnership_view
from doorlopend.planning.models import Activity
from doorlopend.programme.models import ProgrammeItem
from doorlopend.reflection.models import ActionPoint

from .. import selectors
from ..forms import AdoptPlanForm, AdoptProgrammeForm, AttachmentForm
from ..services import sharing as services
from ..services import sources
from ._common import own, readable, to_practice


@partnership_view("knowledge.inspire")
@require_POST
def practice_inspired(request: HttpRequest, practice_id: int) -> HttpResponse:
    practice = readable(request, practice_id)
    try:
        inspired = services.inspiration_toggle(practice=practice, by=request.membership)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(
            request,
            _("Marked: this practice inspired your partnership.")
            if inspired
            else _("Your mark has been taken back."),
        )
    return to_practice(request, practice, "inspired")


@partnership_view("knowledge.adopt")
@require_http_methods(["GET", "POST"])
def practice_adopt(request: HttpRequest, practice_id: int) -> HttpResponse:
    """Copy the practice into the own programme (an item) or plan (an activity)."""
    # Every partnership's published practices, and the own ones (drafts too).
    practice = readable(request, practice_id)
    partnership, by = request.partnership, request.membership
    into = request.POST.get("into") if request.method == "POST" else None
    programme_form = AdoptProgrammeForm(
        request.POST if into == "programme" else None,
        partnership=partnership,
        initial={"level": practice.level, "year": practice.year},
    )
    plan_form = AdoptPlanForm(request.POST if into == "plan" else None)
    slug = partnership.slug
    try:
        if into == "programme" and programme_form.is_valid():
            item = services.adopt_into_programme(
                practice=practice, by=by, **programme_form.cleaned_data
            )
            messages.success(
                request, _("Adopted into your programme as a starting point.")
            )
            return redirect(
                reverse("programme:programme_detail", args=[slug, item.programme_id])
                + f"?jaar={item.row_key}#item-{item.pk}"
            )
        if into == "plan" and plan_form.is_valid():
            activity = services.adopt_into_plan(
                practice=practice, by=by, **plan_form.cleaned_data
            )
            messages.success(request, _("Adopted into your plan as a starting point."))
            return redirect(
                reverse("planning:activity_detail", args=[slug, activity.pk])
            )
    except ValidationError as e:
        # The copy's own rules (a year its school type has): said above the form.
        form = programme_form if into == "programme" else plan_form
        form.add_error(None, ValidationError(e.messages))
    return render(
        request,
        "knowledge/practice_adopt.html",
        {
            "practice": practice,
            "programme_form": programme_form,
            "plan_form": plan_form,
            "may_programme": by.has_perm("programme.manage"),
            "may_plan": by.has_perm("planning.propose_activity"),
        },
    )


@partnership_view("knowledge.write")
@require_POST
def attachment_add(request: HttpRequest, practice_id: int) -> HttpResponse:
    practice = own(request, practice_id)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(
                practice=practice,
                by=request.membership,
                upload=form.cleaned_data["file"],
                name=form.cleaned_data["name"],
            )
        except ValidationError as e:
            form.add_error("file", e)
        else:
            messages.success(request, _("The file has been added."))
            return to_practice(request, practice, "attachments")
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return to_practice(request, practice, "attachments")


@partnership_view("knowledge.view")
@require_GET
def attachment_download(
    request: HttpRequest, practice_id: int, attachment_id: int
) -> HttpResponse:
    practice = readable(request, practice_id)
    attachment = selectors.attachment_for_reader(
        partnership=request.partnership, practice=practice, attachment_id=attachment_id
    )
    if attachment is None:
        raise Http404
    return stored_file_response(
        attachment.file, filename=attachment.file.name.rsplit("/", 1)[-1]
    )


@partnership_view("knowledge.write")
@require_POST
def attachment_delete(
    request: HttpRequest, practice_id: int, attachment_id: int
) -> HttpResponse:
    practice = own(request, practice_id)
    attachment = selectors.attachment_for_reader(
        partnership=request.partnership, practice=practice, attachment_id=attachment_id
    )
    if attachment is None:
        raise Http404
    services.attachment_delete(attachment=attachment, by=request.membership)
    messages.success(request, _("The file has been removed."))
    return to_practice(request, practice, "attachments")


def _drafted(request: HttpRequest, practice) -> HttpResponse:
    messages.success(
        request,
        _(
            "A draft practice has been made from it. Complete it and ask the coördinator to publish it."
        ),
    )
    return redirect(
        reverse("knowledge:practice_edit", args=[request.partnership.slug, practice.pk])
    )


@partnership_view("knowledge.write")
@require_POST
def from_programme_item(request: HttpRequest, programme_item_id: int) -> HttpResponse:
    item = get_object_or_404(
        ProgrammeItem.objects.select_related("programme"),
        pk=programme_item_id,
        programme__partnership=request.partnership,
    )
    return _drafted(
        request, sources.practice_from_item(item=item, by=request.membership)
    )


@partnership_view("knowledge.write")
@require_POST
def from_activity(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = get_object_or_404(
        Activity, pk=activity_id, partnership=request.partnership
    )
    return _drafted(
        request,
        sources.practice_from_activity(activity=activity, by=request.membership),
    )


@partnership_view("knowledge.write")
@require_POST
def from_action_point(request: HttpRequest, action_id: int) -> HttpResponse:
    action = get_object_or_404(
        ActionPoint.objects.select_related("session"),
        pk=action_id,
        partnership=request.partnership,
    )
    # A school's own scan and its points are read by that school's people only.
    if action.session_id and not request.membership.has_perm(
        "reflection.view", action.session
    ):
        raise Http404
    return _drafted(
        request, sources.practice_from_action(action=action, by=request.membership)
    )
