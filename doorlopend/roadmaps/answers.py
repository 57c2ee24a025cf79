"""The items roadmaps answers itself, from apps below it: a school's portefeuillehouder
(the roles) and a route's councils (the consents). Registered in `apps.ready()`; see
`derived` for the registry, documents for the items its files answer."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Partnership
from doorlopend.routes.selectors import APPROVING, route_consents, route_parties

from .derived import Answer, Target, answerer_register
from .models import Status
from .selectors import school_leads

CHECKLIST = "checklist-leerlijn-lob"
STEP_PLAN = "doorlopende-leerroute"


def portefeuillehouder(partnership: Partnership, targets: list[Target]) -> dict:
    """Done where the school has a portefeuillehouder in the roles; one query."""
    leads = school_leads(partnership=partnership)
    source = _("the roles on the People page")
    url = reverse("partnerships:member_list", args=[partnership.slug])
    result = {}
    for target in targets:
        if target.organisation_id is None:
            continue
        names = [str(m.user) for m in leads.get(target.organisation_id, [])]
        if names:
            answer = Answer(
                Status.DONE,
                _("Portefeuillehouder: %(names)s.") % {"names": ", ".join(names)},
                source,
                url,
            )
        else:
            answer = Answer(
                Status.NOT_STARTED,
                _("no portefeuillehouder yet for %(school)s")
                % {"school": target.organisation_name},
                source,
                url,
            )
        result[target.state_id] = answer
    return result


def councils(partnership: Partnership, targets: list[Target]) -> dict:
    """Done once the council of every school that is a party agreed (consent or positive
    advice), started once any decision is recorded; two queries for all routes (shared
    with the route page's parties in the same request)."""
    routes = frozenset(t.route_id for t in targets if t.route_id)
    schools: dict[int, set[int]] = {}
    for party in route_parties(routes):
        if party.organisation.is_school:
            schools.setdefault(party.route_id, set()).add(party.organisation_id)
    approved: dict[int, set[int]] = {}
    recorded: set[int] = set()
    for consent in route_consents(routes):
        recorded.add(consent.route_id)
        if consent.outcome in APPROVING:
            approved.setdefault(consent.route_id, set()).add(consent.organisation_id)
    source = _("the councils' decisions")
    result = {}
    for target in targets:
        if target.route_id is None:
            continue
        needed = schools.get(target.route_id, set())
        agreed = needed & approved.get(target.route_id, set())
        if needed and agreed == needed:
            status = Status.DONE
        elif target.route_id in recorded:
            status = Status.IN_PROGRESS
        else:
            status = Status.NOT_STARTED
        if needed:
            says = _("%(agreed)s of %(needed)s schools agreed.") % {
                "agreed": len(agreed),
                "needed": len(needed),
            }
        elif target.route_id in recorded:
            says = _("A decision is recorded, but no school is a party yet.")
        else:
            says = _("No council decision recorded yet.")
        url = reverse("routes:route_detail", args=[partnership.slug, target.route_id])
        result[target.state_id] = Answer(status, says, source, f"{url}#consents")
    return result


def register() -> None:
    from . import draagvlak  # the step follows the route's draagvlak survey

    draagvlak.register()
    answerer_register(CHECKLIST, "portefeuillehouder-benoemen", portefeuillehouder)
    answerer_register(STEP_PLAN, "medezeggenschap", councils)
