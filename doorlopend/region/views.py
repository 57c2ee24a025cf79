"""The region's data sets (with their provenance and the upload), and a route's analysis."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from doorlopend.partnerships.access import partnership_view
from doorlopend.routes.models import Leerroute

from .forms import DataSetForm, NoteForm
from .models import DataSet, Note
from .selectors import route_analysis
from .services.imports import ImportRefused, dataset_import
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
        },
    )


def _route(request: HttpRequest, route_id: int) -> Leerroute:
    return get_object_or_404(
        Leerroute.objects.select_related("partnership__region"),
        pk=route_id,
        partnership=request.partnership,
    )


@partnership_view("region.view")
@require_http_methods(["GET", "POST"])
def route_analysis_view(request: HttpRequest, route_id: int) -> HttpResponse:
    route = _route(request, route_id)
    can_manage = request.membership.has_perm("region.manage")
    form = NoteForm(request.POST or None) if can_manage else None
    if request.method == "POST":
        if not can_manage:
            return HttpResponse(status=403)
        if form.is_valid():
            note_add(route=route, by=request.membership, **form.cleaned_data)
            messages.success(request, _("The note has been added."))
            url = reverse(
                "region:route_analysis", args=[request.partnership.slug, route.pk]
            )
            return redirect(f"{url}#q{form.cleaned_data['question']}")
    context = route_analysis(route)
    context.update({"route": route, "form": form, "can_manage": can_manage})
    return render(
        request,
        "region/route_analysis.html",
        context,
    )


@partnership_view("region.manage")
@require_POST
def note_remove(request: HttpRequest, note_id: int) -> HttpResponse:
    note = get_object_or_404(Note, pk=note_id, partnership=request.partnership)
    note_delete(note=note, by=request.membership)
    messages.success(request, _("The note has been deleted."))
    url = reverse(
        "region:route_analysis", args=[request.partnership.slug, note.route_id]
    )
    return redirect(f"{url}#q{note.question}")
