"""A session's life: concept → open → gesloten, and back to open when the group wants."""

from __future__ import annotations

import secrets
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.instruments.services import version_mark_used
from doorlopend.partnerships.models import Membership, Organisation, Partnership
from doorlopend.routes.models import Leerroute

from ..choices import Mode, Phase, State
from ..models import Session
from .totals import question_totals_drop, question_totals_fill

# No look-alikes: 0/O, 1/I/L, 2/Z, 5/S and 8/B are left out, so a code read from a beamer
# at the back of a hall is typed right. 23 characters, 6 places: ~150 million codes.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY3479"
CODE_LENGTH = 6


def join_code_generate() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _code_in_use(code: str, *, exclude_pk: int | None = None) -> bool:
    # Codes are unique across all partnerships, so this check must see all of them.
    with scopes_disabled():
        qs = Session.objects.filter(join_code=code).exclude(state=State.CLOSED)
        if exclude_pk:
            qs = qs.exclude(pk=exclude_pk)
        return qs.exists()


def _fresh_code(*, exclude_pk: int | None = None) -> str:
    for _attempt in range(20):
        code = join_code_generate()
        if not _code_in_use(code, exclude_pk=exclude_pk):
            return code
    raise RuntimeError("No free join code found in 20 attempts")  # ~impossible


def _save_with_code(session: Session) -> None:
    """Save; if another session took the code in the meantime, draw a new one."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                session.save()
            return
        except IntegrityError:
            session.join_code = _fresh_code(exclude_pk=session.pk)
    raise RuntimeError("Could not save the session with a unique join code")


def _route_check(partnership_id: int, leerroute: Leerroute | None) -> None:
    """A session names a leerroute of its own partnership, or none."""
    if leerroute is not None and leerroute.partnership_id != partnership_id:
        raise ValidationError(
            {
                "leerroute": ValidationError(
                    _("Choose a leerroute of this partnership."),
                    code="route_outside",
                )
            }
        )


def session_create(
    *,
    partnership: Partnership,
    instrument: InstrumentVersion,
    title: str,
    date: date,
    leerroute: Leerroute | None = None,
    mode: str = Mode.SCOREN,
    organisation: Organisation | None = None,
    by: Membership | None,
) -> Session:
    """A new session in concept, with its join code already known (for the slides).

    `organisation`: only for a school's own scan (services.scans.scan_start checks who).
    `by` is None only when the system makes it (the demo loader).
    """
    _route_check(partnership.pk, leerroute)
    session = Session(
        partnership=partnership,
        instrument=instrument,
        title=title.strip(),
        date=date,
        leerroute=leerroute,
        mode=mode,
        organisation=organisation,
        created_by=by.user if by else None,
        join_code=_fresh_code(),
    )
    session.full_clean(exclude=["join_code"])
    _save_with_code(session)
    version_mark_used(version=instrument)
    return session


def session_update(
    *, session: Session, title: str, date: date, leerroute: Leerroute | None = None
) -> Session:
    """Title, date and leerroute (the legacy route label is never edited)."""
    _route_check(session.partnership_id, leerroute)
    session.title, session.date, session.leerroute = title.strip(), date, leerroute
    session.full_clean()
    session.save(update_fields=["title", "date", "leerroute"])
    return session


def session_open(*, session: Session) -> Session:
    """Open for participants; reopening a closed session keeps every answer given."""
    if session.state == State.OPEN:
        return session
    now = timezone.now()
    reopening = session.state == State.CLOSED
    session.state = State.OPEN
    session.opened_at = session.opened_at or now
    session.closed_at = None
    if reopening:
        question_totals_drop(session=session)
    else:
        session.phase, session.phase_started_at = Phase.UITLEG, now
    if _code_in_use(session.join_code, exclude_pk=session.pk):
        # While it was closed, another session drew the same code.
        session.join_code = _fresh_code(exclude_pk=session.pk)
    _save_with_code(session)
    return session


def session_reopen(*, session: Session) -> Session:
    if session.state != State.CLOSED:
        raise ValidationError(_("Only a closed session can be reopened."))
    return session_open(session=session)


def session_close(*, session: Session) -> Session:
    """No more answers; results, notes and action points stay."""
    if session.state != State.OPEN:
        raise ValidationError(_("Only an open session can be closed."))
    session.state = State.CLOSED
    session.closed_at = timezone.now()
    session.save(update_fields=["state", "closed_at"])
    question_totals_fill(sessions=Session.objects.filter(pk=session.pk))
    return session


def session_phase_set(*, session: Session, phase: str) -> Session:
    if phase not in Phase.values:
        raise ValidationError(_("Unknown phase."))
    if session.phase != phase:
        session.phase, session.phase_started_at = phase, timezone.now()
        session.save(update_fields=["phase", "phase_started_at"])
    return session


def session_beamer_theme_set(*, session: Session, theme_key: str) -> Session:
    """The theme the beamer shows while the group discusses it ("" for none)."""
    if theme_key and session.instrument.definition.theme(theme_key) is None:
        raise ValidationError(_("This theme is not part of the session."))
    if session.beamer_theme != theme_key:
        session.beamer_theme = theme_key
        session.save(update_fields=["beamer_theme"])
    return session


def session_delete(*, session: Session) -> None:
    """Only a session nobody has answered in may go; answers are the partnership's record."""
    if session.participants.exists():
        raise ValidationError(
            _(
                "People have taken part in this session: close it instead of deleting it."
            )
        )
    session.delete()
