"""An item's history for its page: each change with its rows in the reader's language."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from doorlopend.partnerships.models import Membership

from .. import history
from ..models import ItemState


@dataclass(frozen=True)
class HistoryEntry:
    changed_at: datetime.datetime
    changed_by: object  # the user, or None once they are gone
    rows: list[tuple[str, str, str]]  # (label, before, after)


def item_history(state: ItemState) -> list[HistoryEntry]:
    """Newest first; owners by their present name while they are members (2 queries)."""
    changes = list(state.changes.select_related("changed_by"))
    ids = set().union(*(history.owner_ids(c.changes) for c in changes))
    members = (
        {
            m.pk: str(m.user)
            for m in Membership.objects.filter(
                pk__in=ids, partnership_id=state.roadmap.partnership_id
            ).select_related("user")
        }
        if ids
        else {}
    )
    return [
        HistoryEntry(
            changed_at=c.changed_at,
            changed_by=c.changed_by,
            rows=history.rows(c.changes, members),
        )
        for c in changes
    ]
