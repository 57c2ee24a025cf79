"""Demo progress on the roadmaps of Rivierenland: a checklist under way, a route's first steps.

Made through the services, as people would, so every item shown has its history. Dates
are relative to today: one item is overdue, two are due within four weeks. Idempotent:
a roadmap that already has history is left as it is.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.models import Membership
from doorlopend.partnerships.roles import Role
from doorlopend.reflection import services as reflection
from doorlopend.reflection.choices import Layer, Sector
from doorlopend.routes.models import Leerroute

from ..models import ItemChange, ItemState, Roadmap, Status
from ..services import decisions, items, setup
from .draagvlak import load_draagvlak

# item key → (status, owner role, days from today to the due date or None, notes)
CHECKLIST = {
    "vertegenwoordigers-samenbrengen": (Status.DONE, Role.COORDINATOR, None, ""),
    "gezamenlijke-definitie": (
        Status.DONE,
        Role.WERKGROEPLID,
        None,
        "Definitie vastgesteld in de werkgroep van maart.",
    ),
    "regionale-afspraken-onderzoeken": (
        Status.IN_PROGRESS,
        Role.WERKGROEPLID,
        -10,
        "Wachten op de afspraken van de gemeente.",
    ),
    "behoeften-en-verwachtingen": (Status.IN_PROGRESS, Role.AMBASSADEUR, 7, ""),
    "doelen-smart": (Status.NOT_STARTED, Role.COORDINATOR, 20, ""),
    "regionaal-plan-van-aanpak": (Status.IN_PROGRESS, Role.COORDINATOR, 60, ""),
    "werkgroepen-vormen": (Status.DONE, Role.COORDINATOR, None, ""),
}
# Per-school rows: item key → status, for the first schools (by name).
PER_SCHOOL = {
    "portefeuillehouder-benoemen": [Status.DONE, Status.DONE, Status.DONE],
    "veranderopdracht-formuleren": [Status.IN_PROGRESS, Status.DONE],
}
# Three steps of the demo route's step plan.
STEP_PLAN = {
    "benoemen-trekkers": (Status.DONE, Role.COORDINATOR, None, ""),
    "draagvlakonderzoek": (
        Status.DONE,
        Role.WERKGROEPLID,
        None,
        "Gesprekken met vier installatiebedrijven en de bouwopleider gevoerd.",
    ),
    "analyse": (Status.IN_PROGRESS, Role.COORDINATOR, 14, ""),
}


# The stuurgroep's scores on the four decision statements (seed 004), one row a person.
DECISION_SCORES = [
    (Sector.VO, [4, 3, 4, 3]),
    (Sector.MBO, [5, 3, 3, 4]),
    (Sector.GEMEENTE, [4, 2, 4, 3]),
    (Sector.BEDRIJFSLEVEN, [4, 4, 3, 2]),
]


def _member(partnership, context: DemoContext, role: str) -> Membership | None:
    user = context.people.get(role)
    if user is None:
        return None
    return (
        Membership.objects.prefetch_related("roles")
        .filter(partnership=partnership, user=user)
        .first()
    )


def _worked(roadmap: Roadmap) -> bool:
    return ItemChange.objects.filter(state__roadmap=roadmap).exists()


def _work(roadmap: Roadmap, plan: dict, by: Membership, people: dict) -> int:
    today = timezone.localdate()
    done = 0
    for key, (status, owner_role, due_in, notes) in plan.items():
        state = ItemState.objects.filter(
            roadmap=roadmap, item_key=key, organisation=None
        ).first()
        if state is None:  # a key the data file does not (or no longer) have
            continue
        items.state_update(
            state=state,
            by=by,
            status=status,
            owner=people.get(owner_role),
            due_date=today + datetime.timedelta(days=due_in)
            if due_in is not None
            else None,
            notes=notes,
        )
        done += 1
    return done


def _work_schools(roadmap: Roadmap, by: Membership, lead: Membership | None) -> int:
    schools = sorted(
        {s.organisation for s in roadmap.states.exclude(organisation=None)},
        key=lambda o: o.name,
    )
    lead_school = (
        next((r.organisation_id for r in lead.roles.all() if r.organisation_id), None)
        if lead
        else None
    )
    done = 0
    for key, statuses in PER_SCHOOL.items():
        for school, status in zip(schools, statuses, strict=False):
            state = ItemState.objects.filter(
                roadmap=roadmap, item_key=key, organisation=school
            ).first()
            if state is None:
                continue
            owner = lead if school.pk == lead_school else None
            items.state_update(state=state, by=by, status=status, owner=owner)
            done += 1
    return done


def load_demo(context: DemoContext) -> None:
    partnership = context.partnership
    if partnership is None:
        return
    coordinator = _member(partnership, context, Role.COORDINATOR)
    if coordinator is None:
        return
    people = {
        role: _member(partnership, context, role)
        for role in (Role.COORDINATOR, Role.WERKGROEPLID, Role.AMBASSADEUR)
    }
    checklist = setup.checklist_for(partnership=partnership)
    if not _worked(checklist):
        lead = _member(partnership, context, Role.PORTEFEUILLEHOUDER)
        made = _work(checklist, CHECKLIST, coordinator, people)
        made += _work_schools(checklist, coordinator, lead)
        context.count("roadmap items", made)
    route = Leerroute.objects.filter(partnership=partnership).order_by("pk").first()
    if route is None:
        return
    plan = setup.step_plan_for(route=route)
    if not _worked(plan):
        context.count("roadmap items", _work(plan, STEP_PLAN, coordinator, people))
        _decide(plan, coordinator)
    answered = load_draagvlak(plan, coordinator)
    if answered:
        context.count("draagvlak answers", answered)


def _decide(plan: Roadmap, coordinator: Membership) -> None:
    """The stuurgroep scored the decision statements before naming the trekkers."""
    state = ItemState.objects.filter(
        roadmap=plan, item_key="benoemen-trekkers", organisation=None
    ).first()
    if state is None or not state.item or not state.item.decision:
        return
    session = decisions.decision_start(state=state, by=coordinator)
    reflection.session_open(session=session)
    questions = [q.key for q in session.instrument.definition.questions]
    for sector, scores in DECISION_SCORES:
        participant = reflection.participant_join(
            session=session, sector=sector, layer=Layer.BESTUUR
        )
        reflection.answers_save(
            participant=participant, values=dict(zip(questions, scores, strict=False))
        )
    reflection.session_close(session=session)


def load_large(context: DemoContext) -> None:
    """The first bench partnership's checklist and its routes' step plans, half worked.

    Rows are written in bulk (no history): the benchmark measures reading them.
    """
    from doorlopend.partnerships.models import Partnership

    partnership = Partnership.objects.filter(slug="bench-0").first()
    if (
        partnership is None
        or Roadmap.objects.filter(partnership=partnership).filter(route=None).exists()
    ):
        return
    roadmaps = [setup.checklist_for(partnership=partnership)] + [
        setup.step_plan_for(route=route)
        for route in Leerroute.objects.filter(partnership=partnership)
    ]
    members = list(partnership.memberships.order_by("pk")[:10])
    today = timezone.localdate()
    statuses = [Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED, Status.DONE]
    states = list(ItemState.objects.filter(roadmap__in=roadmaps).order_by("pk"))
    for n, state in enumerate(states):
        state.status = statuses[n % len(statuses)]
        state.owner = members[n % len(members)] if members else None
        state.due_date = today + datetime.timedelta(days=(n % 90) - 30)
        state.notes = "Afgesproken in het kernteam."
    ItemState.objects.bulk_update(
        states, ["status", "owner", "due_date", "notes"], batch_size=500
    )
    context.count("roadmap items", len(states))
