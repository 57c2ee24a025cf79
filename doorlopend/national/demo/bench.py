"""National volume for the national pictures (`load_demo --large`): the bench
partnerships other than bench-0 gain a worked checklist, an LOB programme with rated
items, a few leerroutes and one small year of transitions, each partnership at its own
level, so that every national picture spreads over many partnerships. Written in bulk.
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from doorlopend.partnerships.models import Organisation, Partnership
from doorlopend.programme.elements import element_choices_of, newest_elements_version
from doorlopend.programme.models import ItemRating, Programme, ProgrammeItem
from doorlopend.roadmaps.models import ItemState, Status
from doorlopend.roadmaps.services.setup import checklist_for
from doorlopend.routes.models import Leerroute
from doorlopend.transitions.demo import load_small_cohort
from doorlopend.transitions.models import Transition

PROFILES = ["zw", "pie", "eo", "bwi", "groen", "mvi", "hbr", "dp", "mobt", "mat"]


def bench_partnerships() -> list[Partnership]:
    return list(
        Partnership.objects.filter(slug__startswith="bench-")
        .exclude(slug="bench-0")
        .order_by("id")
    )


def checklists(partnerships: list[Partnership], rng: random.Random) -> int:
    """Four in five partnerships work their checklist, each at its own pace."""
    states = []
    for n, partnership in enumerate(partnerships):
        if n % 5 == 4:
            continue
        roadmap = checklist_for(partnership=partnership)
        pace = rng.uniform(0.1, 0.9)
        for state in ItemState.objects.filter(roadmap=roadmap):
            draw = rng.random()
            state.status = (
                Status.DONE
                if draw < pace
                else Status.NOT_APPLICABLE
                if draw > 0.95
                else Status.IN_PROGRESS
            )
            states.append(state)
    ItemState.objects.bulk_update(states, ["status"], batch_size=1000)
    return len(states)


def programmes(partnerships: list[Partnership], rng: random.Random) -> int:
    """Two in three partnerships have a programme of 16 items, rated on every element."""
    version = newest_elements_version()
    chosen = [p for n, p in enumerate(partnerships) if n % 3 != 2]
    made = Programme.objects.bulk_create(
        Programme(
            partnership=p,
            name="LOB-programma",
            school_year=timezone.localdate().year,
            elements_version=version,
        )
        for p in chosen
    )
    grid = [(level, year) for level in ("vmbo", "mbo") for year in range(1, 5)]
    items = ProgrammeItem.objects.bulk_create(
        (
            ProgrammeItem(
                programme=programme,
                title=f"Onderdeel {n}",
                level=grid[n % len(grid)][0],
                year=grid[n % len(grid)][1],
                form="gastles",
            )
            for programme in made
            for n in range(16)
        ),
        batch_size=2000,
    )
    keys = [key for key, _title in element_choices_of(made[0])] if made else []
    strength = {p.pk: rng.uniform(0.2, 0.9) for p in made}
    ItemRating.objects.bulk_create(
        (
            ItemRating(
                item=item,
                element=key,
                score=2 if rng.random() < strength[item.programme_id] else 0,
            )
            for item in items
            for key in keys
        ),
        batch_size=5000,
    )
    return len(items)


def mbo_schools(partnerships: list[Partnership]) -> dict[int, Organisation]:
    """Each partnership's first mbo school; one is added where the bench register gave
    the partnership none (most bench partnerships hold only vo schools)."""
    mbo: dict[int, Organisation] = {}
    for school in Organisation.objects.filter(
        partnership__in=partnerships, kind="mbo"
    ).order_by("pk"):
        mbo.setdefault(school.partnership_id, school)
    missing = [p for p in partnerships if p.pk not in mbo]
    for school in Organisation.objects.bulk_create(
        Organisation(partnership=p, name=f"Bench-mbo {p.slug}", kind="mbo")
        for p in missing
    ):
        mbo[school.partnership_id] = school
    return mbo


def routes(partnerships: list[Partnership], rng: random.Random) -> int:
    """One to four leerroutes in three of four partnerships, in varied sectors."""
    mbo = mbo_schools(partnerships)
    year = timezone.localdate().year + 1
    made = Leerroute.objects.bulk_create(
        Leerroute(
            partnership=p,
            name=f"Leerroute {i + 1}",
            mbo_location=mbo[p.pk],
            leerweg="kb",
            profile=PROFILES[(n + i * 3) % len(PROFILES)],
            crebo=f"{25000 + i:05d}",
            qualification=f"Kwalificatie {i + 1}",
            mbo_leerweg="bol",
            start_year=year,
            start_date=datetime.date(year, 8, 1),
        )
        for n, p in enumerate(partnerships)
        if n % 4 != 3 and p.pk in mbo
        for i in range(1 + rng.randrange(4))
    )
    return len(made)


def transitions(partnerships: list[Partnership]) -> int:
    """Half the partnerships imported one year: a few pupils per vo school."""
    year = timezone.localdate().year - 1
    if Transition.objects.filter(partnership__in=partnerships).exists():
        return 0
    mbo_schools(partnerships)
    made = 0
    for n, p in enumerate(partnerships):
        if n % 2:
            continue
        made += load_small_cohort(
            partnership=p,
            year=year,
            per_school=12,
            seed=1800 + n,
            pgn_offset=2_000_000 + n * 1000,
        )
    return made
