"""The demo partnership's doorstroomdossiers: the agreement, and three leavers of the demo
decaan's vo school — one complete and approved, one with part C and consent, one in
progress; and the intake of the first mbo school (intake@…) with one dossier it read and
discussed. Idempotent."""

from __future__ import annotations

from django.db.models import Prefetch

from doorlopend.accounts.demo import demo_user
from doorlopend.core.demo import DEMO_DOMAIN, DemoContext
from doorlopend.partnerships import services as partnership_services
from doorlopend.partnerships.models import Membership, Organisation, RoleAssignment
from doorlopend.partnerships.roles import Role
from doorlopend.transitions.models import Transition

from .choices import PART_A_FIELDS, Actor
from .models import Dossier, DossierAgreement, Handover
from .selectors import parent_needed
from .selectors.handover import ACTIVE_REGISTRATION, incoming_get
from .services import agreement, parts
from .services import handover as handover_services

INTAKE_EMAIL = f"intake@{DEMO_DOMAIN}"
HANDOVER_PART_A = {
    "school_career": "Basisschool De Regenboog, daarna vmbo kader. Het tweede jaar ging moeilijk, nu gaat het goed.",
    "placements": "Stage bij een kinderdagverblijf en een meeloopdag op het mbo.",
    "choice": "Ik heb met mijn mentor gepraat en twee open dagen bezocht.",
    "eindopdracht": "Een presentatie over werken in de zorg, met een interview met een verzorgende.",
    "learning": "Korte opdrachten en iemand die laat zien hoe het moet.",
    "support_wishes": "Een rustige plek bij toetsen.",
}


PART_A = {
    "school_career": "Basisschool De Regenboog, daarna vmbo kader. Klas 2 was lastig, "
    "daarna ging het steeds beter.",
    "placements": "Snuffelstage bij een garage, meeloopdag op het mbo (techniek), "
    "open dag van twee mbo-scholen.",
    "choice": "Ik heb met mijn mentor de LOB-opdrachten gedaan en een meeloopdag gekozen. "
    "Daarna wist ik het zeker.",
    "eindopdracht": "Een presentatie over mijn stage: wat ik deed en wat ik leerde.",
    "learning": "Doen en uitproberen. Korte uitleg en dan zelf aan de slag.",
    "support_wishes": "Een vast aanspreekpunt in de eerste weken.",
}
PART_B = {
    "advice": "Niveau 3 past goed bij wat hij kan; bij goede resultaten is niveau 4 "
    "haalbaar.",
    "attendance_results": "Komt afspraken na en is zelden afwezig. Sterk in de "
    "praktijkvakken, wiskunde vraagt oefening.",
}


def _decaan(context: DemoContext) -> tuple[Membership, int] | None:
    """The demo decaan's membership and their vo school."""
    role = (
        RoleAssignment.objects.filter(
            membership__partnership=context.partnership,
            membership__user=context.people.get(Role.DECAAN),
            role=Role.DECAAN,
            organisation__kind="vo",
        )
        .select_related("membership")
        .first()
    )
    return (role.membership, role.organisation_id) if role else None


def load_demo(context: DemoContext) -> None:
    _dossiers_load(context)
    _handover_load(context)


