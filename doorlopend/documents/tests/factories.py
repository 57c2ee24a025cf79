"""A leerroute with everything a document needs, made with the ORM (scopes disabled)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Organisation
from doorlopend.partnerships.tests.factories import (
    MembershipFactory,
    RegisterEntryFactory,
    RoleAssignmentFactory,
    SchoolFactory,
)
from doorlopend.registry.models import RegisterEntry
from doorlopend.roadmaps.models import ItemState, Status
from doorlopend.roadmaps.services.setup import step_plan_for
from doorlopend.routes.models import Consent, Leerroute, Party

from ..models import GeneratedDocument

VMBO_BRIN, VMBO_VESTIGING = "12AB", "12AB01"
MBO_BRIN = "25LP"
SIGNATORIES = ["Anne de Vries", "Karim el Amrani"]
CONTRIBUTIONS = [Decimal("12500.00"), Decimal("7250.50")]  # total € 19.750,50


def school(partnership, *, sector: str, brin: str, vestiging: str, name: str):
    """The partnership's school with this BRIN and vestiging (made the first time)."""
    with scopes_disabled():
        existing = Organisation.objects.filter(
            partnership=partnership,
            register_entry__brin=brin,
            register_entry__vestiging=vestiging,
        ).first()
    if existing:
        return existing
    entry = RegisterEntry.objects.filter(brin=brin, vestiging=vestiging).first()
    entry = entry or RegisterEntryFactory(
        sector=sector, brin=brin, vestiging=vestiging, name=name
    )
    kind = "vo" if sector == "vo" else "mbo"
    return SchoolFactory(
        partnership=partnership, kind=kind, register_entry=entry, name=name
    )


def member(partnership, role: str, name: str):
    # No password: hashing one costs ~0.7 s, and these people never log in.
    membership = MembershipFactory(
        partnership=partnership, user__name=name, user__password=None
    )
    RoleAssignmentFactory(membership=membership, role=role)
    return membership


def make_route(
    partnership, *, name: str = "Techniek Rivierenland", parties: bool = True
) -> Leerroute:
    """A route from a vmbo location to an mbo school, with parties, consent, step plan."""
    vmbo = school(
        partnership,
        sector="vo",
        brin=VMBO_BRIN,
        vestiging=VMBO_VESTIGING,
        name="Vmbo De Linge",
    )
    mbo = school(
        partnership, sector="mbo", brin=MBO_BRIN, vestiging="", name="ROC Rivor"
    )
    with scopes_disabled():
        route = Leerroute.objects.create(
            partnership=partnership,
            name=name,
            mbo_location=mbo,
            leerweg="kb",
            profile="pie",
            crebo="25180",
            qualification="Eerste monteur elektrotechnische systemen",
            mbo_leerweg="bbl",
            start_year=2027,
            start_date=date(2027, 8, 1),
            duration_years=4,
            aims="Meer leerlingen kiezen techniek.\nNiemand valt uit bij de overstap.",
            design="Vanaf leerjaar 3 lessen op het mbo.",
            overstapoptie="Tot 1 februari van leerjaar 4 kan een leerling terug.",
            examination="Het vmbo-examen blijft; de mbo-onderdelen worden erkend.",
            communication="Ouderavond in november, voorlichting door decanen.",
        )
        route.vmbo_locations.add(vmbo)
        if parties:
            for org, signatory, amount in zip(
                (vmbo, mbo), SIGNATORIES, CONTRIBUTIONS, strict=True
            ):
                Party.objects.create(
                    route=route,
                    organisation=org,
                    signatory_name=signatory,
                    signatory_role="Directeur",
                    responsibilities=f"{org.name} verzorgt de lessen.",
                    contribution=amount,
                    financial_notes="Per schooljaar.",
                )
        Consent.objects.create(
            route=route,
            organisation=vmbo,
            body=Consent.Body.MR,
            date=date(2026, 11, 3),
            outcome=Consent.Outcome.CONSENT,
        )
        step_plan_for(route=route)
    return route


def work_every_step(route: Leerroute, owners: list) -> None:
    """Give every step of the step plan a status, an owner, a due date and notes."""
    statuses = itertools.cycle(
        [Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED, Status.NOT_APPLICABLE]
    )
    with scopes_disabled():
        for i, state in enumerate(
            ItemState.objects.filter(roadmap__route=route).order_by("pk")
        ):
            state.status = next(statuses)
            state.owner = owners[i % len(owners)]
            state.due_date = date(2027, 1, 15) + timedelta(days=14 * i)
            state.notes = f"Afspraak {i + 1}: besproken in de stuurgroep."
            if state.status == Status.NOT_APPLICABLE:
                state.not_applicable_reason = "Al geregeld in de regio."
            state.save()


def made(route: Leerroute, kind: str = "projectplan", **fields) -> GeneratedDocument:
    """A finished version, without building a file (for page and compare tests)."""
    fields.setdefault("status", GeneratedDocument.Status.DONE)
    fields.setdefault("progress", 100)
    with scopes_disabled():
        return GeneratedDocument.objects.create(
            partnership=route.partnership, route=route, kind=kind, **fields
        )
