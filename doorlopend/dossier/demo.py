"""The demo partnership's doorstroomdossiers: the agreement, and three leavers of the demo
decaan's vo school — one complete and approved, one with part C and consent, one in
progress. Idempotent: nothing is added once the agreement exists."""

from __future__ import annotations

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.models import Membership, RoleAssignment
from doorlopend.partnerships.roles import Role
from doorlopend.transitions.models import Transition

from .choices import PART_A_FIELDS, Actor
from .models import DossierAgreement
from .selectors import parent_needed
from .services import agreement, parts

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
