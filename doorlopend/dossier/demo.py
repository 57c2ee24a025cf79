"""Demo of the doorstroomdossier's handover: the intake of the first mbo school
(intake@…, the demo password) with one dossier it read and discussed."""

from __future__ import annotations

from django.db.models import Prefetch

from doorlopend.accounts.demo import demo_user
from doorlopend.core.demo import DEMO_DOMAIN, DemoContext
from doorlopend.partnerships import services as partnership_services
from doorlopend.partnerships.models import Membership, Organisation, RoleAssignment
from doorlopend.partnerships.roles import Role
from doorlopend.transitions.models import Transition

from .models import Dossier, DossierAgreement, Handover
from .selectors.handover import ACTIVE_REGISTRATION, incoming_get
from .services import handover as handover_services
from .services import parts

INTAKE_EMAIL = f"intake@{DEMO_DOMAIN}"
PART_A = {
    "school_career": "Basisschool De Regenboog, daarna vmbo kader. Het tweede jaar ging moeilijk, nu gaat het goed.",
    "placements": "Stage bij een kinderdagverblijf en een meeloopdag op het mbo.",
    "choice": "Ik heb met mijn mentor gepraat en twee open dagen bezocht.",
    "eindopdracht": "Een presentatie over werken in de zorg, met een interview met een verzorgende.",
    "learning": "Korte opdrachten en iemand die laat zien hoe het moet.",
    "support_wishes": "Een rustige plek bij toetsen.",
}


def load_demo(context: DemoContext) -> None:
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
    transition = (
        Transition.objects.filter(
            partnership=partnership,
            receiving_organisation=mbo,
            status__in=sorted(ACTIVE_REGISTRATION),
            sending_organisation__isnull=False,
        )
        .order_by("-cohort", "pk")
        .first()
    )
    if transition is None:
        return
    dossier = parts.dossier_get_or_create(transition=transition)
    for field, text in PART_A.items():
        parts.part_a_field_save(dossier=dossier, field=field, text=text)
    parts.part_b_save(
        dossier=dossier,
        advice="Niveau 3 in de zorg past goed bij de inzet en de stage van deze leerling.",
        attendance_results="Bijna altijd aanwezig. Goede resultaten bij praktijkvakken, Nederlands vraagt aandacht.",
        by=context.people.get("mentor"),
    )
    dossier = Dossier.objects.get(pk=dossier.pk)
    for part in ("a", "b"):
        parts.approval_record(
            dossier=dossier,
            part=part,
            version=dossier.version_of(part),
            decision="approved",
            by="pupil",
        )
    membership = Membership.objects.prefetch_related(
        Prefetch(
            "roles", queryset=RoleAssignment.objects.select_related("organisation")
        )
    ).get(partnership=partnership, user=person)
    incoming = incoming_get(school=mbo, transition_id=transition.pk)
    handover_services.handover_discussed(incoming=incoming, school=mbo, by=membership)
    context.count("handovers", 1)
