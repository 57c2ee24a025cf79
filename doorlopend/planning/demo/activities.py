"""Demo activities and budget of the plan van aanpak.

Idempotent: once the partnership has activities (or funding sources), that part is left
alone. Names of people, places and funds are made up ("Subsidie Doorlopend Techniek" is
no real scheme); runs after `demo.goals` and links activities to the goals it made.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.models import Membership, Organisation, Partnership
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.selectors import membership_of

from ..elements import element_choices
from ..models import (
    Activity,
    ActivityAudience,
    ActivityKind,
    ActivityPerson,
    ActivityStatus,
    BudgetLine,
    FundingSource,
    Goal,
)
from ..services import activities as services
from .dates import school_day

D = Decimal
# (title, kind, days from today, hour, elements, status, evaluation, costs, people)
# people: (role of a demo member or None, name if not a member, task, hours)
ACTIVITIES = [
    (
        "Startbijeenkomst werkgroep LOB",
        ActivityKind.BIJEENKOMST,
        -60,
        15,
        ["samenhang"],
        ActivityStatus.HELD,
        "Goede opkomst; afspraak om elk kwartaal bij elkaar te komen.",
        "120.00",
        [
            (Role.COORDINATOR, "", "voorzitter", "3"),
            (Role.WERKGROEPLID, "", "notulen", "2.5"),
        ],
    ),
    (
        "Excursie naar het ROC techniekplein",
        ActivityKind.EXCURSIE,
        -35,
        9,
        ["praktijkervaring", "proactief", "reflectie"],
        ActivityStatus.HELD,
        "Leerlingen werkten zelf aan een installatie; de nabespreking in de klas "
        "was te kort. Volgende keer een vaste reflectie-opdracht meegeven.",
        "850.00",
        [
            (Role.DOCENT, "", "begeleiding", "6"),
            (None, "P. Proefmans", "rondleiding ROC", "4"),
        ],
    ),
    (
        "Gastles installatiebedrijf",
        ActivityKind.GASTLES,
        -14,
        10,
        ["praktijkervaring", "verwachtingen"],
        ActivityStatus.HELD,
        "",
        "0.00",
        [(None, "M. Voorbeeld", "gastles", "2")],
    ),
    (
        "Studiemiddag loopbaangesprekken",
        ActivityKind.STUDIEMIDDAG,
        -7,
        13,
        ["reflectie", "zelfvertrouwen"],
        ActivityStatus.CANCELLED,
        "",
        "0.00",
        [],
    ),
    (
        "Uitwisseling docenten vmbo en mbo",
        ActivityKind.UITWISSELING_DOCENTEN,
        12,
        13,
        ["samenhang"],
        ActivityStatus.PLANNED,
        "",
        "250.00",
        [(Role.DOCENT, "", "meelopen op het ROC", "4")],
    ),
    (
        "Ouderavond doorlopende leerroute",
        ActivityKind.OUDERAVOND,
        21,
        19,
        ["ouders", "verwachtingen"],
        ActivityStatus.PLANNED,
        "",
        "175.50",
        [(Role.DECAAN, "", "presentatie", "3")],
    ),
    (
        "Meeloopdag leerlingen op het ROC",
        ActivityKind.UITWISSELING_LEERLINGEN,
        35,
        9,
        ["praktijkervaring", "proactief", "zelfvertrouwen"],
        ActivityStatus.PLANNED,
        "",
        "400.00",
        [(Role.MENTOR, "", "begeleiding", "7.5")],
    ),
    (
        "Bedrijfsbezoek werkgever in de regio",
        ActivityKind.BEDRIJFSBEZOEK,
        49,
        10,
        ["praktijkervaring", "reflectie"],
        ActivityStatus.PLANNED,
        "",
        "300.00",
        [],
    ),
]
# For whom, and which OCW action lines, per activity (by title); pupils and none if absent.
CLASSIFIED = {
    "Startbijeenkomst werkgroep LOB": (
        ActivityAudience.DOCENTEN,
        ["samenwerking-overgangen"],
    ),
    "Excursie naar het ROC techniekplein": (
        ActivityAudience.LEERLINGEN,
        ["informatie-beroepenveld", "samenwerking-overgangen"],
    ),
    "Gastles installatiebedrijf": (
        ActivityAudience.LEERLINGEN,
        ["informatie-beroepenveld"],
    ),
    "Studiemiddag loopbaangesprekken": (ActivityAudience.DOCENTEN, ["deskundige-lob"]),
    "Uitwisseling docenten vmbo en mbo": (
        ActivityAudience.DOCENTEN,
        ["deskundige-lob", "samenwerking-overgangen"],
    ),
    "Ouderavond doorlopende leerroute": (
        ActivityAudience.OUDERS,
        ["informatie-beroepenveld"],
    ),
    "Bedrijfsbezoek werkgever in de regio": (
        ActivityAudience.LEERLINGEN,
        ["informatie-beroepenveld"],
    ),
}
SOURCES = [
    ("Subsidie Doorlopend Techniek", FundingSource.Kind.SUBSIDY, "15000.00"),
    ("Regionale middelen", FundingSource.Kind.REGIONAL, "6000.00"),
    ("Eigen budget ROC", FundingSource.Kind.OWN, "2500.00"),
]


def load_demo(context: DemoContext) -> None:
    partnership = context.partnership
    if partnership is None:
        return
    if not Activity.objects.filter(partnership=partnership).exists():
        _activities(context, partnership)
    if not FundingSource.objects.filter(partnership=partnership).exists():
        _budget(partnership)
        context.count("funding sources", len(SOURCES))


def _activities(context: DemoContext, partnership: Partnership) -> None:
    today = timezone.localdate()
    goals = list(Goal.objects.filter(partnership=partnership).order_by("pk"))
    organisations = list(
        Organisation.objects.filter(partnership=partnership).order_by("pk")[:3]
    )
    members = {m.user_id: m for m in Membership.objects.filter(partnership=partnership)}
    coordinator = membership_of(
        partnership=partnership, user=context.people.get(Role.COORDINATOR)
    )
    for n, (
        title,
        kind,
        days,
        hour,
        elements,
        status,
        evaluation,
        costs,
        people,
    ) in enumerate(ACTIVITIES):
        audience, lines = CLASSIFIED.get(title, (ActivityAudience.LEERLINGEN, []))
        activity = services.activity_create(
            partnership=partnership,
            by=coordinator,
            title=title,
            kind=kind,
            audience=audience,
            action_lines=lines,
            date=school_day(today, days, partnership=partnership),
            start_time=datetime.time(hour, 0),
            end_time=datetime.time(hour + 2, 30),
            place="ROC Rivierenland, Tiel" if n % 2 else "Vakcollege, Culemborg",
            materials="Bus en lunchpakketten" if kind == ActivityKind.EXCURSIE else "",
            costs=D(costs),
            elements=elements,
            organisations=organisations[: 1 + n % 3],
            goals=goals[n % len(goals) : n % len(goals) + 1] if goals else [],
            status=status,
            evaluation=evaluation,
        )
        for role, name, task, hours in people:
            user = context.people.get(role) if role else None
            membership = members.get(user.pk) if user else None
            if role and membership is None:
                continue
            services.person_add(
                activity=activity,
                membership=membership,
                name=name,
                organisation=organisations[0] if organisations else None,
                role=task,
                hours=D(hours),
            )
    context.count("activities", len(ACTIVITIES))


def _budget(partnership: Partnership) -> None:
    organisations = list(
        Organisation.objects.filter(partnership=partnership).order_by("pk")[:3]
    )
    activities = {a.title: a for a in Activity.objects.filter(partnership=partnership)}
    sources = {
        name: FundingSource.objects.create(
            partnership=partnership, name=name, kind=kind, amount=D(amount)
        )
        for name, kind, amount in SOURCES
    }

    def org(n: int):
        return organisations[n] if len(organisations) > n else None

    subsidy, regional, own = (sources[name] for name, _k, _a in SOURCES)
    BudgetLine.objects.bulk_create(
        [
            BudgetLine(
                source=subsidy,
                organisation=org(0),
                activity=activities.get("Excursie naar het ROC techniekplein"),
                description="Busvervoer excursies",
                planned=D("1200.00"),
                committed=D("0.00"),
                # Overspent on purpose: the demo shows the warning.
                spent=D("1385.40"),
            ),
            BudgetLine(
                source=subsidy,
                organisation=org(1),
                description="Vrijroosteren docenten uitwisseling",
                planned=D("8000.00"),
                committed=D("4000.00"),
                spent=D("2750.00"),
            ),
            BudgetLine(
                source=subsidy,
                description="Materiaal praktijkopdrachten",
                planned=D("3500.00"),
                committed=D("500.00"),
                spent=D("1210.35"),
            ),
            BudgetLine(
                source=regional,
                activity=activities.get("Ouderavond doorlopende leerroute"),
                description="Ouderavonden: zaal en catering",
                planned=D("900.00"),
                committed=D("175.50"),
                spent=D("0.00"),
            ),
            BudgetLine(
                source=regional,
                description="Coördinatie samenwerkingsverband",
                planned=D("5000.00"),
                committed=D("0.00"),
                spent=D("2500.00"),
            ),
            BudgetLine(
                source=own,
                organisation=org(2) or org(0),
                activity=activities.get("Meeloopdag leerlingen op het ROC"),
                description="Meeloopdagen: begeleiding en lunch",
                planned=D("2000.00"),
                committed=D("400.00"),
                spent=D("0.00"),
            ),
        ]
    )


LARGE_ACTIVITIES = 200
LARGE_SOURCES = 3
LARGE_LINES = 60


def load_large(context: DemoContext) -> None:
    """200 activities in bench-0, each with elements and a goal when goals exist there,
    and 60 budget lines over 3 sources; for the plan page's measurements."""
    partnership = Partnership.objects.filter(slug="bench-0").first()
    if partnership is None or Activity.objects.filter(partnership=partnership).exists():
        return
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    keys = [key for key, _title in element_choices()]
    kinds = list(ActivityKind.values)
    activities = Activity.objects.bulk_create(
        [
            Activity(
                partnership=partnership,
                title=f"Benchactiviteit {n}",
                kind=kinds[n % len(kinds)],
                starts_at=now + datetime.timedelta(days=n - 100, hours=n % 8),
                ends_at=now + datetime.timedelta(days=n - 100, hours=n % 8 + 2),
                place="Benchplaats",
                costs=D("25.50") * (n % 5),
                elements=[keys[n % len(keys)], keys[(n + 3) % len(keys)]],
                status=ActivityStatus.HELD if n < 100 else ActivityStatus.PLANNED,
                evaluation="Verliep volgens plan." if n < 100 else "",
            )
            for n in range(LARGE_ACTIVITIES)
        ]
    )
    goals = list(Goal.objects.filter(partnership=partnership).order_by("pk"))
    if goals:
        link = Activity.goals.through
        link.objects.bulk_create(
            [
                link(activity_id=a.pk, goal_id=goals[n % len(goals)].pk)
                for n, a in enumerate(activities)
            ]
        )
    organisations = list(
        Organisation.objects.filter(partnership=partnership).order_by("pk")[:5]
    )
    if organisations:
        through = Activity.organisations.through
        through.objects.bulk_create(
            [
                through(
                    activity_id=a.pk,
                    organisation_id=organisations[n % len(organisations)].pk,
                )
                for n, a in enumerate(activities)
            ]
        )
    ActivityPerson.objects.bulk_create(
        [
            ActivityPerson(activity=a, name=f"Benchpersoon {n}", hours=D("1.50"))
            for n, a in enumerate(activities)
        ]
    )
    if not FundingSource.objects.filter(partnership=partnership).exists():
        sources = FundingSource.objects.bulk_create(
            [
                FundingSource(
                    partnership=partnership,
                    name=f"Benchbron {n}",
                    kind=FundingSource.Kind.REGIONAL,
                    amount=D("20000.00"),
                )
                for n in range(LARGE_SOURCES)
            ]
        )
        BudgetLine.objects.bulk_create(
            [
                BudgetLine(
                    source=sources[n % LARGE_SOURCES],
                    organisation=organisations[n % len(organisations)]
                    if organisations and n % 4
                    else None,
                    activity=activities[n],
                    description=f"Benchregel {n}",
                    planned=D("500.10"),
                    committed=D("100.00"),
                    spent=D("520.00") if n % 9 == 0 else D("250.05"),
                )
                for n in range(LARGE_LINES)
            ]
        )
    context.count("activities", LARGE_ACTIVITIES)
