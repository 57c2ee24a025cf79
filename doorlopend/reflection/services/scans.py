"""A school's own LOB-scan: started by its decaan or portefeuillehouder, on the reflection
engine (a session with the school set), and a weak element made into an action point."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.partnerships.models import SCHOOL_KINDS, Membership, Organisation

from ..choices import SCAN_KEY
from ..models import ActionPoint, Session
from .discussion import action_point_create
from .sessions import session_create


def scan_instrument() -> InstrumentVersion:
    """The newest version of the LOB-scan."""
    version = InstrumentVersion.objects.scans().filter(key=SCAN_KEY).first()
    if version is None:  # the data file ships with the code; migrate loads it
        raise ValidationError(_("The LOB-scan is not loaded: run migrate."))
    return version


def scan_start(
    *, school: Organisation, date: date, by: Membership | None, title: str = ""
) -> Session:
    """A new scan of `school` in concept: only that school's decaan or portefeuillehouder
    starts one (`by` None: the demo loader)."""
    if school.kind not in SCHOOL_KINDS:
        raise ValidationError(
            {"school": _("A scan is of a school: choose a vo, mbo or hbo school.")}
        )
    if by is not None and (
        by.partnership_id != school.partnership_id
        or not by.has_perm("reflection.run_school_scan", school)
    ):
        raise PermissionDenied
    title = title.strip() or _("LOB-scan %(school)s, %(date)s") % {
        "school": school.name,
        "date": date_format(date, "j N Y"),
    }
    return session_create(
        partnership=school.partnership,
        instrument=scan_instrument(),
        title=title[:200],
        date=date,
        organisation=school,
        by=by,
    )


def scan_action_point(
    *, session: Session, element_key: str, by: Membership
) -> ActionPoint:
    """The weak element `element_key` of a school's scan as an action point of that
    school, owned by the member who made it. One per element and scan: a second click
    returns the first."""
    if not session.is_school_scan:
        raise ValidationError(_("Only a school's scan has elements to act on."))
    if not by.has_perm("reflection.facilitate", session):
        raise PermissionDenied
    definition = session.instrument.definition
    theme = definition.theme(element_key)
    if theme is None:
        raise ValidationError(_("This element is not part of the scan."))
    existing = ActionPoint.objects.filter(
        partnership=session.partnership_id, session=session, theme_key=theme.key
    ).first()
    if existing is not None:
        return existing
    return action_point_create(
        session=session,
        title=_("Strengthen “%(element)s” (LOB-scan %(date)s)")
        % {"element": theme.title, "date": date_format(session.date, "j N Y")},
        theme_key=theme.key,
        owner_member=by,
        owner_organisation=session.organisation,
        by=by,
    )
