"""The practices: the list with search and filters, writing one up, its page, publishing."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from doorlopend.partnerships.access import partnership_view
from doorlopend.programme.elements import element_choices_of, newest_elements_version

from .. import selectors
from ..forms import AttachmentForm, PracticeForm, SearchForm
from ..services import practices as services
from ._common import own, readable, to_practice

PER_PAGE = 20


def _filters(form: SearchForm) -> selectors.PracticeFilters:
    data = form.cleaned_data if form.is_valid() else {}
    return selectors.PracticeFilters(
        q=data.get("q") or "",
        element=data.get("element") or "",
        level=data.get("schooltype") or "",
        year=data.get("jaar"),
        region=data.get("regio") or "",
    )


@partnership_view("knowledge.view")
@require_GET
def practice_list(request: HttpRequest) -> HttpResponse:
    choices = newest_elements_version().definition.choices
    form = SearchForm(
        request.GET or None,
        element_choices=choices,
        regions=selectors.regions_with_practices(),
    )
    filters = _filters(form)
    practices = selectors.practices_published(
        partnership=request.partnership, filters=filters
    )
    page = Paginator(practices, PER_PAGE).get_page(request.GET.get("page"))
    titles = dict(choices)
    for practice in page.object_list:
        practice.element_items = [(k, titles.get(k, k)) for k in practice.elements]
    drafts = None
    if request.membership.has_perm("knowledge.write"):
        drafts = selectors.drafts_of(partnership=request.partnership)
    return render(
        request,
        "knowledge/practice_list.html",
        {
            "form": form,
            "filters": filters,
            "page": page,
            "drafts": drafts,
        },
    )


def _practice_form(request: HttpRequest, practice=None) -> HttpResponse:
    form = PracticeForm(request.POST or None, practice=practice, user=request.user)
    if form.is_valid():
        try:
            practice = services.practice_save(
                partnership=request.partnership,
                by=request.membership,
                practice=practice,
                **form.cleaned_data,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request, _("%(title)s has been saved.") % {"title": practice.title}
            )
            return to_practice(request, practice)
    return render(
        request, "knowledge/practice_form.html", {"form": form, "practice": practice}
    )


@partnership_view("knowledge.write")
@require_http_methods(["GET", "POST"])
def practice_create(request: HttpRequest) -> HttpResponse:
    return _practice_form(request)


@partnership_view("knowledge.write")
@require_http_methods(["GET", "POST"])
def practice_edit(request: HttpRequest, practice_id: int) -> HttpResponse:
    practice = own(request, practice_id)
    if not request.membership.has_perm("knowledge.write", practice):
        messages.info(request, _("Only the coördinator changes a published practice."))
        return to_practice(request, practice)
    return _practice_form(request, practice)


@partnership_view("knowledge.view")
@require_GET
def practice_detail(request: HttpRequest, practice_id: int) -> HttpResponse:
    practice = readable(request, practice_id)
    ours = practice.partnership_id == request.partnership.pk
    membership = request.membership
    titles = dict(element_choices_of(practice))
    practice.element_items = [(k, titles.get(k, k)) for k in practice.elements]
    return render(
        request,
        "knowledge/practice_detail.html",
        {
            "practice": practice,
            "ours": ours,
            "may_edit": ours and membership.has_perm("knowledge.write", practice),
            "may_publish": ours and membership.has_perm("knowledge.publish"),
            "may_inspire": not ours
            and practice.is_published
            and membership.has_perm("knowledge.inspire"),
            "may_adopt": practice.is_published
            and membership.has_perm("knowledge.adopt"),
            "adoptions": selectors.adoptions_by(
                partnership=request.partnership, practice=practice
            ),
            "attachment_form": AttachmentForm() if ours else None,
        },
    )


@partnership_view("knowledge.publish")
@require_POST
def practice_publish(request: HttpRequest, practice_id: int) -> HttpResponse:
    """One form per step: publish, back to draft, public page on or off."""
    practice = own(request, practice_id)
    action, by = request.POST.get("action", ""), request.membership
    steps = {
        "publish": (
            services.practice_publish,
            {},
            _("Published: every partnership can read it now."),
        ),
        "unpublish": (
            services.practice_unpublish,
            {},
            _("Back to draft: only your partnership sees it."),
        ),
        "public": (
            services.practice_set_public,
            {"public": True},
            _("The practice has a public page now."),
        ),
        "private": (
            services.practice_set_public,
            {"public": False},
            _("The public page is gone."),
        ),
    }
    if action not in steps:
        return to_practice(request, practice)
    step, extra, done = steps[action]
    try:
        step(practice=practice, by=by, **extra)
    except ValidationError as e:
        for message in e.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return to_practice(request, practice)


@partnership_view("knowledge.view")
@require_POST
def contact_withdraw(request: HttpRequest, practice_id: int) -> HttpResponse:
    """The named contact takes their own name off (any role, their own consent)."""
    practice = own(request, practice_id)
    if practice.contact_person_id == request.user.pk:
        services.practice_contact_withdraw(practice=practice, by=request.membership)
        messages.success(request, _("Your name is no longer shown as the contact."))
    return to_practice(request, practice)


@partnership_view("knowledge.write")
@require_http_methods(["GET", "POST"])
def practice_delete(request: HttpRequest, practice_id: int) -> HttpResponse:
    practice = own(request, practice_id)
    if not request.membership.has_perm("knowledge.write", practice):
        return to_practice(request, practice)
    if request.method == "POST":
        services.practice_delete(practice=practice, by=request.membership)
        messages.success(
            request, _("%(title)s has been deleted.") % {"title": practice}
        )
        return redirect(
            reverse("knowledge:practice_list", args=[request.partnership.slug])
        )
    return render(request, "knowledge/practice_delete.html", {"practice": practice})
