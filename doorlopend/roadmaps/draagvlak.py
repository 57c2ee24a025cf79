"""The step "Draagvlakonderzoek" of a route's step plan follows the route's draagvlak survey.

The survey is an ordinary reflection session of the `draagvlak` instrument for the
route: the parties answer by its link or code, say only which kind of party they are,
and their results per kind of party are reflection's (k ≥ 3). Here the step starts one
and derives its status from it: in progress while it runs, done once it is closed with
at least k people who answered; the link goes to the results per kind of party.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership, Partnership
from doorlopend.reflection.choices import DRAAGVLAK_KEY, State
from doorlopend.reflection.models import Session
from doorlopend.reflection.selectors.parties import route_surveys
from doorlopend.reflection.selectors.results import min_group
from doorlopend.reflection.services import sessions as reflection_sessions

from .derived import Answer, Target, answerer_register
from .models import ItemState, Status
from .services.decisions import TITLE_LENGTH, decision_instrument

STEP_PLAN = "doorlopende-leerroute"
ITEM = "draagvlakonderzoek"


def is_draagvlak_step(state: ItemState) -> bool:
    return (
        state.roadmap.route_id is not None
        and state.roadmap.version.key == STEP_PLAN
        and state.item_key == ITEM
    )


def draagvlak_answers(partnership: Partnership, targets: list[Target]) -> dict:
    """In progress while the route's newest survey is in concept or open (or closed
    under k); done once it is closed with k people. One query for all routes."""
    surveys = route_surveys(
        partnership=partnership,
        route_ids={t.route_id for t in targets if t.route_id},
    )
    k = min_group()
    source = _("the draagvlak survey")
    result = {}
    for target in targets:
        survey = surveys.get(target.route_id)
        if survey is None:
            continue  # no survey yet: the manual status stands
        session = survey.session
        url = reverse("reflection:session_parties", args=[partnership.slug, session.pk])
        if session.state == State.CLOSED and survey.respondents >= k:
            status, says = (
                Status.DONE,
                _("Closed with %(n)s answers.") % {"n": survey.respondents},
            )
        elif session.state == State.CLOSED:
            status = Status.IN_PROGRESS
            says = _("Closed with too few answers (fewer than %(k)s).") % {"k": k}
        elif session.state == State.OPEN:
            status = Status.IN_PROGRESS
            says = _("Open: the parties are answering.")
        else:
            status, says = Status.IN_PROGRESS, _("Prepared, not yet open.")
        result[target.state_id] = Answer(status, says, source, url)
    return result


@transaction.atomic
def draagvlak_start(*, state: ItemState, by: Membership) -> Session:
    """The route's draagvlak survey: the running one, else a new one (also after a
    closed one: a second round)."""
    if by is None or not by.has_perm("reflection.manage"):
        raise PermissionDenied(_("You may not start a reflection session."))
    if not is_draagvlak_step(state):
        raise ValidationError(_("This item has no draagvlak survey."), code="no_survey")
    route = state.roadmap.route
    # Lock the route's row: two clicks at once make one survey.
    type(route).objects.select_for_update().get(pk=route.pk)
    running = (
        Session.objects.filter(
            partnership=state.roadmap.partnership,
            leerroute=route,
            instrument__key=DRAAGVLAK_KEY,
        )
        .exclude(state=State.CLOSED)
        .order_by("-created_at")
        .first()
    )
    if running is not None:
        return running
    instrument = decision_instrument(DRAAGVLAK_KEY)
    if instrument is None:
        raise ValidationError(
            _("The questionnaire “%(key)s” is not installed.") % {"key": DRAAGVLAK_KEY},
            code="no_instrument",
        )
    title = _("Draagvlakonderzoek: %(name)s") % {"name": route.name}
    return reflection_sessions.session_create(
        partnership=state.roadmap.partnership,
        instrument=instrument,
        title=title[:TITLE_LENGTH],
        date=timezone.localdate(),
        leerroute=route,
        by=by,
    )


def register() -> None:
    answerer_register(STEP_PLAN, ITEM, draagvlak_answers)
