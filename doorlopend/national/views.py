"""The national reflection picture: for the landelijk adviseur (across partnerships) and
for a partnership's coördinator and stuurgroep (its own position against the spread)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from doorlopend.partnerships.access import partnership_view

from . import reflection, selectors, services
from .access import national_view
from .forms import ParticipationForm


def _picture(request: HttpRequest, partnership_id: int | None = None) -> dict:
    choices = {i.key: i for i in reflection.instruments()}
    key = request.GET.get("instrument", reflection.DEFAULT_INSTRUMENT)
    instrument = choices.get(key) or choices.get(reflection.DEFAULT_INSTRUMENT)
    return {
        "instruments": choices.values(),
        "picture": instrument
        and reflection.national_reflection(
            instrument=instrument, partnership_id=partnership_id
        ),
        "min_partnerships": selectors.MIN_PARTNERSHIPS,
        "band_labels": selectors.Band.LABELS,
    }


@national_view
@require_GET
def national_reflection(request: HttpRequest) -> HttpResponse:
    return render(request, "national/reflection.html", _picture(request))


@partnership_view("national.position")
@require_GET
def own_position(request: HttpRequest) -> HttpResponse:
    context = _picture(request, partnership_id=request.partnership.pk)
    context["takes_part"] = selectors.takes_part(partnership=request.partnership)
    return render(request, "national/reflection.html", context)


@partnership_view("partnership.manage")
@require_POST
def participation(request: HttpRequest) -> HttpResponse:
    form = ParticipationForm(request.POST)
    if form.is_valid():
        services.participation_set(
            partnership=request.partnership,
            takes_part=form.cleaned_data["takes_part"],
            by=request.membership,
        )
        messages.success(request, _("Your choice for the national picture is saved."))
    else:
        messages.error(request, _("Choose whether your aggregates count."))
    return redirect("partnerships:settings", request.partnership.slug)
