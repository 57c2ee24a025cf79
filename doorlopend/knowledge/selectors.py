"""Reads of practices: a partnership's own (drafts too) and the published ones of every
partnership, searched and filtered, with how many partnerships each inspired."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from doorlopend.partnerships.models import Partnership
from doorlopend.registry.models import Region

from . import search
from .models import Adoption, Inspiration, Practice, PracticeAttachment


@dataclass(frozen=True)
class PracticeFilters:
    q: str = ""
    element: str = ""
    level: str = ""
    year: int | None = None
    region: str = ""  # an RMC region code (national, no partnership's object)

    @property
    def any(self) -> bool:
        return bool(self.q or self.element or self.level or self.year or self.region)


def _with_counts(practices: QuerySet, partnership: Partnership) -> QuerySet:
    """How many partnerships each inspired, and whether `partnership` is one of them.
    Counted in SQL through the relation (no manager: every partnership's marks count)."""
    return practices.select_related("partnership__region", "contact_person").annotate(
        inspired_count=Count("inspirations", distinct=True),
        inspired_us=Exists(
            Inspiration.objects.filter(practice=OuterRef("pk"), partnership=partnership)
        ),
    )


def practices_published(
    *, partnership: Partnership, filters: PracticeFilters
) -> QuerySet:
    """The published practices of every partnership (the cross-tenant read), matching
    the search words (Dutch stemming, `search.matching`) and the filters."""
    practices = Practice.shared.all()
    if filters.element:
        # Keys are slugs: the quoted key in the JSON list matches it alone.
        practices = practices.filter(elements__icontains=f'"{filters.element}"')
    if filters.level:
        practices = practices.filter(level=filters.level)
    if filters.year:
        practices = practices.filter(year=filters.year)
    if filters.region:
        practices = practices.filter(partnership__region__code=filters.region)
    practices = search.matching(practices, filters.q)
    # Explicit: a query with counts (GROUP BY) drops the model's default ordering, and
    # a page must hold the same practices each time it is asked for.
    return _with_counts(practices, partnership).order_by("-published_at", "-pk")


def drafts_of(*, partnership: Partnership) -> QuerySet:
    return Practice.objects.filter(partnership=partnership, status="draft").order_by(
        "-updated_at"
    )


def practice_for_reader(
    *, partnership: Partnership, practice_id: int
) -> Practice | None:
    """A practice the members of `partnership` may read: any of their own, and the
    published practices of every partnership. None for anything else (a draft of
    another partnership must not even be confirmed to exist)."""
    own = Q(partnership=partnership)
    candidates = Practice._base_manager.filter(Q(status="published") | own)
    practice = (
        _with_counts(candidates, partnership)
        .annotate(adoption_count=Count("adoptions__partnership", distinct=True))
        .prefetch_related(
            Prefetch(
                "attachments",
                queryset=PracticeAttachment._base_manager.order_by("pk"),
                to_attr="files",
            ),
        )
        .filter(pk=practice_id)
        .first()
    )
    return practice


def own_practice(*, partnership: Partnership, practice_id: int) -> Practice | None:
    """A practice of `partnership` itself, for the pages that change it."""
    return (
        Practice.objects.filter(partnership=partnership, pk=practice_id)
        .select_related("contact_person")
        .first()
    )


def adoptions_by(*, partnership: Partnership, practice: Practice) -> QuerySet:
    """The copies `partnership` made of `practice`, with where they went."""
    return Adoption.objects.filter(
        partnership=partnership, practice=practice
    ).select_related("programme_item__programme", "activity")


def attachment_for_reader(
    *, partnership: Partnership, practice: Practice, attachment_id: int
) -> PracticeAttachment | None:
    if practice.partnership_id == partnership.pk:
        files = PracticeAttachment.objects.filter(practice=practice)
    else:
        files = PracticeAttachment.shared.filter(practice=practice)
    return files.filter(pk=attachment_id).first()


def regions_with_practices() -> QuerySet:
    """The regions whose partnerships published a practice (the region filter)."""
    return Region.objects.filter(partnerships__practices__status="published").distinct()


def public_practices() -> QuerySet:
    """Published practices their coördinator opted into a public page, newest first."""
    return (
        Practice.shared.filter(is_public=True)
        .select_related("partnership__region")
        .order_by("-public_since", "-pk")
    )


def public_practice(*, practice_id: int) -> Practice | None:
    return public_practices().filter(pk=practice_id).first()
