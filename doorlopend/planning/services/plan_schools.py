"""The one check of who may keep a goal, activity or budget line, about its school.

`planning.keep_item` about the row (partnerships/permissions/rules.py): the coördinator
any row; a school's portefeuillehouder or decaan only the rows of their own school's
plan. Refused → PermissionDenied (a 403), as for a school's vision.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import SCHOOL_KINDS, Membership


def check_school(item, *, partnership_id: int) -> None:
    """The row's school, if any, is a school (vo, mbo, hbo) of the same partnership."""
    school = item.school
    if school is not None and (
        school.partnership_id != partnership_id or school.kind not in SCHOOL_KINDS
    ):
        raise ValidationError({"school": _("Choose a school of this partnership.")})


def require_keep(item, *, by: Membership | None) -> None:
    """`by` may add or change `item` (saved or about to be); `by` None is the system
    (the demo loader)."""
    if by is not None and not by.has_perm("planning.keep_item", item):
        raise PermissionDenied
