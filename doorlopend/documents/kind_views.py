"""The pages of a document kind of the whole partnership (the voortgangsrapportage, the
covenant's Word file): make a version in the background, poll it, compare two versions.

One `KindPages` per kind; its app's views check the permission and the app's own rules,
then answer through it. Files download through documents:download, like every generated
document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from . import selectors
from .models import GeneratedDocument


@dataclass(frozen=True)
class KindPages:
    kind: str
    status_template: str  # the fragment htmx polls (its versions swap in when done)
    page: str  # the URL name of the page that lists the versions
    page_label: str  # that page's name, for the way back from the compare page
    compare: str  # the URL name of the compare page
    making: str  # the message after a request without htmx

    def section(self, request: HttpRequest) -> selectors.KindSection:
        return selectors.partnership_kind_section(
            partnership=request.partnership, kind=self.kind
        )

    def make(
        self, request: HttpRequest, request_version: Callable[[], object]
    ) -> HttpResponse:
        """Queue a version (`request_version`), shown being made: in place (htmx) or on
        the kind's page; a refusal (ValidationError) is a message there."""
        try:
            request_version()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.page, request.partnership.slug)
        if request.htmx:
            return self.status(request)
        messages.info(request, self.making)
        return redirect(self.page, request.partnership.slug)

    def status(self, request: HttpRequest) -> HttpResponse:
        """htmx polls this every 2 s while a version is being made."""
        context = {"section": self.section(request), "oob": True}
        return render(request, self.status_template, context)

    def _version(self, request: HttpRequest, value: str) -> GeneratedDocument:
        if not value.isdigit():
            raise Http404("No such version.")
        return get_object_or_404(
            GeneratedDocument,
            pk=int(value),
            partnership=request.partnership,
            route__isnull=True,
            kind=self.kind,
            status=GeneratedDocument.Status.DONE,
        )

    def compare_page(self, request: HttpRequest) -> HttpResponse:
        """Two versions line by line (?a=<id>&b=<id>), the earlier one first."""
        section = self.section(request)
        slug = request.partnership.slug
        context = {
            "section": section,
            "back_url": reverse(self.page, args=[slug]),
            "back_label": self.page_label,
            "compare_url": reverse(self.compare, args=[slug]),
        }
        if request.GET.get("a") and request.GET.get("b"):
            a, b = (self._version(request, request.GET[key]) for key in ("a", "b"))
            context |= selectors.compare_context(section, a, b)
        return render(request, "documents/compare.html", context)
