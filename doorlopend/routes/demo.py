"""The demo leerroute: "Techniek Rivierenland" from two vmbo locations to the demo ROC.

Idempotent: once the partnership has the route, nothing is added. Signatories are
made-up names (Voorbeeld, Proefmans, Testers) so that nobody mistakes them for real
people; the crebo number and qualification are illustrative, not checked against the
qualification files.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.models import Organisation, OrganisationKind
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.selectors import membership_of

from . import services
from .forms.routes import next_school_year
from .models import Consent, Leerroute, Party

ROUTE_NAME = "Techniek Rivierenland"
# Per kind of party: signatory, position, tasks, contribution, financial notes.
PARTY_DATA = {
    OrganisationKind.VO: (
        "drs. A. Voorbeeld",
        "voorzitter college van bestuur",
        "Verzorgt de vmbo-fase (leerjaar 3 en 4) met het profiel PIE, roostert de "
        "lessen op het ROC in en begeleidt de leerlingen bij hun keuze.",
        Decimal("15000.00"),
        "Inzet docenten (0,4 fte) en gebruik van het techniekpraktijklokaal.",
    ),
    OrganisationKind.MBO: (
        "mr. B. Proefmans",
        "lid college van bestuur",
        "Verzorgt de mbo-fase, levert docenten voor de gezamenlijke praktijkmodules "
        "en neemt de examinering van de kwalificatie af.",
        Decimal("20000.00"),
        "Projectleiding (0,2 fte) en materiaal voor de praktijkmodules.",
    ),
    OrganisationKind.GEMEENTE: (
        "C. Testers",
        "wethouder onderwijs",
        "Brengt werkgevers en het regionale decanennetwerk bij elkaar.",
        Decimal("10000.00"),
        "Eenmalige bijdrage uit het regionale onderwijsbudget, in twee termijnen.",
    ),
    OrganisationKind.BEDRIJF: (
        "ing. D. Demoman",
        "directeur",
        "Biedt stageplaatsen en gastlessen in de bouw- en installatietechniek.",
        Decimal("2500.00"),
        "In natura: gastlessen en begeleiding op de werkvloer.",
    ),
}


def _locations(partnership) -> list[Organisation]:
    vo = Organisation.objects.filter(
        partnership=partnership, kind=OrganisationKind.VO
    ).select_related("register_entry")
    vmbo = [
        o
        for o in vo.order_by("name")
        if o.register_entry and "VMBO" in o.register_entry.education_structure
    ]
    return vmbo[:2]


def _mbo(partnership) -> Organisation | None:
    mbo = Organisation.objects.filter(
        partnership=partnership, kind=OrganisationKind.MBO
    ).order_by("name")
    return mbo.filter(name__startswith="ROC").first() or mbo.first()


def load_demo(context: DemoContext) -> None:
    partnership = context.partnership
    if (
        partnership is None
        or Leerroute.objects.filter(partnership=partnership, name=ROUTE_NAME).exists()
    ):
        return
    locations, mbo = _locations(partnership), _mbo(partnership)
    if not locations or mbo is None:
        return
    year = next_school_year()
    coordinator = membership_of(
        partnership=partnership, user=context.people.get(Role.COORDINATOR)
    )
    route = services.route_create(
        partnership=partnership,
        by=coordinator,
        name=ROUTE_NAME,
        vmbo_locations=locations,
        mbo_location=mbo,
        leerweg="kb",
        profile="pie",
        crebo="25180",
        qualification="Eerste monteur elektrotechnische installaties",
        mbo_leerweg="bol",
        start_year=year,
        start_date=datetime.date(year, 8, 25),
        duration_years=4,
        aims="Meer leerlingen zonder uitval van vmbo kader naar een techniekdiploma "
        "op niveau 3, voor de vraag naar installateurs in de regio.",
        overstapoptie="Tot de kerstvakantie van leerjaar 4 kan een leerling terug naar "
        "de reguliere route en het vmbo-examen kader PIE doen.",
        examination="Het ROC examineert de beroepsgerichte onderdelen in de "
        "mbo-fase; de school erkent de praktijkmodules van leerjaar 4.",
        design="Leerjaar 3: profiel PIE op school, één dag per week op het ROC. "
        "Leerjaar 4: keuzevakken in samenwerking met het ROC. Daarna de mbo-fase.",
        communication="Voorlichtingsavond voor ouders in november, informatie via de "
        "decanen van de vmbo-scholen en de open dagen van het ROC.",
    )
    _parties(route, partnership)
    services.consent_create(
        route=route,
        organisation=locations[0],
        body=Consent.Body.MR,
        date=timezone.localdate() - datetime.timedelta(days=45),
        outcome=Consent.Outcome.CONSENT,
        notes="Instemming verleend in de vergadering; vragen over de overstapoptie "
        "zijn beantwoord.",
        by=coordinator,
    )
    context.count("leerroutes", 1)


def _parties(route: Leerroute, partnership) -> None:
    parties = Party.objects.filter(route=route).select_related("organisation")
    vo_seen = 0
    for party in parties.order_by("organisation__name"):
        data = _data(party.organisation.kind)
        if party.organisation.kind == OrganisationKind.VO:
            if vo_seen:  # a second school, another (made-up) person
                data["signatory_name"] = "E. van Proefhoven"
            vo_seen += 1
        services.party_update(party=party, **data)
    for kind in (OrganisationKind.GEMEENTE, OrganisationKind.BEDRIJF):
        organisation = (
            Organisation.objects.filter(partnership=partnership, kind=kind)
            .order_by("name")
            .first()
        )
        if organisation:
            services.party_add(route=route, organisation=organisation, **_data(kind))


def _data(kind: str) -> dict:
    name, role, tasks, money, notes = PARTY_DATA[kind]
    return {
        "signatory_name": name,
        "signatory_role": role,
        "responsibilities": tasks,
        "contribution": money,
        "financial_notes": notes,
    }


LARGE_ROUTES = 20


def load_large(context: DemoContext) -> None:
    """Twenty routes in the first bench partnership, each with its parties and step plan."""
    from doorlopend.partnerships.models import Partnership

    partnership = Partnership.objects.filter(slug="bench-0").first()
    if (
        partnership is None
        or Leerroute.objects.filter(partnership=partnership).exists()
    ):
        return
    vo, mbo = (
        _bench_schools(partnership, "vo", 10),
        _bench_schools(partnership, "mbo", 3),
    )
    if not vo or not mbo:
        return
    year = next_school_year()
    for n in range(LARGE_ROUTES):
        route = services.route_create(
            partnership=partnership,
            by=None,
            name=f"Benchroute {n}",
            vmbo_locations=[vo[n % len(vo)], vo[(n + 1) % len(vo)]],
            mbo_location=mbo[n % len(mbo)],
            leerweg="kb",
            profile="pie",
            crebo=f"{25000 + n:05d}",
            qualification=f"Benchkwalificatie {n}",
            mbo_leerweg="bol",
            start_year=year,
            start_date=datetime.date(year, 8, 1),
            aims="Doorstroom zonder knip.",
        )
        for party in Party.objects.filter(route=route).select_related("organisation"):
            services.party_update(party=party, **_data(party.organisation.kind))
        services.consent_create(
            route=route,
            organisation=route.mbo_location,
            body=Consent.Body.OR,
            date=timezone.localdate(),
            outcome=Consent.Outcome.POSITIVE,
            notes="",
            by=None,
        )
    context.count("leerroutes", LARGE_ROUTES)


def _bench_schools(partnership, sector: str, wanted: int) -> list[Organisation]:
    """`wanted` schools of `sector` in the partnership, added from the bench register."""
    from doorlopend.registry.models import RegisterEntry

    schools = list(
        Organisation.objects.filter(partnership=partnership, kind=sector).order_by("pk")
    )
    if len(schools) < wanted:
        entries = RegisterEntry.objects.filter(
            sector=sector, name__startswith="Benchschool"
        ).exclude(organisations__partnership=partnership)
        Organisation.objects.bulk_create(
            [
                Organisation(
                    partnership=partnership,
                    name=f"{e.name} ({e.code})",
                    kind=sector,
                    register_entry=e,
                    place=e.place,
                )
                for e in entries.order_by("pk")[: wanted - len(schools)]
            ]
        )
        schools = list(
            Organisation.objects.filter(partnership=partnership, kind=sector).order_by(
                "pk"
            )
        )
    return schools
