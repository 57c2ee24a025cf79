"""The step plan's items that a route's generated files answer (see roadmaps.derived):
the plan van aanpak once its projectplan was made, the DUO melding once its data is
complete and the melding was made. Each answers every route of a page at once."""

from __future__ import annotations

from django.db.models import Max
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from doorlopend.core.jobs import JobState
from doorlopend.core.request_memo import memoised
from doorlopend.partnerships.models import Partnership
from doorlopend.roadmaps.derived import Answer, Target, answerer_register
from doorlopend.roadmaps.models import Status
from doorlopend.routes.models import Leerroute

from .models import GeneratedDocument, Kind

STEP_PLAN = "doorlopende-leerroute"


def _made(routes: set[int], kind: str) -> dict:
    """Route id → when its newest finished document of `kind` was made. One query for
    every kind at once, once per request (the projectplan's and the melding's items)."""

    def read() -> dict[tuple[int, str], object]:
        return {
            (route_id, made_kind): last
            for route_id, made_kind, last in GeneratedDocument.objects.filter(
                route__in=routes, status=JobState.DONE
            )
            .values("route_id", "kind")
            .annotate(last=Max("created_at"))
            .values_list("route_id", "kind", "last")
            .order_by()
        }

    made = memoised(("documents.made", frozenset(routes)), read)
    return {
        route_id: last
        for (route_id, made_kind), last in made.items()
        if made_kind == kind
    }


def _date(moment) -> str:
    return formats.date_format(moment, "j F Y")


def projectplan(partnership: Partnership, targets: list[Target]) -> dict:
    """Done once the route's projectplan was generated; no answer before (the manual
    status stands while the plan is being written)."""
    made = _made({t.route_id for t in targets if t.route_id}, Kind.PROJECTPLAN)
    result = {}
    for target in targets:
        if target.route_id not in made:
            continue
        url = reverse(
            "documents:route_documents", args=[partnership.slug, target.route_id]
        )
        result[target.state_id] = Answer(
            Status.DONE,
            _("The projectplan was made on %(date)s.")
            % {"date": _date(made[target.route_id])},
            _("the route's documents"),
            url,
        )
    return result


def _duo_gaps(routes: set[int]) -> dict[int, int]:
    """Route id → how many things the DUO melding lacks (the rules of
    routes.duo.duo_problems, for all routes in one query: a row per vmbo location, or
    one without when the route has none)."""
    gaps = dict.fromkeys(routes, 0)
    mbo_counted: set[int] = set()
    for route_id, mbo_entry, location, entry, vestiging in Leerroute.objects.filter(
        pk__in=routes
    ).values_list(
        "pk",
        "mbo_location__register_entry_id",
        "vmbo_locations",
        "vmbo_locations__register_entry_id",
        "vmbo_locations__register_entry__vestiging",
    ):
        if route_id not in mbo_counted:
            mbo_counted.add(route_id)
            gaps[route_id] += mbo_entry is None
        # No vmbo location at all is one thing missing, as is each one without a
        # register entry with a location number.
        gaps[route_id] += location is None or entry is None or not vestiging
    return gaps


def duo_melding(partnership: Partnership, targets: list[Target]) -> dict:
    """Done once the melding's data is complete and the melding was made; in progress
    while complete but not yet made; not started while data is missing."""
    routes = {t.route_id for t in targets if t.route_id}
    gaps = _duo_gaps(routes)
    made = _made(routes, Kind.DUO_MELDING)
    result = {}
    for target in targets:
        if target.route_id is None:
            continue
        missing = gaps.get(target.route_id, 0)
        if missing:
            status = Status.NOT_STARTED
            says = ngettext(
                "%(n)s thing missing for a complete melding.",
                "%(n)s things missing for a complete melding.",
                missing,
            ) % {"n": missing}
        elif target.route_id in made:
            status = Status.DONE
            says = _("The melding is complete; made on %(date)s.") % {
                "date": _date(made[target.route_id])
            }
        else:
            status = Status.IN_PROGRESS
            says = _("The data is complete; the melding has not been made yet.")
        url = reverse("routes:duo_melding", args=[partnership.slug, target.route_id])
        result[target.state_id] = Answer(status, says, _("the DUO melding"), url)
    return result


def register() -> None:
    answerer_register(STEP_PLAN, "plan-van-aanpak", projectplan)
    answerer_register(STEP_PLAN, "melden-duo", duo_melding)
