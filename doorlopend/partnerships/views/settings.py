"""The partnership's settings page: its name, description and school holiday region."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import services
from ..access import partnership_view
from ..forms import PartnershipSettingsForm
from ..models import Partnership
from ..settings_sections import settings_sections_for


@partnership_view("partnership.manage")
@require_http_methods(["GET", "POST"])
def partnership_settings(request: HttpRequest) -> HttpResponse:
    # A copy, so a refused form does not rename the partnership in the page's header.
    partnership = Partnership.objects.get(pk=request.partnership.pk)
    form = PartnershipSettingsForm(request.POST or None, instance=partnership)
    if form.is_valid():
        services.partnership_update(
            partnership=request.partnership,
            by=request.membership,
            **{f: form.cleaned_data[f] for f in form.changed_data},
        )
        messages.success(request, _("The settings have been saved."))
        return redirect("partnerships:settings", request.partnership.slug)
    sections = settings_sections_for(request.partnership)
    return render(
        request, "partnerships/settings.html", {"form": form, "sections": sections}
    )
