"""The predicates that permission rules are built from (django-rules).

Each predicate takes the acting `Membership` and the object the permission is asked
about (None for a role-only check). They read the roles the guard prefetched, so a check
in a loop over rows runs no query. Objects are read by duck typing — an object's school
is the Organisation itself or its `organisation_id`, its owner its `owner_id` — so that
this module, early in the app order, imports no later app.

Role comparisons live here and in `roles.py` only; everywhere else asks
`membership.has_perm(perm, obj)`.
"""

from __future__ import annotations

from typing import Any

import rules

from ..roles import Role
from . import roles_with


def _roles(membership) -> list:
    # The guard prefetched the roles (with their organisation): no query.
    return list(membership.roles.all())


def school_id(obj: Any) -> int | None:
    """The school an object belongs to: an Organisation is its own school; a row of a
    school's own plan (a goal, activity or budget line) names it `school`; others name
    it `organisation` (a budget line's `organisation` is whose money it is, not whose
    plan, so `school` is read first)."""
    if obj is None:
        return None
    if getattr(obj, "_meta", None) is not None and obj._meta.model_name == (
        "organisation"
    ):
        return obj.pk
    if hasattr(obj, "school_id"):
        return obj.school_id
    return getattr(obj, "organisation_id", None)


def holds(perm: str) -> rules.Predicate:
    """The member holds a role that the table gives `perm` (any school)."""
    allowed = roles_with(perm)

    @rules.predicate(name=f"holds[{perm}]")
    def _holds(membership, obj=None) -> bool:
        return any(r.role in allowed for r in _roles(membership))

    return _holds


def holds_for_school(perm: str) -> rules.Predicate:
    """The member holds a role that the table gives `perm` for the object's school (the
    school named in their role assignment)."""
    allowed = roles_with(perm)

    @rules.predicate(name=f"holds_for_school[{perm}]")
    def _holds_for_school(membership, obj) -> bool:
        school = school_id(obj)
        return school is not None and any(
            r.role in allowed and r.organisation_id == school
            for r in _roles(membership)
        )

    return _holds_for_school


@rules.predicate
def no_object(membership, obj) -> bool:
    """A role-only check: no object narrows it."""
    return obj is None


@rules.predicate
def is_coordinator(membership, obj=None) -> bool:
    return any(r.role == Role.COORDINATOR for r in _roles(membership))


@rules.predicate
def is_owner(membership, obj) -> bool:
    """The object's owner (an `owner_id` pointing at a membership) is this member."""
    owner = getattr(obj, "owner_id", None)
    return owner is not None and owner == membership.pk


@rules.predicate
def is_listed(membership, obj) -> bool:
    """The member is one of the object's people (rows with a `membership_id`, such as
    those who work on an activity). Reads `obj.people.all()`: prefetch it for a loop."""
    people = getattr(obj, "people", None)
    return people is not None and any(
        p.membership_id == membership.pk for p in people.all()
    )


@rules.predicate
def has_school(membership, obj) -> bool:
    """The object belongs to one school (a school's row of a per-school block)."""
    return school_id(obj) is not None


@rules.predicate
def is_portefeuillehouder_of_school(membership, obj) -> bool:
    """The member is portefeuillehouder of the object's school."""
    school = school_id(obj)
    return school is not None and any(
        r.role == Role.PORTEFEUILLEHOUDER and r.organisation_id == school
        for r in _roles(membership)
    )


# Those who do the partnership-wide work (not for one school).
PARTNERSHIP_WIDE_WORKERS = frozenset({Role.WERKGROEPLID, Role.AMBASSADEUR, Role.DOCENT})


@rules.predicate
def is_partnership_wide_worker(membership, obj=None) -> bool:
    return any(r.role in PARTNERSHIP_WIDE_WORKERS for r in _roles(membership))


@rules.predicate
def is_draft(membership, obj) -> bool:
    """The object (a good practice) is still a draft of its partnership."""
    return bool(getattr(obj, "is_draft", False))
