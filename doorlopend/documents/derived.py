"""The step plan's items that a route's generated files answer (see roadmaps.derived):
the plan van aanpak once its projectplan was made, the DUO melding once its data is
complete and the melding was made. Each answers every route of a page at once."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery
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


def _newest(kind: str) -> Subquery:
    return Subquery(
        GeneratedDocument.objects.filter(
            route=OuterRef("pk"), kind=kind, status=JobState.DONE
        )
        .order_by("-created_at")
        .values("created_at")[:1]
    )


@dataclass
class _RouteFacts:
    made: dict[str, object] = field(default_factory=dict)  # kind → newest made
    duo_gaps: int = 0


def _facts(routes: set[int]) -> dict[int, _RouteFacts]:
    """Route id → when its newest finished projectplan and melding were made, and how
    many things the DUO melding lacks (the rules of routes.duo.duo_problems). One query
    for all routes, once per request: a row per vmbo location, or one without when the
    route has none."""

    def read() -> dict[int, _RouteFacts]:
        facts: dict[int, _RouteFacts] = {}
        for row in Leerroute.objects.filter(pk__in=routes).values_list(
            "pk",
            "mbo_location__register_entry_id",
            "vmbo_locations",
            "vmbo_locations__register_entry_id",
            "vmbo_locations__register_entry__vestiging",
            _newest(Kind.PROJECTPLAN),
            _newest(Kind.DUO_MELDING),
        ):
            route_id, mbo_entry, location, entry, vestiging, plan, melding = row
            if route_id not in facts:
                made = {Kind.PROJECTPLAN: plan, Kind.DUO_MELDING: melding}
                facts[route_id] = _RouteFacts(
                    made={k: v for k, v in made.items() if v is not None},
                    duo_gaps=int(mbo_entry is None),
                )
            # No vmbo location at all is one thing missing, as is each one without a
            # register entry with a location number.
            facts[route_id].duo_gaps += (
                location is None or entry is None or not vestiging
            )
        return facts

    return memoised(("documents.route_facts", frozenset(routes)), read)


def _made(routes: set[int], kind: str) -> dict:
    """Route id → when its newest finished document of `kind` was made."""
    return {
        route_id: facts.made[kind]
        for route_id, facts in _facts(routes).items()
        if kind in facts.made
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
    """Route id → how many things the DUO melding lacks."""
    return {route_id: facts.duo_gaps for route_id, facts in _facts(routes).items()}


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
