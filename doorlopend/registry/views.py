"""Staff pages for DUO's school register."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from doorlopend.core.access import staff_view


@staff_view
def import_list(request: HttpRequest) -> HttpResponse:
    return render(request, "registry/import_list.html", {})
