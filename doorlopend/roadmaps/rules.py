"""Who may change which row of a roadmap: the one rule, used by the services and pages.

`roadmaps.work` (partnerships/permissions.py) says which roles work on roadmaps at all;
this narrows it per row:

- a coördinator works every row;
- anyone with `roadmaps.work` works the rows they own (the owner of an item does it);
- a portefeuillehouder works the rows of their own school in a per-school block (the
  school named in their RoleAssignment), not the partnership-wide rows;
- a werkgroeplid, ambassadeur or docent works the partnership-wide rows (and the rows
  of a route's step plan), never a school's row of a per-school block.

Everyone else reads. A person holding several roles gets the union.
"""

from __future__ import annotations

from doorlopend.partnerships.models import Membership
from doorlopend.partnerships.roles import Role

from .models import ItemState

PARTNERSHIP_WIDE_WORKERS = frozenset({Role.WERKGROEPLID, Role.AMBASSADEUR, Role.DOCENT})


def may_work(membership: Membership | None, state: ItemState) -> bool:
    """True when `membership` may change `state` (status, owner, evidence…)."""
    if membership is None or not membership.has_perm("roadmaps.work"):
        return False
    # The guard prefetched the roles: no query here, even in a loop over rows.
    roles = list(membership.roles.all())
    names = {r.role for r in roles}
    if Role.COORDINATOR in names:
        return True
    if state.owner_id is not None and state.owner_id == membership.pk:
        return True
    if state.organisation_id is not None:
        return any(
            r.role == Role.PORTEFEUILLEHOUDER
            and r.organisation_id == state.organisation_id
            for r in roles
        )
    return bool(names & PARTNERSHIP_WIDE_WORKERS)


def may_start_decision(membership: Membership | None) -> bool:
    """The decision statements are a reflection session: who runs sessions starts one."""
    return membership is not None and membership.has_perm("reflection.manage")
