"""The budget: sources with their lines and totals, the forms, and the XLSX."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from doorlopend.partnerships.access import partnership_view

from ..export_budget import budget_xlsx as make_xlsx
from ..forms.budget import LineForm, SourceForm
from ..models import BudgetLine, FundingSource
from ..selectors import budget as selectors
from ..services import budget as services
from ._schools import filter_context, preset_school, require_keep

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _to_budget(request: HttpRequest, anchor: str = ""):
    url = reverse("planning:budget", args=[request.partnership.slug])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _source(request: HttpRequest, source_id: int) -> FundingSource:
    return get_object_or_404(
        FundingSource, pk=source_id, partnership=request.partnership
    )


def _line(request: HttpRequest, line_id: int) -> BudgetLine:
    line = get_object_or_404(
        BudgetLine.objects.select_related("source"),
        pk=line_id,
        source__partnership=request.partnership,
    )
    require_keep(request, line)
    return line


@partnership_view("planning.view")
@require_GET
def budget(request: HttpRequest) -> HttpResponse:
    context = filter_context(request)
    context |= {
        "overview": selectors.budget_totals(
            partnership=request.partnership, owner=context["owner"]
        ),
        "manage": request.membership.has_perm("planning.manage"),
        "keep_lines": request.membership.has_perm("planning.keep_item"),
    }
    return render(request, "planning/budget/budget.html", context)


@partnership_view("planning.view")
@require_GET
def budget_xlsx(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        make_xlsx(partnership=request.partnership), content_type=XLSX
    )
    filename = f"begroting-{request.partnership.slug}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _source_form(request: HttpRequest, source: FundingSource | None) -> HttpResponse:
    form = SourceForm(request.POST or None, source=source)
    if form.is_valid():
        try:
            if source is None:
                source = services.source_create(
                    partnership=request.partnership, **form.cleaned_data
                )
            else:
                services.source_update(source=source, **form.cleaned_data)
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request, _("%(name)s has been saved.") % {"name": source.name}
            )
            return _to_budget(request, f"source-{source.pk}")
    return render(
        request, "planning/budget/source_form.html", {"form": form, "source": source}
    )


@partnership_view("planning.manage")
@require_http_methods(["GET", "POST"])
def source_create(request: HttpRequest) -> HttpResponse:
    return _source_form(request, None)


@partnership_view("planning.manage")
@require_http_methods(["GET", "POST"])
def source_edit(request: HttpRequest, source_id: int) -> HttpResponse:
    return _source_form(request, _source(request, source_id))


@partnership_view("planning.manage")
@require_http_methods(["GET", "POST"])
def source_delete(request: HttpRequest, source_id: int) -> HttpResponse:
    source = _source(request, source_id)
    if request.method == "POST":
        try:
            services.source_delete(source=source)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
            return _to_budget(request, f"source-{source.pk}")
        messages.success(
            request, _("%(name)s has been deleted.") % {"name": source.name}
        )
        return _to_budget(request)
    return render(
        request,
        "planning/budget/source_delete.html",
        {"source": source, "has_lines": source.lines.exists()},
    )


def _line_form(
    request: HttpRequest, source: FundingSource, line: BudgetLine | None
) -> HttpResponse:
    form = LineForm(
        request.POST or None,
        partnership=request.partnership,
        line=line,
        membership=request.membership,
        school=preset_school(request) if line is None else None,
    )
    if form.is_valid():
        by = request.membership
        try:
            if line is None:
                line = services.line_create(source=source, by=by, **form.cleaned_data)
            else:
                services.line_update(line=line, by=by, **form.cleaned_data)
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request, _("%(name)s has been saved.") % {"name": line.description}
            )
            return _to_budget(request, f"source-{source.pk}")
    return render(
        request,
        "planning/budget/line_form.html",
        {"form": form, "source": source, "line": line},
    )


@partnership_view("planning.keep_item")
@require_http_methods(["GET", "POST"])
def line_create(request: HttpRequest, source_id: int) -> HttpResponse:
    return _line_form(request, _source(request, source_id), None)


@partnership_view("planning.keep_item")
@require_http_methods(["GET", "POST"])
def line_edit(request: HttpRequest, line_id: int) -> HttpResponse:
    line = _line(request, line_id)
    return _line_form(request, line.source, line)


@partnership_view("planning.keep_item")
@require_http_methods(["GET", "POST"])
def line_delete(request: HttpRequest, line_id: int) -> HttpResponse:
    line = _line(request, line_id)
    if request.method == "POST":
        services.line_delete(line=line, by=request.membership)
        messages.success(
            request, _("%(name)s has been deleted.") % {"name": line.description}
        )
        return _to_budget(request, f"source-{line.source_id}")
    return render(request, "planning/budget/line_delete.html", {"line": line})
