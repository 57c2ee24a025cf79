"""The decision statements of a step (seed 004): a reflection session linked to the item.

There is no second questionnaire engine: the stuurgroep scores the statements in an
ordinary reflection session (join code, anonymous answers, k ≥ 3) made by the reflection
services; the item only points at it, and its page shows that session's results.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.instruments.selectors import newest_version
from doorlopend.partnerships.models import Membership
from doorlopend.reflection.models import Session
from doorlopend.reflection.services import sessions as reflection_sessions

from ..models import ItemState
from .items import change_record

TITLE_LENGTH = 200


def decision_instrument(key: str) -> InstrumentVersion | None:
    """The newest version of the questionnaire `key` (instruments are not tenant data)."""
    return newest_version(kind=InstrumentVersion.Kind.QUESTIONNAIRE, key=key)


@transaction.atomic
def decision_start(*, state: ItemState, by: Membership) -> Session:
    """Make the item's decision session, or return the one it already has."""
    # The decision statements are a reflection session: who runs sessions starts one.
    if by is None or not by.has_perm("reflection.manage"):
        raise PermissionDenied(_("You may not start a reflection session."))
    current = (
        ItemState.objects.select_for_update(of=("self",))
        .select_related(
            "roadmap__version",
            "roadmap__route",
            "roadmap__partnership",
            "decision_session",
        )
        .get(pk=state.pk)
    )
    if current.decision_session_id:
        return current.decision_session  # a second click lands on the same session
    item = current.item
    if item is None or not item.decision:
        raise ValidationError(
            _("This item has no decision statements."), code="no_decision"
        )
    instrument = decision_instrument(item.decision)
    if instrument is None:
        raise ValidationError(
            _("The questionnaire “%(key)s” is not installed.") % {"key": item.decision},
            code="no_instrument",
        )
    roadmap = current.roadmap
    name = roadmap.route.name if roadmap.route_id else roadmap.version.title
    title = _("Decision statements: %(name)s") % {"name": name}
    session = reflection_sessions.session_create(
        partnership=roadmap.partnership,
        instrument=instrument,
        title=title[:TITLE_LENGTH],
        date=timezone.localdate(),
        leerroute=roadmap.route,
        by=by,
    )
    current.decision_session = session
    current.save(update_fields=["decision_session", "updated_at"])
    change_record(
        state=current,
        by=by,
        changes={"decision_session": ["", session.title]},
    )
    state.decision_session = session
    return session
