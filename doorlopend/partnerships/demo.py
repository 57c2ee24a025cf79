"""The demo partnership: organisations from the demo register, one person per role.

With --large: 200 partnerships, 1,500 organisations and 5,000 people, for `bench/`.
"""

from django.contrib.auth.hashers import make_password
from django.db.models import Count

from doorlopend.accounts.demo import demo_user
from doorlopend.accounts.models import User
from doorlopend.core.demo import DEMO_DOMAIN, DEMO_PASSWORD, DemoContext
from doorlopend.registry.models import Region, RegisterEntry

from . import services
from .models import Membership, Organisation, Partnership, RoleAssignment
from .roles import Role, acts_for_school

DEMO_SLUG = "rivierenland"
OTHER_SLUG = "kop-van-de-delta"
# Hand-typed partners: a municipality and employers are not in DUO's register.
OTHERS = [
    ("Gemeente Tiel", "gemeente", "Tiel"),
    ("Bouwbedrijf De Waal", "bedrijf", "Tiel"),
    ("Zorggroep Lingedal", "bedrijf", "Culemborg"),
]
SCHOOLS_IN_DEMO = 9
PERSON_NAMES = {
    Role.COORDINATOR: "Coördinator Demo",
    Role.STUURGROEP: "Stuurgroeplid Demo",
    Role.PORTEFEUILLEHOUDER: "Portefeuillehouder Demo",
    Role.WERKGROEPLID: "Werkgroeplid Demo",
    Role.AMBASSADEUR: "Ambassadeur Demo",
    Role.DOCENT: "Docent Demo",
    Role.DECAAN: "Decaan Demo",
    Role.MENTOR: "Mentor Demo",
    Role.PRIVACY_OFFICER: "Privacyfunctionaris Demo",
    Role.LANDELIJK_ADVISEUR: "Landelijk adviseur Demo",
}


def demo_email(role: str) -> str:
    return f"{role.replace('_', '-')}@{DEMO_DOMAIN}"


def load_demo(context: DemoContext) -> None:
    entries = list(
        RegisterEntry.objects.exclude(name__startswith="Benchschool").order_by(
            "sector", "name"
        )
    )
    region = (
        Region.objects.filter(entries__in=entries)
        .annotate(n=Count("entries"))
        .order_by("-n")
        .first()
    )
    partnership, created = Partnership.objects.get_or_create(
        slug=DEMO_SLUG,
        defaults={
            "name": "Samenwerkingsverband Rivierenland",
            "region": region,
            # Tiel, Culemborg and Zaltbommel keep the school holidays of regio zuid.
            "school_region": "zuid",
            "description": "Vo-, mbo- en hbo-scholen, de gemeente en werkgevers werken samen aan een doorlopende leerlijn LOB.",
        },
    )
    context.partnership = partnership
    context.count("partnerships", int(created))
    schools = _add_schools(partnership, entries, context)
    _add_others(partnership, context)
    vo_school = _vmbo_school(schools)
    for role, name in PERSON_NAMES.items():
        person, made = demo_user(demo_email(role), name)
        context.people[role] = person
        context.count("people", int(made))
        services.role_grant(
            partnership=partnership,
            user=person,
            role=role,
            organisation=vo_school if acts_for_school(role) else None,
        )
    _second_partnership(context, entries)


def _vmbo_school(schools: list[Organisation]) -> Organisation:
    """The school the demo's decaan and mentor act for: one with vmbo pupils, who go on
    to mbo (the first vo school by name is a vwo-only lyceum)."""
    vo = [s for s in schools if s.kind == "vo"]
    return next((s for s in vo if s.offers_vmbo), vo[0])


def _add_schools(
    partnership: Partnership, entries: list, context: DemoContext
) -> list[Organisation]:
    vo = [e for e in entries if e.sector == "vo"][: SCHOOLS_IN_DEMO - 3]
    chosen = (
        vo
        + [e for e in entries if e.sector == "mbo"][:2]
        + [e for e in entries if e.sector == "hbo"][:1]
    )
    existing = set(
        Organisation.objects.filter(partnership=partnership).values_list(
            "register_entry_id", flat=True
        )
    )
    for entry in chosen:
        if entry.pk not in existing:
            services.organisation_add_from_register(
                partnership=partnership, entry=entry
            )
            context.count("organisations", 1)
    return list(
        Organisation.objects.filter(
            partnership=partnership, register_entry__isnull=False
        )
        .select_related("register_entry")
        .order_by("name")
    )


