"""The communication plan: who hears what, through which channel, when, and from whom."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Partnership

from ..models import CommunicationItem

FIELDS = ("audience", "message", "channel", "moment", "owner", "status")


def _check(item: CommunicationItem) -> None:
    if item.owner is not None and item.owner.partnership_id != item.partnership_id:
        raise ValidationError(
            {"owner": _("The owner must be a member of this partnership.")}
        )
    item.message = (item.message or "").strip()
    item.channel = (item.channel or "").strip()
    item.full_clean()


@transaction.atomic
def communication_item_create(
    *, partnership: Partnership, **fields
) -> CommunicationItem:
    """A new line of the plan; audience, message, channel and moment are required."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unexpected fields {sorted(unknown)}")
    item = CommunicationItem(partnership=partnership, **fields)
    _check(item)
    item.save()
    return item


@transaction.atomic
def communication_item_update(
    *, item: CommunicationItem, **fields
) -> CommunicationItem:
    for name, value in fields.items():
        if name not in FIELDS:
            raise TypeError(f"unexpected field {name!r}")
        setattr(item, name, value)
    _check(item)
    item.save()
    return item


@transaction.atomic
def communication_item_delete(*, item: CommunicationItem) -> None:
    item.delete()
