"""The covenant's pages: read it, change it, its parties and their signatures."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from doorlopend.core.forms import service_errors_add
from doorlopend.documents.models import Kind
from doorlopend.documents.selectors import partnership_kind_section
from doorlopend.partnerships.access import partnership_view

from .. import selectors, services
from ..forms import CovenantForm, PartyEditForm, PartyForm, SignatureForm
from ..models import Covenant, CovenantParty


def _back(request: HttpRequest) -> HttpResponse:
    return redirect("covenant:detail", request.partnership.slug)


def covenant_or_404(request: HttpRequest) -> Covenant:
    covenant = selectors.covenant_of(partnership=request.partnership)
    if covenant is None:
        raise Http404("No covenant yet.")
    return covenant


def _party(request: HttpRequest, covenant_party_id: int) -> CovenantParty:
    return get_object_or_404(
        CovenantParty.objects.select_related("organisation", "covenant"),
        pk=covenant_party_id,
        covenant__partnership=request.partnership,
    )


@partnership_view("covenant.view")
@require_GET
def detail(request: HttpRequest) -> HttpResponse:
    covenant = selectors.covenant_of(partnership=request.partnership)
    context = {"covenant": covenant}
    if covenant is not None:
        context |= {
            "parties": list(selectors.party_list(covenant=covenant)),
            "stuurgroep": selectors.stuurgroep(partnership=request.partnership),
            "section": partnership_kind_section(
                partnership=request.partnership, kind=Kind.COVENANT
            ),
        }
    return render(request, "covenant/detail.html", context)


@partnership_view("covenant.manage")
@require_http_methods(["GET", "POST"])
def covenant_edit(request: HttpRequest) -> HttpResponse:
    covenant = selectors.covenant_of(partnership=request.partnership)
    initial = {}
    if covenant is not None:
        initial = {f: getattr(covenant, f) for f in CovenantForm.base_fields}
        initial["funding_sources"] = list(covenant.funding_sources.all())
    form = CovenantForm(
        request.POST or None, initial=initial, partnership=request.partnership
    )
    if form.is_valid():
        try:
            services.covenant_save(
                partnership=request.partnership,
                by=request.membership,
                **form.cleaned_data,
            )
        except ValidationError as error:
            service_errors_add(form, error)
        else:
            messages.success(request, _("The covenant has been saved."))
            return _back(request)
    context = {"form": form, "covenant": covenant}
    return render(request, "covenant/covenant_edit.html", context)


@partnership_view("covenant.manage")
@require_http_methods(["GET", "POST"])
def party_add(request: HttpRequest) -> HttpResponse:
    covenant = covenant_or_404(request)
    organisations = selectors.organisations_to_add(covenant=covenant)
    form = PartyForm(request.POST or None, organisations=organisations)
    if form.is_valid():
        try:
            party = services.party_add(
                covenant=covenant, by=request.membership, **form.cleaned_data
            )
        except ValidationError as error:
            service_errors_add(form, error)
        else:
            messages.success(
                request, _("%(name)s is now a party.") % {"name": party.organisation}
            )
            return _back(request)
    return render(request, "covenant/party_form.html", {"form": form, "party": None})


@partnership_view("covenant.manage")
@require_http_methods(["GET", "POST"])
def party_edit(request: HttpRequest, covenant_party_id: int) -> HttpResponse:
    party = _party(request, covenant_party_id)
    initial = {
        "signatory_name": party.signatory_name,
        "signatory_function": party.signatory_function,
        "commitment": party.commitment,
    }
    form = PartyEditForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            services.party_update(
                party=party, by=request.membership, **form.cleaned_data
            )
        except ValidationError as error:
            service_errors_add(form, error)
        else:
            messages.success(request, _("The party has been saved."))
            return _back(request)
    return render(request, "covenant/party_form.html", {"form": form, "party": party})


@partnership_view("covenant.manage")
@require_http_methods(["GET", "POST"])
def party_sign(request: HttpRequest, covenant_party_id: int) -> HttpResponse:
    """Mark the signature with its date; "take back" clears a wrongly marked one."""
    party = _party(request, covenant_party_id)
    if request.method == "POST" and "clear" in request.POST:
        services.party_sign(party=party, by=request.membership, signed_on=None)
        messages.success(request, _("The signature has been taken back."))
        return _back(request)
    form = SignatureForm(request.POST or None, initial={"signed_on": party.signed_on})
    if form.is_valid():
        try:
            services.party_sign(party=party, by=request.membership, **form.cleaned_data)
        except ValidationError as error:
            service_errors_add(form, error)
        else:
            messages.success(
                request, _("%(name)s has signed.") % {"name": party.organisation}
            )
            return _back(request)
    return render(request, "covenant/party_sign.html", {"form": form, "party": party})


@partnership_view("covenant.manage")
@require_http_methods(["GET", "POST"])
def party_delete(request: HttpRequest, covenant_party_id: int) -> HttpResponse:
    """Asks first (GET), removes on the confirmation (POST)."""
    party = _party(request, covenant_party_id)
    if request.method == "POST":
        services.party_remove(party=party, by=request.membership)
        messages.success(
            request,
            _("%(name)s is no longer a party.") % {"name": party.organisation},
        )
        return _back(request)
    return render(request, "covenant/party_delete.html", {"party": party})
