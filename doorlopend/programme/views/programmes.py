"""The programmes: the list, one programme by year, the forms, the example, next year."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from doorlopend.partnerships.access import partnership_view
from doorlopend.routes.forms.routes import next_school_year

from .. import templates
from ..elements import element_choices_of
from ..forms import ProgrammeForm, TemplateForm, programme_initial
from ..selectors import coverage
from ..selectors import programmes as selectors
from ..services import programmes as services
from ._common import programme_of, to_programme


def _this_school_year() -> int:
    return next_school_year() - 1


@partnership_view("programme.view")
@require_GET
def programme_list(request: HttpRequest) -> HttpResponse:
    context = {
        "programmes": selectors.programme_list(partnership=request.partnership),
        "template": templates.template_load(),
        "template_form": TemplateForm(
            partnership=request.partnership,
            initial={"school_year": _this_school_year()},
        ),
    }
    return render(request, "programme/programme_list.html", context)


def _form_page(request: HttpRequest, form, programme=None) -> HttpResponse:
    return render(
        request,
        "programme/programme_form.html",
        {"form": form, "programme": programme},
    )


@partnership_view("programme.manage")
@require_http_methods(["GET", "POST"])
def programme_create(request: HttpRequest) -> HttpResponse:
    form = ProgrammeForm(
        request.POST or None,
        partnership=request.partnership,
        initial={"school_year": _this_school_year()},
    )
    if form.is_valid():
        try:
            programme = services.programme_create(
                partnership=request.partnership,
                by=request.membership,
                **form.cleaned_data,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("The programme has been made."))
            return to_programme(request, programme)
    return _form_page(request, form)


@partnership_view("programme.manage")
@require_http_methods(["GET", "POST"])
def programme_from_template(request: HttpRequest) -> HttpResponse:
    form = TemplateForm(
        request.POST or None,
        partnership=request.partnership,
        initial={"school_year": _this_school_year()},
    )
    if form.is_valid():
        try:
            programme = services.programme_from_template(
                partnership=request.partnership,
                by=request.membership,
                **form.cleaned_data,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request,
                _(
                    "The example is now your own programme: change it to fit your schools."
                ),
            )
            return to_programme(request, programme)
    return render(
        request,
        "programme/programme_template.html",
        {"form": form, "template": templates.template_load()},
    )


@partnership_view("programme.view")
@require_GET
def programme_detail(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_of(request, programme_id)
    items = selectors.programme_items(programme=programme)
    grouped = selectors.items_by_row(items)
    heat = coverage.heat_map(grouped=grouped, elements=element_choices_of(programme))
    selectors.scores_summarise(items, heat.elements)
    context = {
        "programme": programme,
        "grouped": grouped,
        # One year's items at a time, the others a click away in the year tabs.
        "year": selectors.year_shown(grouped, request.GET.get("jaar", "")),
        "item_count": len(items),
        "lines": selectors.samenhang_lines(items),
        "pairs": selectors.pairs_of(programme=programme),
        "thin": heat.thin,
        "elements": heat.elements,
    }
    return render(request, "programme/programme_detail.html", context)


@partnership_view("programme.manage")
@require_http_methods(["GET", "POST"])
def programme_edit(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_of(request, programme_id)
    form = ProgrammeForm(
        request.POST or None,
        partnership=request.partnership,
        initial=programme_initial(programme),
    )
    if form.is_valid():
        try:
            services.programme_update(
                programme=programme, by=request.membership, **form.cleaned_data
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("The programme has been saved."))
            return to_programme(request, programme)
    return _form_page(request, form, programme)


@partnership_view("programme.manage")
@require_http_methods(["GET", "POST"])
def programme_delete(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_of(request, programme_id)
    if request.method == "POST":
        services.programme_delete(programme=programme, by=request.membership)
        messages.success(
            request, _("%(name)s has been deleted.") % {"name": str(programme)}
        )
        return redirect(
            reverse("programme:programme_list", args=[request.partnership.slug])
        )
    return render(request, "programme/programme_delete.html", {"programme": programme})


@partnership_view("programme.manage")
@require_http_methods(["GET", "POST"])
def programme_copy(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_of(request, programme_id)
    error = None
    if request.method == "POST":
        try:
            copy = services.programme_copy_next_year(
                programme=programme, by=request.membership
            )
        except ValidationError as e:
            error = " ".join(e.messages)
        else:
            messages.success(
                request,
                _("The programme has been copied to %(year)s.")
                % {"year": copy.school_year_label},
            )
            return to_programme(request, copy)
    return render(
        request,
        "programme/programme_copy.html",
        {
            "programme": programme,
            "next_year": f"{programme.school_year + 1}–{programme.school_year + 2}",
            "error": error,
        },
    )
