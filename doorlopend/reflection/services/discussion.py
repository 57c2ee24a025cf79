"""Notes per theme and the action points agreed in the last quarter of the hour."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doorlopend.accounts.notifications import notify_assigned
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
    _tell_owner(point, by=by)
    return point


def _tell_owner(point: ActionPoint, *, by: Membership | None) -> None:
    """E-mail the person who now owns the action point (not when it is their own doing)."""
    if point.owner_member_id is None:
        return
    notify_assigned(
        user=point.owner_member.user,
        by_user=by.user if by else None,
        item_kind=gettext_lazy("action point"),
        title=point.title,
        due_date=point.due_date,
        path=reverse(
            "reflection:action_point_list",
            kwargs={"partnership_slug": point.partnership.slug},
        ),
        partnership=point.partnership,
    )


def action_point_update(
    *, point: ActionPoint, by: Membership | None = None, **fields
) -> ActionPoint:
    """Change what, theme, owner, due date or status of an action point; a new owner
    (a person) hears of it by e-mail."""
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
    owner_before = point.owner_member_id
    for name, value in fields.items():
        setattr(point, name, value.strip() if isinstance(value, str) else value)
    _check_action_point(point)
    point.save()
    if point.owner_member_id not in {None, owner_before}:  # a new owner
        _tell_owner(point, by=by)
    return point
