"""Reads of leerroutes, shaped for the pages: the list, one route, its parties and consents."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)

from doorlopend.core.request_memo import memoised
from doorlopend.partnerships.models import (
    SCHOOL_KINDS,
    Organisation,
    OrganisationKind,
    Partnership,
)

from .models import Consent, Leerroute, Party
from .parts import route_list_annotations, route_part_count

# A council's decision that lets the route go ahead.
APPROVING = frozenset({Consent.Outcome.CONSENT, Consent.Outcome.POSITIVE})


def _schools(kind: str, partnership: Partnership) -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(partnership=partnership, kind=kind)
        .select_related("register_entry")
        .order_by("name")
    )


def vo_organisations(*, partnership: Partnership) -> QuerySet[Organisation]:
    """The vo school locations a route can start at."""
    return _schools(OrganisationKind.VO, partnership)


def mbo_organisations(*, partnership: Partnership) -> QuerySet[Organisation]:
    return _schools(OrganisationKind.MBO, partnership)


def route_list(*, partnership: Partnership) -> QuerySet[Leerroute]:
    """Routes by name with their schools and step-plan progress, in two queries.

    The progress (`steps_done`, `steps_applicable`) is annotated by the step plan's part
    (roadmaps.route_part).
    """
    return (
        Leerroute.objects.filter(partnership=partnership)
        .select_related("mbo_location")
        .prefetch_related(
            Prefetch("vmbo_locations", queryset=Organisation.objects.order_by("name"))
        )
        .annotate(**route_list_annotations())
        .order_by("name")
    )


def route_for_page(*, partnership: Partnership, route_id: int) -> Leerroute | None:
    """One route with its schools and their register entries."""
    return (
        Leerroute.objects.filter(partnership=partnership, pk=route_id)
        .select_related("mbo_location__register_entry")
        .prefetch_related(
            Prefetch(
                "vmbo_locations",
                queryset=Organisation.objects.select_related("register_entry").order_by(
                    "name"
                ),
            )
        )
        .first()
    )


@dataclass
class PartyRow:
    party: Party
    consents: list[Consent] = field(default_factory=list)

    @property
    def approved(self) -> bool:
        return any(c.outcome in APPROVING for c in self.consents)

    @property
    def needs_consent(self) -> bool:
        """A school whose council has not (yet) agreed: the page highlights it."""
        return self.party.organisation.is_school and not self.approved


@dataclass
class PartyOverview:
    rows: list[PartyRow]
    # Decisions of organisations that are not (or no longer) a party.
    other_consents: list[Consent]

    @property
    def total(self) -> Decimal:
        # The rows are loaded for the page anyway; summing them costs no query.
        return sum(
            (r.party.contribution for r in self.rows if r.party.contribution),
            Decimal("0"),
        )

    @property
    def lacking(self) -> list[PartyRow]:
        return [r for r in self.rows if r.needs_consent]


def route_parties(route_ids: frozenset[int]) -> list[Party]:
    """The parties of the routes, with their organisation and its register entry: one
    query, once per request (the page's parties and the step plan's councils)."""

    def read() -> list[Party]:
        return list(
            Party.objects.filter(route__in=route_ids).select_related(
                "organisation__register_entry"
            )
        )

    return memoised(("routes.parties", route_ids), read)


def route_consents(route_ids: frozenset[int]) -> list[Consent]:
    """The councils' decisions on the routes, by school, newest first: one query, once
    per request."""

    def read() -> list[Consent]:
        return list(
            Consent.objects.filter(route__in=route_ids)
            .select_related("organisation")
            .order_by("organisation__name", "-date", "-pk")
        )

    return memoised(("routes.consents", route_ids), read)


def party_overview(route: Leerroute) -> PartyOverview:
    """The parties with their signatories and money, and each one's council decisions."""
    parties = route_parties(frozenset({route.pk}))
    consents = route_consents(frozenset({route.pk}))
    rows = {p.organisation_id: PartyRow(party=p) for p in parties}
    others = []
    for consent in consents:
        row = rows.get(consent.organisation_id)
        if row:
            row.consents.append(consent)
        else:
            others.append(consent)
    return PartyOverview(rows=list(rows.values()), other_consents=others)


def organisations_to_add(route: Leerroute) -> QuerySet[Organisation]:
    """Organisations of the partnership that are not yet a party to the route."""
    return (
        Organisation.objects.filter(partnership=route.partnership_id)
        .exclude(route_parties__route=route)
        .order_by("name")
    )


@dataclass
class RouteContents:
    """What deleting a route takes with it, for the confirmation page."""

    steps_worked: int
    documents: int
    consents: int
    parties: int


def route_contents(route: Leerroute) -> RouteContents:
    return RouteContents(
        steps_worked=route_part_count("steps_worked", route),
        documents=route_part_count("documents", route),
        consents=Consent.objects.filter(route=route).count(),
        parties=Party.objects.filter(route=route).count(),
    )


@dataclass
class RoutesIncomplete:
    """Routes still short of a party or a council's consent (the first few, and how
    many there are)."""

    routes: list[Leerroute]
    count: int


def incomplete_routes(*, partnership: Partnership) -> QuerySet[Leerroute]:
    """Routes without an mbo or a vmbo party yet, or with a school party whose council
    has not agreed (no consent or positive advice), by name. Each route carries
    `parties_missing` and `consents_missing` (booleans)."""
    school_party = Party.objects.filter(
        route=OuterRef("pk"), organisation__kind__in=SCHOOL_KINDS
    )
    approved = Consent.objects.filter(
        route=OuterRef("route"),
        organisation=OuterRef("organisation"),
        outcome__in=APPROVING,
    )
    return (
        Leerroute.objects.filter(partnership=partnership)
        .annotate(
            school_parties=Count(
                "parties",
                filter=Q(parties__organisation__kind__in=SCHOOL_KINDS),
                distinct=True,
            ),
            consents_missing=Exists(school_party.filter(~Exists(approved))),
        )
        .annotate(
            parties_missing=ExpressionWrapper(
                Q(school_parties__lt=2), output_field=BooleanField()
            )
        )
        .filter(Q(parties_missing=True) | Q(consents_missing=True))
        .order_by("name", "pk")
    )


def routes_incomplete(
    *, partnership: Partnership, shown: int = 5, count: int | None = None
) -> RoutesIncomplete:
    """The first `shown` of `incomplete_routes`, and how many there are: two queries
    whatever the number of routes, one when the caller counted them already (`count`),
    none when there are none."""
    routes = incomplete_routes(partnership=partnership)
    if count is None:
        count = routes.count()
    return RoutesIncomplete(routes=list(routes[:shown]) if count else [], count=count)
