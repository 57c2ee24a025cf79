"""The access log, readable by platform staff; nobody can change it."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from doorlopend.core.access import staff_view

from . import selectors
from .forms import EntryFilterForm


@staff_view
@require_GET
def entry_list(request: HttpRequest) -> HttpResponse:
    form = EntryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = selectors.entry_list(
        object_type=filters.get("object_type", ""), actor_query=filters.get("actor", "")
    )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "audit/entry_list.html", {"form": form, "page": page})
