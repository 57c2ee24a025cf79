"""The demo's one school plan: the vmbo school of the demo portefeuillehouder keeps its
own vision on LOB, in two versions so its history shows a change, its own goals (2),
activities (3: one held) and budget lines (2), and the weakest element of its newest
LOB-scan became an action point of its plan.

Idempotent: a school that has a vision version keeps it, one with goals of its own its
goals, activities and lines; the scan makes one action point per element.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import F, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.models import RoleAssignment
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.selectors import membership_of
from doorlopend.reflection.choices import State
from doorlopend.reflection.models import Session
from doorlopend.reflection.selectors.scans import scan_summary
from doorlopend.reflection.services.scans import scan_action_point

from ..models import ActivityKind, ActivityStatus, FundingSource, Goal, VisionVersion
from ..services import activities as activity_services
from ..services import budget as budget_services
from ..services import goals as goal_services
from ..services import vision as vision_services
from .dates import school_day

VISION = (
    "LOB is bij ons geen los vak maar de rode draad van de mentorles: elke leerling "
    "ontdekt wat hij wil en kan, en praat daarover met zijn mentor en ouders.\n"
    "Met het mbo in de regio zorgen we dat een leerling in leerjaar 3 en 4 het "
    "vervolgonderwijs zelf heeft ervaren voordat hij kiest."
)
AMBITION_FIRST = "In 2028 voert elke leerling in leerjaar 3 twee loopbaangesprekken."
AMBITION = (
    AMBITION_FIRST + "\nIn 2028 heeft elke leerling in leerjaar 4 een meeloopdag op "
    "het mbo gehad en een eindopdracht gemaakt die hij meeneemt naar zijn intake."
)


def load_demo(context: DemoContext) -> None:
    partnership = context.partnership
    user = context.people.get(Role.PORTEFEUILLEHOUDER)
    if partnership is None or user is None:
        return
    by = membership_of(partnership=partnership, user=user)
    lead = (
        RoleAssignment.objects.filter(
            membership=by, role=Role.PORTEFEUILLEHOUDER, organisation__isnull=False
        )
        .select_related("organisation")
        .first()
    )
    if by is None or lead is None:
        return
    school = lead.organisation
    _scan_point(school, by)
    _work(context, school, by)
    if VisionVersion.objects.filter(partnership=partnership, school=school).exists():
        return
    for ambition in (AMBITION_FIRST, AMBITION):
        vision_services.vision_save(
            partnership=partnership,
            school=school,
            definition="",
            vision=VISION,
            ambition=ambition,
            by=by,
        )
    context.count("school_vision_versions", 2)


# (title, specific, indicator, unit, baseline, target, months, theme, measured)
GOALS = (
    (
        "Twee loopbaangesprekken in leerjaar 3",
        "Elke leerling van leerjaar 3 voert twee loopbaangesprekken met de mentor, "
        "één met een ouder erbij.",
        "Aandeel leerlingen in leerjaar 3 met twee gesprekken",
        "%",
        "35",
        "90",
        10,
        "visie-en-ambitie",
        "48",
    ),
    (
        "Reflectie na elke meeloopdag",
        "Na elke meeloopdag op het mbo bespreekt de mentor met de leerling wat die "
        "ervoer en wat dat zegt over de keuze.",
        "Aandeel meeloopdagen met een nagesprek",
        "%",
        "20",
        "80",
        8,
        "monitoring",
        "30",
    ),
)
# (title, kind, days from today, elements, status)
ACTIVITIES = (
    (
        "Ouderavond ‘Help mee bij LOB’",
        ActivityKind.OUDERAVOND,
        -20,
        ["ouders", "verwachtingen"],
        ActivityStatus.HELD,
    ),
    (
        "Meeloopdag Techniek op het ROC",
        ActivityKind.EXCURSIE,
        25,
        ["praktijkervaring", "reflectie"],
        ActivityStatus.PLANNED,
    ),
    (
        "Studiemiddag mentoren: het loopbaangesprek",
        ActivityKind.STUDIEMIDDAG,
        50,
        ["reflectie", "zelfvertrouwen"],
        ActivityStatus.PLANNED,
    ),
)
# (description, planned, spent)
LINES = (
    ("Vervoer meeloopdagen leerjaar 3", "1200.00", "350.00"),
    ("Scholing mentoren loopbaangesprek", "900.00", "0.00"),
)


def _work(context: DemoContext, school, by) -> None:
    """The school's own goals, activities and budget lines, kept by its
    portefeuillehouder through the plan's own services."""
    partnership = school.partnership
    if Goal.objects.filter(partnership=partnership, school=school).exists():
        return
    today = timezone.localdate()
    goals = []
    for title, specific, indicator, unit, base, target, months, theme, value in GOALS:
        goal = goal_services.goal_create(
            partnership=partnership,
            by=by,
            school=school,
            title=title,
            specific=specific,
            indicator=indicator,
            unit=unit,
            baseline=Decimal(base),
            target=Decimal(target),
            deadline=school_day(today, 30 * months, partnership=partnership),
            owner=by,
            theme_key=theme,
        )
        goal_services.measurement_add(
            goal=goal,
            date=today - datetime.timedelta(days=30),
            value=Decimal(value),
            by=by,
        )
        goals.append(goal)
    for n, (title, kind, days, elements, status) in enumerate(ACTIVITIES):
        activity_services.activity_create(
            partnership=partnership,
            by=by,
            school=school,
            title=title,
            kind=kind,
            date=school_day(today, days, partnership=partnership),
            start_time=datetime.time(19 if kind == ActivityKind.OUDERAVOND else 10),
            place=school.name,
            elements=elements,
            goals=[goals[n % len(goals)]],
            status=status,
            organisations=[school],
        )
    # The source with the most left to plan, so the school's lines plan no more than
    # it grants.
    source = (
        FundingSource.objects.filter(partnership=partnership)
        .annotate(left=F("amount") - Coalesce(Sum("lines__planned"), Decimal(0)))
        .order_by("-left", "name")
        .first()
    )
    if source is not None:
        for description, planned, spent in LINES:
            budget_services.line_create(
                source=source,
                by=by,
                school=school,
                organisation=school,
                description=description,
                planned=Decimal(planned),
                spent=Decimal(spent),
            )
        context.count("school_budget_lines", len(LINES))
    context.count("school_goals", len(GOALS))
    context.count("school_activities", len(ACTIVITIES))


def _scan_point(school, by) -> None:
    scan = (
        Session.objects.filter(
            partnership=school.partnership_id, organisation=school, state=State.CLOSED
        )
        .order_by("-date", "-pk")
        .first()
    )
    if scan is None:
        return
    weak = scan_summary(scan).weak
    if weak:
        scan_action_point(session=scan, element_key=weak[0].key, by=by)
