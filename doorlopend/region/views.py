"""The region's data sets (with their provenance, the upload and the deletion), and the
analysis of a route or of the partnership's whole region, with its charts."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from doorlopend.partnerships.access import partnership_view
from doorlopend.routes.models import Leerroute

from . import charts
from .forms import DataSetForm, NoteForm
from .models import DataSet, Note
from .selectors import dataset_deletion_effect, partnership_analysis, route_analysis
from .services.imports import ImportRefused, dataset_delete, dataset_import
from .services.notes import note_add, note_delete


@partnership_view("region.view")
@require_http_methods(["GET", "POST"])
def dataset_list(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    can_manage = request.membership.has_perm("region.manage")
    form = DataSetForm() if can_manage else None
    refused = None
    if request.method == "POST":
        if not can_manage:
            return HttpResponse(status=403)
        form = DataSetForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                dataset = dataset_import(
                    partnership=partnership,
                    by=request.membership,
                    kind=data["kind"],
                    chunks=data["file"].chunks(),
                    file_name=data["file"].name,
                    source_name=data["source_name"],
                    publisher=data["publisher"],
                    reference_date=data["reference_date"],
                )
            except ImportRefused as error:
                refused = error
            else:
                messages.success(
                    request,
                    _("%(file)s was imported: %(n)s rows, %(masked)s masked cells.")
                    % {
                        "file": dataset.file_name,
                        "n": dataset.row_count,
                        "masked": dataset.masked_count,
                    },
                )
                return redirect(reverse("region:dataset_list", args=[partnership.slug]))
    datasets = DataSet.objects.filter(partnership=partnership).select_related(
        "imported_by"
    )
    routes = Leerroute.objects.filter(partnership=partnership).order_by("name")
    return render(
        request,
        "region/dataset_list.html",
        {
            "datasets": datasets,
            "form": form,
            "refused": refused,
            "routes": routes,
            "can_delete": request.membership.has_perm("region.delete"),
        },
    )


def _route(request: HttpRequest, route_id: int) -> Leerroute:
    return get_object_or_404(
        Leerroute.objects.select_related("partnership__region"),
        pk=route_id,
        partnership=request.partnership,
    )


def _analysis_url(partnership_slug: str, route_id: int | None) -> str:
    if route_id is None:
        return reverse("region:partnership_analysis", args=[partnership_slug])
    return reverse("region:route_analysis", args=[partnership_slug, route_id])


def _analysis_page(request: HttpRequest, route: Leerroute | None) -> HttpResponse:
    """A route's analysis page, or (no route) the partnership's: one page, one form."""
    can_manage = request.membership.has_perm("region.manage")
    form = NoteForm(request.POST or None) if can_manage else None
    if request.method == "POST":
        if not can_manage:
            return HttpResponse(status=403)
        if form.is_valid():
            note_add(
                route=route,
                partnership=request.partnership,
                by=request.membership,
                **form.cleaned_data,
            )
            messages.success(request, _("The note has been added."))
            url = _analysis_url(request.partnership.slug, route and route.pk)
            return redirect(f"{url}#q{form.cleaned_data['question']}")
    if route is None:
        context = partnership_analysis(request.partnership)
        context["routes"] = Leerroute.objects.filter(
            partnership=request.partnership
        ).order_by("name")
        template = "region/partnership_analysis.html"
    else:
        context = route_analysis(route)
        template = "region/route_analysis.html"
    context.update({"route": route, "form": form, "can_manage": can_manage})
    return render(request, template, context)


@partnership_view("region.view")
@require_http_methods(["GET", "POST"])
def route_analysis_view(request: HttpRequest, route_id: int) -> HttpResponse:
    return _analysis_page(request, _route(request, route_id))


@partnership_view("region.view")
@require_http_methods(["GET", "POST"])
def partnership_analysis_view(request: HttpRequest) -> HttpResponse:
    return _analysis_page(request, None)


@partnership_view("region.view")
@require_GET
def chart(request: HttpRequest, name: str) -> HttpResponse:
    """One answer's chart as an SVG file (`?route=` for a route's analysis)."""
    if name not in charts.CHARTS:
        raise Http404("No such chart.")
    route_id = request.GET.get("route", "")
    if route_id:
        if not route_id.isdigit():
            raise Http404("No such route.")
        analysis = route_analysis(_route(request, int(route_id)))
    else:
        analysis = partnership_analysis(request.partnership)
    answer = analysis["answers"][charts.CHARTS[name] - 1]
    return HttpResponse(charts.chart_svg(name, answer), content_type="image/svg+xml")


@partnership_view("region.manage")
@require_POST
def note_remove(request: HttpRequest, note_id: int) -> HttpResponse:
    note = get_object_or_404(Note, pk=note_id, partnership=request.partnership)
    note_delete(note=note, by=request.membership)
    messages.success(request, _("The note has been deleted."))
    url = _analysis_url(request.partnership.slug, note.route_id)
    return redirect(f"{url}#q{note.question}")


@partnership_view("region.delete")
@require_http_methods(["GET", "POST"])
def dataset_delete_view(request: HttpRequest, dataset_id: int) -> HttpResponse:
    """The confirmation page (what goes, which analyses change), and the deletion."""
    dataset = get_object_or_404(
        DataSet.objects.select_related("imported_by"),
        pk=dataset_id,
        partnership=request.partnership,
    )
    if request.method == "POST":
        dataset_delete(dataset=dataset, by=request.membership)
        messages.success(
            request,
            _("%(file)s and its %(n)s rows have been deleted.")
            % {"file": dataset.file_name, "n": dataset.row_count},
        )
        return redirect(reverse("region:dataset_list", args=[request.partnership.slug]))
    effect = dataset_deletion_effect(dataset)
    return render(request, "region/dataset_delete.html", {"effect": effect})
