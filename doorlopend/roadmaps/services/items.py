"""Working an item: its status, owner, due date, notes and evidence, each change in history.

Every change writes one `ItemChange` holding, per changed field, the raw value before and
after (a status code, the owner's id and name, an ISO date, a text; see `history.py`),
shown in the reader's language when read: the history stays readable when a member
leaves or a label changes. A submit that changes nothing writes nothing, so sending the
same form twice adds no line.
Who may change a row is the rule `roadmaps.work` about that row
(`membership.has_perm("roadmaps.work", state)`); anyone else gets PermissionDenied (a 403).
"""

from __future__ import annotations

import datetime
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership

from ..evidence import evidence_check
from ..history import raw, same
from ..models import ItemChange, ItemState, Status
from ..notify import owner_tell

# The fields a member edits in the item's form.
EDITABLE = (
    "status",
    "not_applicable_reason",
    "owner",
    "due_date",
    "notes",
    "evidence_link",
)


def _locked(state: ItemState) -> ItemState:
    """The row as stored now, locked until the end of the transaction."""
    return (
        ItemState.objects.select_for_update(of=("self",))
        .select_related("owner__user", "roadmap", "decision_session")
        .get(pk=state.pk)
    )


def change_record(
    *, state: ItemState, by: Membership | None, changes: dict
) -> ItemChange:
    """Append one line to the item's history: {field: [before, after]}, raw values."""
    return ItemChange.objects.create(
        state=state, changed_by=by.user if by else None, changes=changes
    )


def _refuse_unless_allowed(by: Membership, state: ItemState) -> None:
    if by is None or not by.has_perm("roadmaps.work", state):
        raise PermissionDenied(_("You may not change this item."))


@transaction.atomic
def state_update(*, state: ItemState, by: Membership, **fields) -> ItemChange | None:
    """Change any of EDITABLE; returns the history line, or None when nothing changed.

    Not applicable needs a reason (and another status clears it); the owner must be a
    member of the roadmap's partnership.
    """
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"state_update() cannot change {sorted(unknown)}")
    _refuse_unless_allowed(by, state)
    current = _locked(state)
    status = fields.get("status", current.status)
    reason = (
        fields.get("not_applicable_reason", current.not_applicable_reason) or ""
    ).strip()
    if status == Status.NOT_APPLICABLE and not reason:
        raise ValidationError(
            {
                "not_applicable_reason": ValidationError(
                    _("Say why this item does not apply."), code="reason_required"
                )
            }
        )
    if status != Status.NOT_APPLICABLE:
        reason = ""  # a reason belongs to "not applicable" only
    owner = fields.get("owner", current.owner)
    if owner is not None and owner.partnership_id != current.roadmap.partnership_id:
        raise ValidationError(
            {
                "owner": ValidationError(
                    _("Choose a member of this partnership."), code="owner_outside"
                )
            }
        )
    due_date = fields.get("due_date", current.due_date)
    if due_date is not None and not isinstance(due_date, datetime.date):
        raise ValidationError({"due_date": _("Enter a valid date.")})

    before = {name: (same(current, name), raw(current, name)) for name in EDITABLE}
    current.status = status
    current.not_applicable_reason = reason
    current.owner = owner
    current.due_date = due_date
    current.notes = (fields.get("notes", current.notes) or "").strip()
    current.evidence_link = (
        fields.get("evidence_link", current.evidence_link) or ""
    ).strip()
    changes = {
        name: [stored, raw(current, name)]
        for name, (compared, stored) in before.items()
        if compared != same(current, name)
    }
    if not changes:
        return None
    current.full_clean(exclude=["evidence_file", "roadmap", "organisation"])
    current.save()
    for name in EDITABLE:  # the caller's object shows what was saved
        setattr(state, name, getattr(current, name))
    if "owner" in changes:
        owner_tell(current, by=by)
    return change_record(state=current, by=by, changes=changes)


def _delete_file_after_commit(storage, name: str) -> None:
    # Only once the row no longer points at it: a rolled-back change keeps its file.
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def evidence_upload(*, state: ItemState, upload, by: Membership) -> ItemChange:
    """Store `upload` as the item's evidence, replacing (and deleting) an earlier file."""
    _refuse_unless_allowed(by, state)
    evidence_check(upload)
    current = _locked(state)
    old_name, old_file_name = current.evidence_file.name, current.evidence_name
    name = PurePath(upload.name).name[-255:]
    storage = current.evidence_file.storage
    current.evidence_file.save(name, upload, save=False)
    try:
        current.evidence_name = name
        current.evidence_size = upload.size
        current.save(
            update_fields=[
                "evidence_file",
                "evidence_name",
                "evidence_size",
                "updated_at",
            ]
        )
        change = change_record(
            state=current,
            by=by,
            changes={"evidence_file": [old_file_name, name]},
        )
    except Exception:
        storage.delete(current.evidence_file.name)  # no row points at it
        raise
    if old_name:
        _delete_file_after_commit(storage, old_name)
    state.evidence_file, state.evidence_name = current.evidence_file, name
    state.evidence_size = current.evidence_size
    return change


@transaction.atomic
def evidence_remove(*, state: ItemState, by: Membership) -> ItemChange:
    """Remove the item's file (the evidence link, if any, stays)."""
    _refuse_unless_allowed(by, state)
    current = _locked(state)
    if not current.evidence_file:
        raise ValidationError(_("This item has no file to remove."), code="no_file")
    old_name, old_file_name = current.evidence_file.name, current.evidence_name
    storage = current.evidence_file.storage
    current.evidence_file = ""
    current.evidence_name = ""
    current.evidence_size = 0
    current.save(
        update_fields=["evidence_file", "evidence_name", "evidence_size", "updated_at"]
    )
    _delete_file_after_commit(storage, old_name)
    state.evidence_file, state.evidence_name, state.evidence_size = "", "", 0
    return change_record(
        state=current,
        by=by,
        changes={"evidence_file": [old_file_name, ""]},
    )
