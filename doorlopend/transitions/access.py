"""Which pupils a member may see: only those of the schools where they are decaan or mentor.

A pupil belongs to a school when their transition was sent by it (their vo school) or is
headed to it (an applicant to the mbo school). Every pupil query starts from
`visible_transitions`; the views check the school in the URL with `school_for_pupils`.

Who may do what for which school is the rule of each permission about that school
(`membership.has_perm(perm, school)`, partnerships/permissions/rules.py): reading pupils
(`transitions.pupils`, the decaan or mentor), writing pupil data — a file, a status by
hand — (`WRITE_PERM`, the decaan; a mentor reads but does not write), erasing on request
(`transitions.erase`, the decaan), the access log (`transitions.privacy`). This module
only lists the schools a member's roles name and asks that rule of each.

Whose name and date of birth. They are stored once per pupil in the
partnership, whatever the year, and read through any transition of one's own school. The
schools that hold them are the vo schools that sent the pupil; while none has, the mbo
schools the pupil applied to. So that reading them through one's own school is always a
handover and never a way in:
- a list of leavers may not add a pupil whom only other vo schools sent, in any year
  (refused with its line: `services/imports/owners.py`); a pupil the school itself sent
  before, or whom only mbo schools reported, is its own to send;
- a list of statuses takes up the empty receiving side of a pupil (the mbo school reports
  an applicant; knowing the pupil number is the proof), so the receiving mbo school reads
  the name the sending vo school entered: that is the handover the monitor exists for.
  It fills an empty name or date of birth but never replaces one another school holds;
- a status by hand writes only a status on a transition of one's own school, no pupil data.
Nothing else writes a pupil's personal data; erasure clears it for every school.
"""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from doorlopend.partnerships.models import Membership, Organisation, RoleAssignment

from .models import Transition

# The permission whose holders write pupil data, for their own schools: an import, a
# status recorded by hand.
WRITE_PERM = "transitions.import"
PUPILS_PERM = "transitions.pupils"


def schools_where(membership: Membership, perm: str) -> list[Organisation]:
    """The schools about which the member holds `perm`, by name (from the guard's
    prefetched roles: no query)."""
    schools = {
        r.organisation_id: r.organisation
        for r in membership.roles.all()
        if r.organisation_id
    }
    allowed = (s for s in schools.values() if membership.has_perm(perm, s))
    return sorted(allowed, key=lambda o: o.name)


def school_where(
    membership: Membership, perm: str, organisation_id: int
) -> Organisation:
    """The school in the URL if the member holds `perm` about it, else 404."""
    for school in schools_where(membership, perm):
        if school.pk == int(organisation_id):
            return school
    raise Http404("Not your school.")


def pupil_school_ids(membership: Membership) -> frozenset[int]:
    """The schools whose pupils this member may see."""
    return frozenset(s.pk for s in schools_where(membership, PUPILS_PERM))


def pupil_schools(membership: Membership) -> list[Organisation]:
    return schools_where(membership, PUPILS_PERM)


def school_for_pupils(membership: Membership, organisation_id: int) -> Organisation:
    """The school in the URL if the member may see its pupils, else 404."""
    return school_where(membership, PUPILS_PERM, organisation_id)


def visible_transitions(school: Organisation) -> QuerySet[Transition]:
    """Transitions sent by or headed to `school` (call inside the partnership's scope)."""
    return Transition.objects.filter(
        Q(sending_organisation=school) | Q(receiving_organisation=school)
    )


def writable_school_ids(*, user, partnership) -> frozenset[int]:
    """The schools of `partnership` whose pupil data `user` may write, read from the
    database (for services and tasks, which have no guard's membership; a role taken
    away since counts at once). No user: none."""
    if not getattr(user, "pk", None) or not user.is_active:
        return frozenset()
    membership = (
        Membership.objects.filter(user=user, partnership=partnership)
        .prefetch_related(
            Prefetch(
                "roles",
                queryset=RoleAssignment.objects.select_related("organisation"),
            )
        )
        .first()
    )
    if membership is None:
        return frozenset()
    return frozenset(s.pk for s in schools_where(membership, WRITE_PERM))
