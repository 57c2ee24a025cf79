"""The partnership's organisations: schools from the register, others typed in."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from doorlopend.registry.models import RegisterEntry

from .. import selectors, services
from ..access import partnership_view
from ..forms import OrganisationForm, RegisterSearchForm
from ..models import Organisation, OrganisationKind


@partnership_view("organisations.view")
@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    kind = kind if kind in OrganisationKind.values else ""
    organisations = selectors.organisation_list(
        partnership=request.partnership, kind=kind
    )
    return render(
        request,
        "partnerships/organisation_list.html",
        {
            "organisations": organisations,
            "kind": kind,
            "kinds": OrganisationKind.choices,
        },
    )


@partnership_view("organisations.manage")
@require_GET
def register_search(request: HttpRequest) -> HttpResponse:
    """The search page; with htmx only its results fragment, as people type."""
    form = RegisterSearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = selectors.register_search(partnership=request.partnership, query=query)
    context = {"form": form, "query": query, "results": results}
    template = (
        "partnerships/_register_results.html"
        if request.htmx
        else "partnerships/register_search.html"
    )
    return render(request, template, context)


@partnership_view("organisations.manage")
@require_POST
def register_add(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = get_object_or_404(RegisterEntry, pk=entry_id)
    try:
        services.organisation_add_from_register(
            partnership=request.partnership, entry=entry
        )
    except ValidationError as error:
        problem = " ".join(error.messages)
    else:
        problem = ""
    if request.htmx:
        # Added now or already there: either way the school is in the partnership.
        entry.already_added = True
        context = {"entry": entry, "just_added": not problem, "problem": problem}
        return render(request, "partnerships/_register_result.html", context)
    if problem:
        messages.error(request, problem)
    else:
        messages.success(request, _("%(name)s has been added.") % {"name": entry.name})
    return redirect(
        "partnerships:organisation_list", partnership_slug=request.partnership.slug
    )


@partnership_view("organisations.manage")
@require_http_methods(["GET", "POST"])
def organisation_create(request: HttpRequest) -> HttpResponse:
    return _organisation_form(request, Organisation(partnership=request.partnership))


@partnership_view("organisations.manage")
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation, pk=organisation_id, partnership=request.partnership
    )
    return _organisation_form(request, organisation)


def _organisation_form(
    request: HttpRequest, organisation: Organisation
) -> HttpResponse:
    form = OrganisationForm(request.POST or None, instance=organisation)
    if organisation.is_school and organisation.pk:
        form.fields["kind"].disabled = True
        form.fields["kind"].choices = [
            (organisation.kind, organisation.get_kind_display())
        ]
    if form.is_valid():
        try:
            services.organisation_save(organisation=form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("%(name)s has been saved.") % {"name": organisation.name}
            )
            return redirect(
                "partnerships:organisation_list",
                partnership_slug=request.partnership.slug,
            )
    return render(
        request,
        "partnerships/organisation_form.html",
        {"form": form, "organisation": organisation},
    )


@partnership_view("organisations.manage")
@require_http_methods(["GET", "POST"])
def organisation_delete(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation, pk=organisation_id, partnership=request.partnership
    )
    if request.method == "POST":
        try:
            services.organisation_delete(organisation=organisation)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("%(name)s has been removed.") % {"name": organisation.name}
            )
        return redirect(
            "partnerships:organisation_list", partnership_slug=request.partnership.slug
        )
    return render(
        request, "partnerships/organisation_delete.html", {"organisation": organisation}
    )
