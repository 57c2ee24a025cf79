"""The national pictures (reflection, checklist, programme, transitions, leerroutes): for
the landelijk adviseur (across partnerships) and for a partnership's coördinator and
stuurgroep (its own position against the spread)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from doorlopend.core.submit_once import submit_once
from doorlopend.partnerships.access import partnership_view

from . import checklist, programme, reflection, routes, selectors, services, transitions
from .access import national_view
from .forms import ParticipationForm, ProgressPageForm


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


def _common(request: HttpRequest, **context) -> dict:
    context["min_partnerships"] = selectors.MIN_PARTNERSHIPS
    if getattr(request, "partnership", None) is not None:
        context["takes_part"] = selectors.takes_part(partnership=request.partnership)
    return context


def _own_id(request: HttpRequest) -> int | None:
    partnership = getattr(request, "partnership", None)
    return partnership.pk if partnership is not None else None


def _checklist(request: HttpRequest) -> HttpResponse:
    picture = checklist.national_checklist(partnership_id=_own_id(request))
    return render(request, "national/checklist.html", _common(request, picture=picture))


def _programme(request: HttpRequest) -> HttpResponse:
    picture = programme.national_programme(partnership_id=_own_id(request))
    return render(request, "national/programme.html", _common(request, picture=picture))


def _transitions(request: HttpRequest) -> HttpResponse:
    cohort = request.GET.get("jaar", "")
    picture = transitions.national_transitions(
        cohort=int(cohort) if cohort.isdigit() else None
    )
    return render(
        request, "national/transitions.html", _common(request, picture=picture)
    )


def _routes(request: HttpRequest) -> HttpResponse:
    picture = routes.national_routes()
    return render(request, "national/routes.html", _common(request, picture=picture))


# The same picture twice: for the adviser's grant, and for a partnership's own position.
national_checklist = national_view(require_GET(_checklist))
national_programme = national_view(require_GET(_programme))
national_transitions = national_view(require_GET(_transitions))
national_routes = national_view(require_GET(_routes))
own_checklist = partnership_view("national.position")(require_GET(_checklist))
own_programme = partnership_view("national.position")(require_GET(_programme))
own_transitions = partnership_view("national.position")(require_GET(_transitions))
own_routes = partnership_view("national.position")(require_GET(_routes))


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


@partnership_view("partnership.manage")
@require_POST
def progress_page(request: HttpRequest) -> HttpResponse:
    form = ProgressPageForm(request.POST)
    if form.is_valid():
        # Pressed twice with "a new link", the link changes once.
        submit_once(
            request,
            lambda: services.progress_page_set(
                partnership=request.partnership,
                by=request.membership,
                **form.cleaned_data,
            ),
        )
        messages.success(
            request, _("Your choice for the public progress page is saved.")
        )
    else:
        messages.error(request, _("Choose whether the page is on or off."))
    return redirect("partnerships:settings", request.partnership.slug)
