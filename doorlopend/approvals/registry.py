"""The kinds of things the stuurgroep can be asked to approve: one small registry.

Approvals comes before planning and documents in the app order, so those apps register
their approvable kinds here from their `AppConfig.ready()`. A kind gives, for a
partnership and a target (a route's id, or 0 for the partnership's own), the current
version as a `Snapshot`: its title, its content as plain text (what the hash is over),
where to read it, and the id of the stored version when the kind keeps versions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class Snapshot:
    title: str
    content_text: str
    url: str
    version_id: int | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.content_text)


@dataclass(frozen=True)
class ApprovableKind:
    key: str
    label: Promise
    # (partnership, target_id) → the current version, or None when there is none yet
    # (a document never made) or the target is not the partnership's.
    current: Callable[..., Snapshot | None]
    # (partnership, target_id) → whether the target is the partnership's (a route of
    # it; 0 for its own plan): another partnership's id is a 404, not "nothing yet".
    owns: Callable[..., bool] = lambda partnership, target_id: target_id == 0


_KINDS: dict[str, ApprovableKind] = {}


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def approvable_register(kind: ApprovableKind) -> None:
    _KINDS[kind.key] = kind


def approvable(key: str) -> ApprovableKind | None:
    return _KINDS.get(key)


def approvable_kinds() -> dict[str, ApprovableKind]:
    return dict(_KINDS)
