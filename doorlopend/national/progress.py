"""What a partnership's public progress page shows ("Deel de voortgang en resultaten").

Only aggregates, never a person: what the partnership works on (its description and the
titles of its goals), its checklist progress per block, the practices its coördinator
put on a public page, and the figures the coördinator chose, each through the threshold
its own page applies (reflection: sessions with at least k answers; transitions: the
monitor's suppression). The figures are the day's, as on the national pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count
from django_scopes import scope

from doorlopend.knowledge.models import Practice
from doorlopend.planning.models import Goal
from doorlopend.registry.education import VmboProfile
from doorlopend.routes.models import Leerroute
from doorlopend.transitions.selectors.figures import (
    KEY_FIGURES,
    CohortFigures,
    cohort_figures,
    cohorts,
)

from . import checklist, programme, reflection
from .daycache import day_cached
from .models import Figure, ProgressPage


@dataclass
class Progress:
    page: ProgressPage
    goals: list[str]
    blocks: list[tuple[str, float]]
    practices: list[Practice]
    themes: list[tuple[str, float]] = field(default_factory=list)
    coverage: list[tuple[str, float]] = field(default_factory=list)
    routes: list[tuple[str, int]] = field(default_factory=list)
    transitions: CohortFigures | None = None

    @property
    def partnership(self):
        return self.page.partnership

    @property
    def transition_columns(self) -> list[str]:
        return [card.label for card in self.transitions.key_figures]

    @property
    def transition_rows(self) -> list[tuple[str, list]]:
        """(line, its key figures) of the year's total, as the monitor suppressed them."""
        return [
            (line.label, [line.figures[key] for key in KEY_FIGURES])
            for line in self.transitions.total.visible_lines
        ]


def _latest_figures(partnership) -> CohortFigures | None:
    """The latest year's figures, suppressed by the monitor (kept for the day)."""
    years = cohorts(partnership=partnership)
    if not years:
        return None
    return cohort_figures(partnership=partnership, cohort=years[0], dimension="route")


def public_page(*, token: str) -> ProgressPage | None:
    """The switched-on page behind `token`, or None (off, or no such link)."""
    if not token:
        return None
    return (
        ProgressPage.objects.filter(token=token, is_public=True)
        .select_related("partnership__region")
        .first()
    )


def progress_of(page: ProgressPage) -> Progress:
    partnership = page.partnership
    pid = partnership.pk
    with scope(partnership=partnership):
        goals = list(
            Goal.objects.filter(partnership=partnership)
            .order_by("deadline", "pk")
            .values_list("title", flat=True)
        )
        routes = None
        if Figure.ROUTES in page.figures:
            labels = dict(VmboProfile.choices)
            routes = [
                (str(labels.get(profile, profile)), n)
                for profile, n in Leerroute.objects.filter(partnership=partnership)
                .values_list("profile")
                .annotate(n=Count("pk"))
                .order_by("-n", "profile")
            ]
        figures = None
        if Figure.TRANSITIONS in page.figures:
            figures = day_cached(
                f"progress:transitions:{pid}", lambda: _latest_figures(partnership)
            )[1]
    result = Progress(
        page=page,
        goals=goals,
        blocks=checklist.own_blocks(partnership_id=pid),
        practices=list(
            Practice.shared.filter(partnership=partnership, is_public=True).order_by(
                "-public_since", "-pk"
            )
        ),
        routes=routes or [],
        transitions=figures,
    )
    if Figure.REFLECTION in page.figures:
        result.themes = reflection.own_theme_means(partnership_id=pid)
    if Figure.PROGRAMME in page.figures:
        result.coverage = programme.own_coverage(partnership_id=pid)
    return result