def _add_others(partnership: Partnership, context: DemoContext) -> None:
    for name, kind, place in OTHERS:
        _organisation, created = Organisation.objects.get_or_create(
            partnership=partnership, name=name, defaults={"kind": kind, "place": place}
        )
        context.count("organisations", int(created))


def _second_partnership(context: DemoContext, entries: list) -> None:
    """A second, small partnership so the switcher has something to switch to."""
    other, created = Partnership.objects.get_or_create(
        slug=OTHER_SLUG,
        defaults={
            "name": "Netwerk Kop van de Delta",
            "region": context.partnership.region,
        },
    )
    context.count("partnerships", int(created))
    if created:
        for entry in [e for e in entries if e.sector == "vo"][-2:]:
            services.organisation_add_from_register(partnership=other, entry=entry)
    services.role_grant(
        partnership=other, user=context.people[Role.COORDINATOR], role=Role.STUURGROEP
    )
    services.role_grant(
        partnership=other,
        user=context.people[Role.LANDELIJK_ADVISEUR],
        role=Role.LANDELIJK_ADVISEUR,
    )


LARGE_PARTNERSHIPS = 200
LARGE_PEOPLE = 5000


def load_large(context: DemoContext) -> None:
    """National volume: 200 partnerships over the 40 bench regions, 1,500 schools, 5,000 people."""
    if Partnership.objects.filter(slug__startswith="bench-").exists():
        return
    regions = list(Region.objects.filter(code__startswith="B").order_by("code"))
    Partnership.objects.bulk_create(
        [
            Partnership(
                name=f"Benchverband {n}",
                slug=f"bench-{n}",
                region=regions[n % len(regions)],
            )
            for n in range(LARGE_PARTNERSHIPS)
        ]
    )
    partnerships = list(
        Partnership.objects.filter(slug__startswith="bench-").order_by("id")
    )
    entries = list(
        RegisterEntry.objects.filter(name__startswith="Benchschool").order_by("id")
    )
    kinds = {"vo": "vo", "mbo": "mbo", "hbo": "hbo"}
    Organisation.objects.bulk_create(
        [
            Organisation(
                partnership=partnerships[n % len(partnerships)],
                name=e.name,
                kind=kinds[e.sector],
                register_entry=e,
                place=e.place,
            )
            for n, e in enumerate(entries)
        ],
        batch_size=500,
    )
    # One hash for everyone: hashing 5,000 passwords would take minutes and prove nothing.
    password = make_password(DEMO_PASSWORD)
    User.objects.bulk_create(
        [
            User(
                email=f"bench{n}@{DEMO_DOMAIN}",
                name=f"Benchpersoon {n}",
                password=password,
            )
            for n in range(LARGE_PEOPLE)
        ],
        batch_size=1000,
    )
    users = list(User.objects.filter(email__startswith="bench").order_by("id"))
    Membership.objects.bulk_create(
        [
            Membership(partnership=partnerships[n % len(partnerships)], user=u)
            for n, u in enumerate(users)
        ],
        batch_size=1000,
    )
    schools = {}
    for organisation in Organisation.objects.filter(
        partnership__in=partnerships
    ).order_by("id"):
        schools.setdefault(organisation.partnership_id, []).append(organisation)
    roles = list(Role)
    assignments = []
    for n, membership in enumerate(
        Membership.objects.filter(partnership__in=partnerships).order_by("id")
    ):
        # Members are dealt to partnerships in turn: cycle the roles within each one.
        role = (
            Role.COORDINATOR
            if n < len(partnerships)
            else roles[(n // len(partnerships)) % len(roles)]
        )
        school = schools[membership.partnership_id][
            n % len(schools[membership.partnership_id])
        ]
        assignments.append(
            RoleAssignment(
                membership=membership,
                role=role,
                organisation=school if acts_for_school(role) else None,
            )
        )
    RoleAssignment.objects.bulk_create(assignments, batch_size=1000)
    context.count("partnerships", len(partnerships))
    context.count("organisations", len(entries))
    context.count("people", len(users))
