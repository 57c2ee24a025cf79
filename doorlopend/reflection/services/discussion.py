"""Notes per theme and the action points agreed in the last quarter of the hour."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership, Organisation

from ..choices import ActionStatus
from ..models import ActionPoint, Session, ThemeNote


def theme_note_save(
    *, session: Session, theme_key: str, text: str, by: Membership | None
) -> ThemeNote:
    """Save the session's note on a theme (one per theme, overwritten).

    `by` is None only when the system makes it (the demo loader).
    """
    if session.instrument.definition.theme(theme_key) is None:
        raise ValidationError(_("This theme is not part of the session."))
    note, _created = ThemeNote.objects.update_or_create(
        session=session,
        theme_key=theme_key,
        defaults={"text": text.strip(), "updated_by": by.user if by else None},
    )
    return note


def _check_action_point(point: ActionPoint) -> None:
    errors = {}
    partnership = point.partnership
    if point.owner_member and point.owner_member.partnership_id != partnership.pk:
        errors["owner_member"] = _("Choose a member of this partnership.")
    if (
        point.owner_organisation
        and point.owner_organisation.partnership_id != partnership.pk
    ):
        errors["owner_organisation"] = _("Choose an organisation of this partnership.")
    if (
        point.session
        and point.theme_key
        and point.session.instrument.definition.theme(point.theme_key) is None
    ):
        errors["theme_key"] = _("This theme is not part of the session.")
    if errors:
        raise ValidationError(errors)
    point.full_clean()


def action_point_create(
    *,
    session: Session,
    title: str,
    theme_key: str = "",
    owner_member: Membership | None = None,
    owner_organisation: Organisation | None = None,
    due_date: date | None = None,
    status: str = ActionStatus.OPEN,
    by: Membership | None,
) -> ActionPoint:
    """An action point of `session`, owned by the partnership (it stays after the session).

    `by` is None only when the system makes it (the demo loader).
    """
    point = ActionPoint(
        partnership=session.partnership,
        session=session,
        title=title.strip(),
        theme_key=theme_key,
        owner_member=owner_member,
        owner_organisation=owner_organisation,
        due_date=due_date,
        status=status,
        created_by=by.user if by else None,
    )
    _check_action_point(point)
    point.save()
    return point


def action_point_update(*, point: ActionPoint, **fields) -> ActionPoint:
    """Change what, theme, owner, due date or status of an action point."""
    allowed = {
        "title",
        "theme_key",
        "owner_member",
        "owner_organisation",
        "due_date",
        "status",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(point, name, value.strip() if isinstance(value, str) else value)
    _check_action_point(point)
    point.save()
    return point
