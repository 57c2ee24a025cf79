"""Every permission of the table as a django-rules rule: the one object-permission layer.

`PERMISSION_RULES` holds one rule per name in `PERMISSIONS`. A rule is the role check of
the table (`holds(perm)`), narrowed per object where `OBJECT_RULES` says so:

    rule(perm) = holds(perm) & (no object | OBJECT_RULES[perm])

so a check without an object (the guard of a page, a link in the menu) asks the table
only, and a check about one row (this roadmap item, this task, this school) also asks who
that row belongs to. `Membership.has_perm(perm, obj=None)` is the one call that tests
them; templates use the `may` filter and tag of `partnerships_permissions`.

The object rules, by permission:

- roadmaps.work — a coördinator works every row; the owner of a row works it; a
  portefeuillehouder works their own school's rows of a per-school block; a werkgroeplid,
  ambassadeur or docent works the partnership-wide rows (those without a school).
- planning.assignment (obj: the school) — the coördinator any school's assignment, a
  portefeuillehouder their own school's.
- planning.school_plan (obj: the school) — the coördinator any school's own LOB plan,
  a portefeuillehouder or decaan their own school's.
- planning.keep_item (obj: a goal, activity or budget line, saved or about to be) — the
  coördinator (planning.manage) any; a portefeuillehouder or decaan a row of their own
  school's plan, never a partnership-wide one.
- planning.tasks (obj: a task) — its owner moves it along; the coördinator
  (planning.manage) any task.
- planning.evaluate_activity (obj: an activity) — the members listed among its people;
  the coördinator (planning.manage) any activity.
- reflection.view (obj: a session) — a partnership's session everyone on staff; a
  school's own scan only the coördinator and that school's decaan or portefeuillehouder
  (reflection.view_school_scan for that school).
- reflection.facilitate (obj: a session) — a partnership's session those who hold
  reflection.manage; a school's scan its decaan or portefeuillehouder
  (reflection.run_school_scan for that school).
- reflection.run_school_scan / .view_school_scan (obj: a school or its scan) — only for
  the school named in the member's role; the coördinator views every school's.
- knowledge.write (obj: a practice) — staff change a draft; a published practice only
  the coördinator (knowledge.publish).
- transitions.pupils / .import / .erase / .privacy (obj: a school) — only for the schools
  where the member holds such a role (the decaan or mentor of the sending or receiving
  school reads its pupils; its decaan writes and erases; its privacy officer reads the log).
- dossier.view / .write / .links (obj: a school) — only for the schools where the member
  holds such a role (the decaan or mentor of the sending school reads the dossier and
  writes parts B and C; its decaan makes and revokes the pupil's link).
- dossier.receive (obj: a school) — the decaan or intake of that (receiving) school.
"""

from __future__ import annotations

import rules
from django.db.models import Q

from . import PERMISSIONS, roles_with
from .predicates import (
    has_school,
    holds,
    holds_for_school,
    is_coordinator,
    is_draft,
    is_listed,
    is_owner,
    is_partnership_wide_worker,
    is_portefeuillehouder_of_school,
    no_object,
)

OBJECT_RULES: dict[str, rules.Predicate] = {
    "roadmaps.work": (
        is_coordinator
        | is_owner
        | is_portefeuillehouder_of_school
        | (~has_school & is_partnership_wide_worker)
    ),
    "planning.assignment": is_coordinator | is_portefeuillehouder_of_school,
    "planning.school_plan": (is_coordinator | holds_for_school("planning.school_plan")),
    "planning.keep_item": (
        holds("planning.manage")
        | (has_school & holds_for_school("planning.school_plan"))
    ),
    "planning.tasks": holds("planning.manage") | is_owner,
    "planning.evaluate_activity": holds("planning.manage") | is_listed,
    "reflection.view": (
        ~has_school | is_coordinator | holds_for_school("reflection.view_school_scan")
    ),
    "reflection.facilitate": (
        (has_school & holds_for_school("reflection.run_school_scan"))
        | (~has_school & holds("reflection.manage"))
    ),
    "reflection.run_school_scan": holds_for_school("reflection.run_school_scan"),
    "reflection.view_school_scan": (
        is_coordinator | holds_for_school("reflection.view_school_scan")
    ),
    "knowledge.write": is_draft | holds("knowledge.publish"),
    "transitions.pupils": holds_for_school("transitions.pupils"),
    "transitions.import": holds_for_school("transitions.import"),
    "transitions.erase": holds_for_school("transitions.erase"),
    "transitions.privacy": holds_for_school("transitions.privacy"),
    "dossier.view": holds_for_school("dossier.view"),
    "dossier.write": holds_for_school("dossier.write"),
    "dossier.links": holds_for_school("dossier.links"),
    "dossier.receive": holds_for_school("dossier.receive"),
}

PERMISSION_RULES = rules.RuleSet()
for _perm in PERMISSIONS:
    if _perm in OBJECT_RULES:
        PERMISSION_RULES.add_rule(
            _perm, holds(_perm) & (no_object | OBJECT_RULES[_perm])
        )
    else:
        PERMISSION_RULES.add_rule(_perm, holds(_perm))

# An object rule for a name the table lacks would never be asked: fail at import.
if set(OBJECT_RULES) - set(PERMISSIONS):
    raise KeyError(
        f"Object rules without a permission: {set(OBJECT_RULES) - set(PERMISSIONS)}"
    )


def holders_filter(perm: str) -> Q:
    """The memberships that hold `perm` with no object, as a filter on `Membership`: the
    same answer as `has_perm(perm)` for each of them, in one query (for a select of
    members)."""
    if not PERMISSION_RULES.rule_exists(perm):
        raise KeyError(
            f"Unknown permission {perm!r}: declare it in partnerships/permissions"
        )
    return Q(roles__role__in=roles_with(perm))


def check(perm: str, membership, obj=None) -> bool:
    """Whether `membership` holds `perm` (about `obj`); an unknown name is a programming
    error, never a silent "no"."""
    if not PERMISSION_RULES.rule_exists(perm):
        raise KeyError(
            f"Unknown permission {perm!r}: declare it in partnerships/permissions"
        )
    return PERMISSION_RULES.test_rule(perm, membership, obj)
