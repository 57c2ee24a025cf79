"""The one helper every module calls when it reads or changes personal data."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterable, Iterator

from django.db import models
from django.http import HttpRequest

from doorlopend.accounts.models import User

from .models import AccessLogEntry, Action

# What the actor used, when not their own session: "API key “Magister”". Set for the
# length of one API request (`acting_through`), so that every entry the selectors and
# services write on that path names the key, without each of them knowing about keys.
_through: contextvars.ContextVar[str] = contextvars.ContextVar(
    "audit_through", default=""
)


@contextlib.contextmanager
def acting_through(label: str) -> Iterator[None]:
    """Every entry recorded inside says who acted through `label` (an API key's name)."""
    reset = _through.set(label)
    try:
        yield
    finally:
        _through.reset(reset)


def record(
    *,
    actor: User | None,
    action: Action | str,
    objects: Iterable[models.Model] | models.Model,
    purpose: str,
    partnership=None,
    organisation=None,
    request: HttpRequest | None = None,
    label: str = "",
) -> AccessLogEntry:
    """Write one entry for `objects` (one model, any number of rows).

    Called by the selector or service that touches the data, not by the view, so that no
    path to the data can skip it. An empty purpose is refused: the log must say why.
    `actor` is the log's own column, a user (None: the system): the log outlives
    memberships; services pass `by.user`.
    """
    if not purpose.strip():
        raise ValueError("An audit-log entry needs a purpose.")
    rows = [objects] if isinstance(objects, models.Model) else list(objects)
    model = type(rows[0]) if rows else None
    entry = AccessLogEntry(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=_actor_label(actor),
        partnership=partnership,
        organisation=organisation,
        action=Action(action),
        object_type=model._meta.label_lower if model else "",
        object_ids=[row.pk for row in rows],
        object_label=label[:300],
        purpose=purpose[:300],
        request_id=getattr(request, "id", "") if request is not None else "",
    )
    entry.save()
    return entry


def _actor_label(actor: User | None) -> str:
    through = _through.get()
    suffix = f" via {through}" if through else ""
    if actor is None or not getattr(actor, "pk", None):
        return f"system{suffix}"[:254]
    return f"{actor.email} (#{actor.pk}){suffix}"[:254]
