"""The years of transitions a page reads with their registration deadlines, each in one
query: the newest (the overview's card), or several at once (two years together)."""

from __future__ import annotations

import datetime

from django.db.models import OuterRef, Subquery

from doorlopend.partnerships.models import Partnership

from ..models import CohortSettings, Transition


def newest_cohort(*, partnership: Partnership) -> tuple[int, datetime.date] | None:
    """The newest year with transitions and its registration deadline (one query), or
    None when there are none."""
    settings = CohortSettings.objects.filter(
        partnership=partnership, cohort=OuterRef("cohort")
    ).values("registration_deadline")[:1]
    row = (
        Transition.objects.filter(partnership=partnership)
        .order_by("-cohort")
        .values_list("cohort", Subquery(settings))
        .first()
    )
    if row is None:
        return None
    cohort, deadline = row
    return cohort, deadline or CohortSettings.default_deadline(cohort)


def registration_deadlines(
    *, partnership: Partnership, cohorts: list[int]
) -> dict[int, datetime.date]:
    """`registration_deadline` of each of `cohorts`, in one query."""
    set_ = dict(
        CohortSettings.objects.filter(
            partnership=partnership, cohort__in=cohorts
        ).values_list("cohort", "registration_deadline")
    )
    return {
        c: set_[c] if c in set_ else CohortSettings.default_deadline(c) for c in cohorts
    }
