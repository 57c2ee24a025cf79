"""What an API key may do: its scopes, each tied to the permission of the pages.

A scope grants nothing of its own: the key acts as the member who made it, and every
request checks that member's permission again (`Scope.perm`, through
`membership.has_perm`, about the key's school for a school scope). So the API can never
reach more than the pages would show that member, and a role taken away ends the key.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Who makes which kind of key (partnerships/permissions): the coördinator keys with
# partnership scopes, a decaan keys for their own school.
PARTNERSHIP_KEYS = "api.partnership_keys"
SCHOOL_KEYS = "api.school_keys"


@dataclass(frozen=True)
class Scope:
    key: str
    label: str | Promise
    perm: str  # the permission the key's maker must hold at every request
    school: bool  # about the key's school (a decaan's key) or the partnership


SCOPES: dict[str, Scope] = {
    s.key: s
    for s in (
        Scope(
            "figures:read",
            _("read the doorstroom figures (aggregates, small groups hidden)"),
            "transitions.figures",
            school=False,
        ),
        Scope(
            "progress:read",
            _("read the progress of the plan van aanpak and the checklist"),
            "planning.view",
            school=False,
        ),
        Scope(
            "reflection:read",
            _("read the results of closed reflection sessions"),
            "reflection.view",
            school=False,
        ),
        Scope(
            "pupils:write",
            _("send the school's leavers or registrations and statuses"),
            "transitions.import",
            school=True,
        ),
        Scope(
            "signals:read",
            _("read the signals about the school's pupils"),
            "transitions.pupils",
            school=True,
        ),
    )
}


def scope_choices(*, school: bool) -> list[tuple[str, str | Promise]]:
    return [(s.key, s.label) for s in SCOPES.values() if s.school == school]
