"""Who counts nationally, and the national reflection picture.

Every national figure is a spread of partnership means: never a figure of one named
partnership. A partnership counts unless its coördinator opted out; a spread is shown
only when at least MIN_PARTNERSHIPS partnerships count for it.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doorlopend.partnerships.models import Partnership

from .models import NationalParticipation, ProgressPage

# A spread of fewer partnerships would come close to showing one partnership's figure.
MIN_PARTNERSHIPS = 5


class Band:
    LOW = "low"
    MIDDLE = "middle"
    HIGH = "high"

    LABELS = {
        LOW: _("bottom quarter"),
        MIDDLE: _("middle half"),
        HIGH: _("top quarter"),
    }


def takes_part(*, partnership: Partnership) -> bool:
    """Whether the partnership's aggregates count nationally (default: yes)."""
    return not NationalParticipation.objects.filter(
        partnership=partnership, takes_part=False
    ).exists()


def progress_page_of(*, partnership: Partnership) -> ProgressPage | None:
    """The partnership's public progress page setting (None: never switched on)."""
    return ProgressPage.objects.filter(partnership=partnership).first()


def counting_partnership_ids() -> set[int]:
    """The partnerships whose aggregates count nationally: all but those opted out."""
    return set(
        Partnership.objects.filter(
            ~Q(national_participation__takes_part=False)
        ).values_list("pk", flat=True)
    )


@dataclass(frozen=True)
class Spread:
    """The spread of partnership means: quartiles, shown only with enough partnerships."""

    count: int
    low: float | None = None  # the first quartile
    median: float | None = None
    high: float | None = None  # the third quartile

    @property
    def enough(self) -> bool:
        return self.count >= MIN_PARTNERSHIPS

    def band(self, value: float | None) -> str | None:
        """Where `value` lies in the spread: bottom quarter, middle half or top quarter."""
        if value is None or not self.enough:
            return None
        if value < self.low:
            return Band.LOW
        if value > self.high:
            return Band.HIGH
        return Band.MIDDLE


def spread_of(values: list[float]) -> Spread:
    """The quartiles of `values`, or only their count when there are too few."""
    if len(values) < MIN_PARTNERSHIPS:
        return Spread(count=len(values))
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return Spread(count=len(values), low=q1, median=q2, high=q3)


OTHER = "__other__"


def merge_groups(
    members: dict, minimum: int = MIN_PARTNERSHIPS
) -> dict[object, object] | None:
    """Map each group (a region, a sector) to itself or OTHER so that every shown group
    and OTHER hold at least `minimum` partnerships; None when all together hold fewer.

    `members` gives per group the set of partnership ids behind its figure. Groups under
    the minimum go to OTHER; while OTHER holds 1 to minimum − 1 partnerships, the
    smallest remaining group joins it, so that the national figure minus the shown groups
    never gives away the figure of fewer than `minimum` partnerships.
    """
    everyone = set().union(*members.values()) if members else set()
    if not everyone:
        return {}
    if len(everyone) < minimum:
        return None
    mapping = {g: (OTHER if len(m) < minimum else g) for g, m in members.items()}

    def other() -> set:
        return set().union(*(members[g] for g in members if mapping[g] == OTHER))

    remaining = sorted(
        (g for g in members if mapping[g] != OTHER),
        key=lambda g: (len(members[g]), str(g)),
    )
    while 0 < len(other()) < minimum:
        mapping[remaining.pop(0)] = OTHER
    return mapping
