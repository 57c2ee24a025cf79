"""Which school's plan a goal, activity or budget line belongs to: the schools to choose
from, and the list pages' filter "Van: partnerschap / <school>".

A row without a school is the partnership's; with one, that school's own LOB plan's
(kept through the same pages and services, not a copy).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from doorlopend.partnerships.models import (
    SCHOOL_KINDS,
    Membership,
    Organisation,
    Partnership,
)

# The filter's value for the rows of the partnership's own plan (no school).
PARTNERSHIP = "partnerschap"


def schools_of(*, partnership: Partnership) -> QuerySet[Organisation]:
    """The partnership's schools (vo, mbo, hbo) by name."""
    return Organisation.objects.filter(
        partnership=partnership, kind__in=SCHOOL_KINDS
    ).order_by("name", "pk")


def schools_to_keep(
    *, partnership: Partnership, membership: Membership
) -> list[Organisation]:
    """The schools whose plan this member may add rows to (`planning.school_plan` about
    each school: the coördinator every school, a portefeuillehouder or decaan their own);
    one query, the checks read the prefetched roles."""
    return [
        school
        for school in schools_of(partnership=partnership)
        if membership.has_perm("planning.school_plan", school)
    ]


@dataclass(frozen=True)
class OwnerFilter:
    """The filter "Van": "" all rows, PARTNERSHIP the partnership's own, or a school's
    id as text. An unknown value means all."""

    value: str = ""
    school: Organisation | None = None

    @classmethod
    def from_query(cls, query, schools: list[Organisation]) -> OwnerFilter:
        value = query.get("van", "")
        if value == PARTNERSHIP:
            return cls(PARTNERSHIP)
        chosen = next((s for s in schools if str(s.pk) == value), None)
        return cls(value, chosen) if chosen is not None else cls()

    @property
    def narrowed(self) -> bool:
        return bool(self.value)

    def apply(self, queryset: QuerySet, field: str = "school") -> QuerySet:
        if self.value == PARTNERSHIP:
            return queryset.filter(**{f"{field}__isnull": True})
        if self.school is not None:
            return queryset.filter(**{field: self.school})
        return queryset


def owner_filter(*, partnership: Partnership, query) -> tuple[OwnerFilter, list]:
    """The filter read from the query string, and the schools it offers (one query)."""
    schools = list(schools_of(partnership=partnership))
    return OwnerFilter.from_query(query, schools), schools
