"""Reads for partnerships, organisations and people."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from doorlopend.core.facts import Question, ask, how_many
from doorlopend.registry.models import RegisterEntry

from .models import Invitation, Membership, Organisation, Partnership, RoleAssignment
from .permissions.rules import holders_filter


def partnerships_of(*, user) -> QuerySet[Partnership]:
    """The partnerships a person is a member of, for the switcher and the home page."""
    if not user.is_authenticated:
        return Partnership.objects.none()
    return Partnership.objects.filter(memberships__user=user).order_by("name")


def organisation_list(
    *, partnership: Partnership, kind: str = ""
) -> QuerySet[Organisation]:
    """The partnership's organisations with their register entry and their number of people."""
    organisations = (
        Organisation.objects.filter(partnership=partnership)
        .select_related("register_entry")
        .annotate(people=Count("role_assignments__membership", distinct=True))
    )
    if kind:
        organisations = organisations.filter(kind=kind)
    return organisations


def member_list(*, partnership: Partnership) -> QuerySet[Membership]:
    """Members with their roles (and each role's school) in two queries."""
    return (
        Membership.objects.filter(partnership=partnership)
        .select_related("user")
        .prefetch_related(
            Prefetch(
                "roles", queryset=RoleAssignment.objects.select_related("organisation")
            )
        )
    )


def pending_invitations(*, partnership: Partnership) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(partnership=partnership)
        .pending()
        .select_related("organisation")
    )


def register_search(
    *, partnership: Partnership, query: str, limit: int = 20
) -> list[RegisterEntry]:
    """Register entries matching a name, place, BRIN or location number; marks those already added.

    Each result gets `already_added` so the page can say so instead of offering a duplicate.
    """
    query = query.strip()
    if len(query) < 2:
        return []
    terms = query.split()
    entries = RegisterEntry.objects.select_related("region")
    for term in terms:
        entries = entries.filter(
            Q(name__icontains=term)
            | Q(place__icontains=term)
            | Q(municipality__icontains=term)
            | Q(brin__iexact=term)
            | Q(vestiging__iexact=term)
        )
    results = list(entries.order_by("name", "vestiging")[:limit])
    added = set(
        Organisation.objects.filter(
            partnership=partnership, register_entry__in=results
        ).values_list("register_entry_id", flat=True)
    )
    for entry in results:
        entry.already_added = entry.pk in added
    return results


def summary_questions(*, partnership: Partnership) -> dict[str, Question]:
    return {
        "partnerships.organisations": how_many(
            lambda: Organisation.objects.filter(partnership=partnership)
        ),
        "partnerships.members": how_many(
            lambda: Membership.objects.filter(partnership=partnership)
        ),
        "partnerships.invitations_pending": how_many(
            lambda: Invitation.objects.filter(partnership=partnership).pending()
        ),
    }


def partnership_summary(*, partnership: Partnership) -> dict:
    """Counts for the overview page: one query (none when the page asked them with its
    cards' questions)."""
    answers = ask(summary_questions(partnership=partnership))
    return {
        "organisation_count": answers["partnerships.organisations"],
        "member_count": answers["partnerships.members"],
        "pending_invitation_count": answers["partnerships.invitations_pending"],
    }


def members_who_may(*, partnership: Partnership, perm: str) -> QuerySet[Membership]:
    """The partnership's active members who hold `perm` (no object: the page an item
    lives on), by name: what an owner or person select offers, so that nobody is given
    an item they cannot open (the landelijk adviseur, for one, opens no staff page)."""
    return (
        Membership.objects.filter(partnership=partnership, user__is_active=True)
        .filter(holders_filter(perm))
        .distinct()
        .select_related("user")
        .order_by("user__name", "user__email", "pk")
    )


def membership_of(*, partnership: Partnership, user) -> Membership | None:
    """The user's membership of the partnership with its roles, or None.

    For callers that know a person but must act as a member: the demo loaders and tests.
    """
    if user is None:
        return None
    return (
        Membership.objects.prefetch_related("roles")
        .filter(partnership=partnership, user=user)
        .first()
    )
