"""Demo tasks, communication plan and change assignments of Rivierenland (issue 7).

Made through the services, as people would. Dates are relative to today: some tasks are
overdue, some done. The demo portefeuillehouder writes their own school's assignment; the
coördinator two more. Idempotent: each part is skipped when the partnership already has it.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.models import SCHOOL_KINDS, Membership, Organisation
from doorlopend.partnerships.roles import Role

from ..models import Activity, ChangeAssignment, CommunicationItem, Goal, Task
from ..services import assignments, communication, tasks
from .dates import school_day

# title, owner role, days from today to the due date, status, linked to (goal/activity)
TASKS = [
    (
        "Jaarplanning LOB-activiteiten delen met alle scholen",
        Role.COORDINATOR,
        -5,
        "in_progress",
        None,
    ),
    ("Gastsprekers uit de bouw benaderen", Role.WERKGROEPLID, -12, "open", "activity"),
    ("Evaluatieformulier excursie opstellen", Role.AMBASSADEUR, 10, "open", "activity"),
    ("Meting doorstroom vmbo-mbo aanleveren", Role.DECAAN, -2, "open", "goal"),
    ("Lesbrief loopbaangesprek aanpassen", Role.DOCENT, 21, "in_progress", None),
    ("Verslag reflectiesessie rondsturen", Role.COORDINATOR, -20, "done", None),
    ("Begroting tweede helft bijwerken", Role.COORDINATOR, 30, "open", "goal"),
    ("Ouderavond mbo-oriëntatie voorbereiden", Role.MENTOR, -8, "done", "activity"),
]

# audience, message, channel, days from today, owner role, status
COMMUNICATION = [
    (
        "leerlingen",
        "Aankondiging van de meeloopdagen op het mbo in het voorjaar.",
        "mentorles en schoolapp",
        14,
        Role.MENTOR,
        "planned",
    ),
    (
        "ouders",
        "Ouderavond over de overstap naar het mbo en de doorlopende leerroute.",
        "ouderavond",
        35,
        Role.DECAAN,
        "planned",
    ),
    (
        "decanen",
        "Afspraken over het doorstroomdossier en de warme overdracht.",
        "decanenoverleg",
        -10,
        Role.COORDINATOR,
        "done",
    ),
    (
        "docenten",
        "Wat de 7 elementen voor effectieve LOB betekenen in de les.",
        "studiemiddag",
        28,
        Role.WERKGROEPLID,
        "in_progress",
    ),
    (
        "bedrijfsleven",
        "Oproep voor gastlessen en bedrijfsbezoeken in het nieuwe schooljaar.",
        "nieuwsbrief werkgevers",
        7,
        Role.AMBASSADEUR,
        "planned",
    ),
    (
        "bestuur",
        "Voortgangsrapportage van het plan van aanpak.",
        "stuurgroepvergadering",
        60,
        Role.COORDINATOR,
        "planned",
    ),
]

# Per school (in order: the portefeuillehouder's school first): parts, milestones
# (title, days, reached), updates (days ago, state, text).
ASSIGNMENTS = [
    (
        {
            "what": "Elke leerling in de bovenbouw voert twee loopbaangesprekken per jaar.",
            "why": "Leerlingen kiezen nu vaak laat en zonder beeld van het mbo.",
            "who": "Mentoren en decaan, met de teamleider bovenbouw als trekker.",
            "when": "Start na de herfstvakantie, evaluatie voor de zomer.",
            "where": "Vmbo-bovenbouw, alle profielen.",
            "how": "Scholing van mentoren, een vast gespreksformat en registratie in het loopbaandossier.",
        },
        [
            ("Gespreksformat vastgesteld", -30, True),
            ("Mentoren geschoold", 14, False),
            ("Evaluatie met het MT", 120, False),
        ],
        [
            (40, "on_track", "Format is klaar en besproken in het MT."),
            (6, "attention", "Scholing loopt uit door roosterproblemen."),
        ],
    ),
    (
        {
            "what": "Startopdracht in het eerste jaar sluit aan op de eindopdracht van het vmbo.",
            "why": "Studenten herkennen hun eigen keuzeproces en vallen minder uit.",
            "who": "Opleidingsteams techniek en zorg.",
            "when": "Schooljaar 2026-2027.",
            "where": "",
            "how": "",
        },
        [
            ("Eindopdrachten vmbo verzameld", -14, True),
            ("Startopdracht getest", 45, False),
        ],
        [(10, "on_track", "Eindopdrachten van drie vmbo-scholen ontvangen.")],
    ),
    (
        {
            "what": "Gastlessen door studenten van het hbo in de havo-bovenbouw.",
            "why": "",
            "who": "",
            "when": "",
            "where": "",
            "how": "",
        },
        [("Afspraken met de hogeschool", -3, False)],
        [
            (
                3,
                "behind",
                "Nog geen afspraak met de hogeschool; trekker is langdurig afwezig.",
            )
        ],
    ),
]


def _members(partnership, context: DemoContext) -> dict[str, Membership]:
    users = context.people
    by_user = {
        m.user_id: m
        for m in Membership.objects.prefetch_related("roles").filter(
            partnership=partnership, user__in=users.values()
        )
    }
    return {role: by_user[u.pk] for role, u in users.items() if u.pk in by_user}


def _tasks(partnership, members, today) -> int:
    if Task.objects.filter(partnership=partnership).exists():
        return 0
    goal = Goal.objects.filter(partnership=partnership).order_by("pk").first()
    activity = Activity.objects.filter(partnership=partnership).order_by("pk").first()
    coordinator = members[Role.COORDINATOR]
    for title, role, days, status, link in TASKS:
        tasks.task_create(
            partnership=partnership,
            by=coordinator,
            title=title,
            owner=members.get(role),
            due_date=today + datetime.timedelta(days=days),
            status=status,
            goal=goal if link == "goal" else None,
            activity=activity if link == "activity" else None,
        )
    return len(TASKS)


def _communication(partnership, members, today) -> int:
    if CommunicationItem.objects.filter(partnership=partnership).exists():
        return 0
    for audience, message, channel, days, role, status in COMMUNICATION:
        communication.communication_item_create(
            partnership=partnership,
            audience=audience,
            message=message,
            channel=channel,
            moment=today + datetime.timedelta(days=days),
            owner=members.get(role),
            status=status,
        )
    return len(COMMUNICATION)


def _schools(partnership, lead: Membership | None) -> list[Organisation]:
    schools = list(
        Organisation.objects.filter(partnership=partnership, kind__in=SCHOOL_KINDS)
        .select_related("partnership")
        .order_by("name", "pk")
    )
    lead_school = (
        next((r.organisation_id for r in lead.roles.all() if r.organisation_id), None)
        if lead
        else None
    )
    # The portefeuillehouder's own school first: they write that one themselves.
    schools.sort(key=lambda s: s.pk != lead_school)
    return schools[: len(ASSIGNMENTS)]


def _assignments(partnership, members, today) -> int:
    lead = members.get(Role.PORTEFEUILLEHOUDER)
    coordinator = members[Role.COORDINATOR]
    made = 0
    for school, (parts, milestones, updates) in zip(
        _schools(partnership, lead), ASSIGNMENTS, strict=False
    ):
        if ChangeAssignment.objects.filter(
            partnership=partnership, organisation=school
        ).exists():
            continue
        by = (
            lead
            if lead and lead.has_perm("planning.assignment", school)
            else coordinator
        )
        assignments.assignment_save(organisation=school, by=by, **parts)
        for title, days, reached in milestones:
            milestone = assignments.milestone_add(
                organisation=school,
                by=by,
                title=title,
                date=school_day(today, days, partnership=partnership),
            )
            if reached:
                assignments.milestone_toggle(milestone=milestone, by=by)
        for days_ago, state, text in updates:
            assignments.progress_update_add(
                organisation=school,
                by=by,
                date=today - datetime.timedelta(days=days_ago),
                state=state,
                text=text,
            )
        made += 1
    return made


def load_demo(context: DemoContext) -> None:
    partnership = context.partnership
    if partnership is None:
        return
    members = _members(partnership, context)
    if members.get(Role.COORDINATOR) is None:
        return
    today = timezone.localdate()
    made = {
        "tasks": _tasks(partnership, members, today),
        "communication items": _communication(partnership, members, today),
        "change assignments": _assignments(partnership, members, today),
    }
    for what, n in made.items():
        if n:
            context.count(what, n)