def _dossiers_load(context: DemoContext) -> None:
    partnership = context.partnership
    found = _decaan(context)
    if partnership is None or found is None:
        return
    if DossierAgreement.objects.filter(partnership=partnership).exists():
        return
    decaan, school_id = found
    agreement.agreement_save(
        partnership=partnership,
        kind="doorlopend",
        other_name="",
        holds="Deel A door de leerling, deel B door mentor of decaan, deel C "
        "(ondersteuning) alleen waar nodig en met toestemming.",
        handover_by="voor 1 april",
        by=decaan,
    )
    leavers = list(
        Transition.objects.filter(
            partnership=partnership, sending_organisation_id=school_id
        )
        .select_related("pupil")
        .order_by("-cohort", "pk")[:3]
    )
    for n, transition in enumerate(leavers):
        dossier = parts.dossier_get_or_create(transition=transition)
        fields = PART_A_FIELDS if n < 2 else PART_A_FIELDS[:2]
        for field in fields:
            parts.part_a_field_save(dossier=dossier, field=field, text=PART_A[field])
        if n == 2:
            continue  # in progress: the pupil is still writing, no part B yet
        parts.part_b_save(dossier=dossier, by=decaan, **PART_B)
        approve = ["a", "b"]
        if n == 1:
            parts.part_c_save(
                dossier=dossier,
                support_needed=True,
                care="Heeft dyslexie: extra tijd bij toetsen en teksten vooraf.",
                by=decaan,
            )
            approve.append("c")
        for part in approve:
            parts.approval_record(
                dossier=dossier,
                part=part,
                version=dossier.version_of(part),
                decision="approved",
                who=Actor.PUPIL,
            )
        if n == 1:
            parts.consent_give(dossier=dossier, who=Actor.PUPIL)
            if parent_needed(dossier):
                parts.consent_give(dossier=dossier, who=Actor.PARENT)
    context.count("dossiers", len(leavers))


def _handover_load(context: DemoContext) -> None:
    """The intake of the first mbo school, with one dossier it read and discussed (a
    leaver registered there whose dossier the part above did not make)."""
    partnership = context.partnership
    mbo = (
        Organisation.objects.filter(partnership=partnership, kind="mbo")
        .order_by("name")
        .first()
    )
    if mbo is None:
        return
    person, made = demo_user(INTAKE_EMAIL, "Intake mbo Demo")
    context.people["intake"] = person
    context.count("people", int(made))
    partnership_services.role_grant(
        partnership=partnership, user=person, role=Role.INTAKE, organisation=mbo
    )
    if Handover.objects.filter(partnership=partnership).exists():
        return
    DossierAgreement.objects.get_or_create(partnership=partnership)
    candidates = Transition.objects.filter(
        partnership=partnership,
        receiving_organisation=mbo,
        status__in=sorted(ACTIVE_REGISTRATION),
        sending_organisation__isnull=False,
        dossier__isnull=True,
    ).order_by("-cohort", "pk")
    # A leaver of the demo decaan's and mentor's school, so they see the handover too.
    found = _decaan(context)
    transition = (
        found and candidates.filter(sending_organisation_id=found[1]).first()
    ) or candidates.first()
    if transition is None:
        return
    dossier = parts.dossier_get_or_create(transition=transition)
    for field, text in HANDOVER_PART_A.items():
        parts.part_a_field_save(dossier=dossier, field=field, text=text)
    parts.part_b_save(
        dossier=dossier,
        advice="Niveau 3 in de zorg past goed bij de inzet en de stage van deze leerling.",
        attendance_results="Bijna altijd aanwezig. Goede resultaten bij praktijkvakken, Nederlands vraagt aandacht.",
        by=Membership.objects.filter(
            partnership=partnership, user=context.people.get(Role.MENTOR)
        ).first(),
    )
    dossier = Dossier.objects.get(pk=dossier.pk)
    for part in ("a", "b"):
        parts.approval_record(
            dossier=dossier,
            part=part,
            version=dossier.version_of(part),
            decision="approved",
            who=Actor.PUPIL,
        )
    membership = Membership.objects.prefetch_related(
        Prefetch(
            "roles", queryset=RoleAssignment.objects.select_related("organisation")
        )
    ).get(partnership=partnership, user=person)
    incoming = incoming_get(school=mbo, transition_id=transition.pk)
    handover_services.handover_discussed(incoming=incoming, school=mbo, by=membership)
    question = handover_services.handover_question_ask(
        incoming=incoming,
        school=mbo,
        by=membership,
        text="Welke stage vond de leerling het leukst, en waarom?",
    )
    sender = Membership.objects.filter(
        partnership=partnership, user=context.people.get(Role.MENTOR)
    ).first()
    if sender is not None:
        handover_services.handover_question_answer(
            question=question,
            school=transition.sending_organisation,
            by=sender,
            text="De stage bij het kinderdagverblijf: daar kreeg de leerling veel verantwoordelijkheid.",
        )
    context.count("handovers", 1)
