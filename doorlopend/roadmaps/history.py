"""An item's history: raw values when it is written, the reader's words when it is read.

Each `ItemChange.changes` holds {field: [before, after]} as raw values: a status code, the
owner as {"id": membership id, "name": their name at that moment}, an ISO date, a text
(its start, for a long note), a file name, a session title. Labels and shown values are
made when the page is read, in the reader's language: a change made by an English
speaker reads in Dutch to a Dutch reader. The owner shows by their present name while
they are a member, by the name kept in the change once they are gone. A value the data
migration of older rows could not read back (words of an unknown language) is shown as
it is.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import FieldDoesNotExist
from django.utils import formats
from django.utils.text import Truncator, capfirst

from .models import ItemState, Status

# A long note is kept whole on the item; its history line holds the start of it.
HISTORY_TEXT_CHARS = 300
DATE_FORMAT = "j F Y"
# The order a history line lists its fields in (PostgreSQL does not keep a JSON's order).
ORDER = (
    "status",
    "not_applicable_reason",
    "owner",
    "due_date",
    "notes",
    "evidence_link",
    "evidence_file",
    "decision_session",
)


def field_label(name: str) -> str:
    """The field's label as the item's form shows it, in the active language."""
    from .forms import ItemStateForm  # the forms import the models, as this does

    field = ItemStateForm.base_fields.get(name)
    if field is not None and field.label:
        return str(field.label)
    try:
        return str(capfirst(ItemState._meta.get_field(name).verbose_name))
    except FieldDoesNotExist:  # a field this version no longer has: its name will do
        return name


def same(state: ItemState, name: str):
    """What two moments of a field are compared by (the whole text, the owner's id)."""
    return state.owner_id if name == "owner" else getattr(state, name)


def raw(state: ItemState, name: str):
    """The value of one field as a history line stores it."""
    if name == "owner":
        return (
            {"id": state.owner_id, "name": str(state.owner.user)}
            if state.owner_id
            else None
        )
    if name == "due_date":
        return state.due_date.isoformat() if state.due_date else None
    if name == "evidence_file":
        return state.evidence_name
    if name == "decision_session":
        return state.decision_session.title if state.decision_session_id else ""
    return Truncator(str(getattr(state, name) or "")).chars(HISTORY_TEXT_CHARS)


def owner_ids(changes: dict) -> set[int]:
    """The memberships a history line names as owner, to look their names up at once."""
    values = changes.get("owner") or []
    return {v["id"] for v in values if isinstance(v, dict) and v.get("id")}


def shown(name: str, value, members: dict[int, str] | None = None) -> str:
    """One stored value in the active language; `members` maps id → present name."""
    if value is None or value == "":
        return ""
    if name == "status":
        return str(Status(value).label) if value in Status.values else str(value)
    if name == "owner":
        if not isinstance(value, dict):
            return str(value)  # a name from before raw values were kept
        present = (members or {}).get(value.get("id"))
        return present or str(value.get("name") or "")
    if name == "due_date":
        try:
            day = datetime.date.fromisoformat(str(value))
        except ValueError:
            return str(value)
        return formats.date_format(day, DATE_FORMAT)
    return str(value)


def rows(
    changes: dict, members: dict[int, str] | None = None
) -> list[tuple[str, str, str]]:
    """(label, before, after) per changed field of one history line, for the reader."""
    result = []
    names = sorted(changes, key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER))
    for name in names:
        values = changes[name]
        if not isinstance(values, list):
            values = [None, values]
        before, after = [*values, None, None][:2]
        result.append(
            (
                field_label(name),
                shown(name, before, members),
                shown(name, after, members),
            )
        )
    return result
