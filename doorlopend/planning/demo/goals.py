"""Demo vision, partners' needs and SMART goals for the demo partnership (issue 7, P1).

Idempotent: a partnership that has a vision version keeps it; one that has goals gets no
new ones. The texts follow seeds 000 and 003 (a shared definition, the pupil at the
centre, "letterlijk bovenaan"), written for the made-up Samenwerkingsverband Rivierenland.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.models import Membership, Organisation, Partnership
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.selectors import membership_of

from ..models import Goal, GoalRevision, Measurement, VisionVersion
from ..services import goals as goal_services
from ..services import vision as vision_services
from .dates import school_day

DEFINITION = (
    "Onder een doorlopende leerlijn LOB verstaan wij in Rivierenland: een samenhangend "
    "aanbod van loopbaanoriëntatie en -begeleiding dat een leerling van het vo via het "
    "mbo naar het hbo of werk meeneemt, zonder breuk bij de overstap.\n"
    "Vo, mbo en hbo gebruiken daarvoor dezelfde taal, dezelfde loopbaanvragen en één "
    "doorstroomdossier dat de leerling zelf meeneemt."
)
VISION = (
    "De leerling staat centraal: niet de school, maar de keuze van de leerling bepaalt "
    "wat we samen organiseren.\n"
    "Scholen kijken bij elkaar in de keuken, docenten wisselen uit en het bedrijfsleven "
    "doet mee, zodat leerlingen ervaren wat een vervolgopleiding en een beroep inhouden.\n"
    "Wij zetten deze visie letterlijk bovenaan elk overleg."
)
AMBITION = (
    "In 2028 voert elke leerling in leerjaar 3 en 4 minstens twee loopbaangesprekken, "
    "bezoekt elke leerling een mbo- of hbo-opleiding en neemt elke leerling een "
    "loopbaandossier mee naar de vervolgopleiding."
)
# Per kind of partner: needs, expectations.
NEEDS = {
    "vo": (
        "Tijd voor mentoren om loopbaangesprekken te voeren, en een vast aanspreekpunt "
        "bij het mbo voor meeloopdagen.",
        "Dat het mbo terugkoppelt hoe oud-leerlingen het eerste jaar doorlopen.",
    ),
    "mbo": (
        "Het loopbaandossier van de leerling bij de intake, en docenten uit het vo die "
        "onze opleidingen kennen.",
        "Minder uitval in het eerste jaar doordat leerlingen beter gekozen hebben.",
    ),
    "hbo": (
        "Studenten die al in het mbo kennis maakten met het hbo.",
        "Gezamenlijke proefstudeerdagen voor mbo-4-studenten.",
    ),
    "gemeente": (
        "Zicht op jongeren die tussen vo en mbo uit beeld raken.",
        "Een regionaal plan dat aansluit bij de RMC-aanpak.",
    ),
}
# The OCW action lines the demo's goals serve, in turn (keys of the LOB-scan's lines).
GOAL_ACTION_LINES = [
    ["deskundige-lob"],
    ["samenwerking-overgangen", "informatie-beroepenveld"],
    ["samenwerking-overgangen"],
]
GOALS = [
    # title, specific, indicator, unit, baseline, target, months to deadline, theme,
    # measured values (oldest first)
    (
        "Loopbaangesprekken in leerjaar 3",
        "Elke leerling in leerjaar 3 van de vmbo-scholen voert twee loopbaangesprekken "
        "met de mentor.",
        "Aandeel leerlingen met twee vastgelegde gesprekken",
        "%",
        Decimal("35"),
        Decimal("90"),
        10,
        "visie-en-ambitie",
        ["35", "48", "61"],
    ),
    (
        "Meeloopdagen op het mbo",
        "Leerlingen van leerjaar 4 lopen een dag mee bij een mbo-opleiding van hun keuze.",
        "Aantal leerlingen dat een meeloopdag volgde",
        "leerlingen",
        Decimal("120"),
        Decimal("400"),
        8,
        "betrokken-partners",
        ["120", "190", "260"],
    ),
    (
        "Doorstroomdossier bij de intake",
        "Het mbo ontvangt bij de intake het doorstroomdossier van elke vmbo-leerling.",
        "Aandeel intakes met een doorstroomdossier",
        "%",
        Decimal("20"),
        Decimal("75"),
        14,
        "monitoring",
        ["20", "32"],
    ),
    (
        "Docentenuitwisseling vo-mbo",
        "Docenten van vo en mbo lopen een dagdeel mee in elkaars lessen.",
        "Aantal docenten dat een uitwisseling deed",
        "docenten",
        Decimal("4"),
        Decimal("30"),
        12,
        "relatie",
        ["4", "9", "15", "18"],
    ),
]


def _owner(partnership: Partnership, context: DemoContext) -> Membership | None:
    user = context.people.get(Role.COORDINATOR)
    members = Membership.objects.filter(partnership=partnership)
    return (user and members.filter(user=user).first()) or members.first()


def _vision(
    partnership: Partnership, context: DemoContext, by: Membership | None
) -> None:
    if VisionVersion.objects.filter(partnership=partnership, school=None).exists():
        return
    # A first version and the current one, so the history shows a diff.
    vision_services.vision_save(
        partnership=partnership,
        definition=DEFINITION,
        vision=VISION.rsplit("\n", 1)[0],
        ambition="",
        by=by,
    )
    vision_services.vision_save(
        partnership=partnership,
        definition=DEFINITION,
        vision=VISION,
        ambition=AMBITION,
        by=by,
    )
    partners = {}
    for organisation in Organisation.objects.filter(partnership=partnership).order_by(
        "name"
    ):
        if organisation.kind in NEEDS and organisation.kind not in partners:
            partners[organisation.kind] = organisation
    for kind, organisation in list(partners.items())[:3]:
        needs, expectations = NEEDS[kind]
        vision_services.expectation_save(
            partnership=partnership,
            organisation=organisation,
            needs=needs,
            expectations=expectations,
            by=by,
        )
    context.count("vision_versions", 2)


def load_demo(context: DemoContext) -> None:
    partnership = context.partnership
    if partnership is None:
        return
    by = membership_of(
        partnership=partnership, user=context.people.get(Role.COORDINATOR)
    )
    _vision(partnership, context, by)
    if Goal.objects.filter(partnership=partnership).exists():
        return
    owner = _owner(partnership, context)
    today = timezone.localdate()
    for n, (
        title,
        specific,
        indicator,
        unit,
        base,
        target,
        months,
        theme,
        values,
    ) in enumerate(GOALS):
        goal = goal_services.goal_create(
            partnership=partnership,
            by=by,
            title=title,
            specific=specific,
            indicator=indicator,
            unit=unit,
            baseline=base,
            target=target,
            deadline=school_day(today, 30 * months, partnership=partnership),
            owner=owner,
            theme_key=theme,
            action_lines=GOAL_ACTION_LINES[n % len(GOAL_ACTION_LINES)],
        )
        start = today - datetime.timedelta(days=90 * (len(values) - 1))
        Measurement.objects.bulk_create(
            Measurement(
                goal=goal,
                date=start + datetime.timedelta(days=90 * n),
                value=Decimal(v),
                created_by=by.user if by else None,
            )
            for n, v in enumerate(values)
        )
    goal = Goal.objects.get(partnership=partnership, title=GOALS[2][0])
    goal_services.goal_revise(
        goal=goal,
        target=Decimal("60"),
        deadline=school_day(goal.deadline, 180, partnership=partnership),
        reason="Twee vmbo-scholen stappen pas volgend schooljaar over op het digitale "
        "doorstroomdossier; de werkgroep stelt het doel daarom bij.",
        by=by,
    )
    context.count("goals", len(GOALS))


def load_large(context: DemoContext) -> None:
    """50 goals with a few measurements each in the first bench partnership."""
    partnership = Partnership.objects.filter(slug="bench-0").first()
    if partnership is None or Goal.objects.filter(partnership=partnership).exists():
        return
    owner = Membership.objects.filter(partnership=partnership).first()
    today = timezone.localdate()
    themes = [g[7] for g in GOALS]
    goals = Goal.objects.bulk_create(
        Goal(
            partnership=partnership,
            title=f"Benchdoel {n}",
            specific=f"Benchdoel {n}: meer leerlingen kiezen bewust.",
            indicator="Aandeel leerlingen",
            unit="%",
            baseline=Decimal(10 + n % 20),
            target=Decimal(60 + n % 30),
            deadline=today + datetime.timedelta(days=30 + 7 * n),
            owner=owner,
            theme_key=themes[n % len(themes)],
        )
        for n in range(50)
    )
    Measurement.objects.bulk_create(
        Measurement(
            goal=goal,
            date=today - datetime.timedelta(days=60 * k),
            value=goal.baseline + 5 * (3 - k),
        )
        for goal in goals
        for k in range(3)
    )
    GoalRevision.objects.bulk_create(
        GoalRevision(
            goal=goal,
            old_target=goal.target - 5,
            new_target=goal.target,
            old_deadline=goal.deadline,
            new_deadline=goal.deadline,
            reason="Bijgesteld na de tussenmeting.",
        )
        for goal in goals[::5]
    )
    context.count("goals", len(goals))
