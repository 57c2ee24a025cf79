"""The partnership's agreement on the doorstroomdossier: the coördinator keeps it,
everyone on staff reads it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from doorlopend.core.forms import service_errors_add
from doorlopend.partnerships.access import partnership_view

from ..forms import AgreementForm
from ..selectors import pages
from ..services import agreement as services


@partnership_view("dossier.view_agreement")
@require_http_methods(["GET", "POST"])
def agreement(request: HttpRequest) -> HttpResponse:
    current = pages.agreement_of(request.partnership)
    may_edit = request.membership.has_perm("dossier.agreement")
    form = AgreementForm.for_agreement(current, request.POST or None)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.agreement_save(
                    partnership=request.partnership,
                    by=request.membership,
                    **form.cleaned_data,
                )
            except ValidationError as e:
                service_errors_add(form, e)
            else:
                messages.success(request, _("Agreement saved."))
                return redirect("dossier:agreement", request.partnership.slug)
    context = {"agreement": current, "form": form, "may_edit": may_edit}
    return render(request, "dossier/agreement.html", context)
