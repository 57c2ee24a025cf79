"""Making roadmaps: a partnership's checklist, a route's step plan, and their item rows."""

from __future__ import annotations

from django.db import transaction
from django.db.models import CharField, Value

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.instruments.services import version_mark_used
from doorlopend.partnerships.models import SCHOOL_KINDS, Organisation, Partnership
from doorlopend.routes.models import Leerroute

from ..models import ItemState, Roadmap
from ..selectors import partnership_roadmaps

# The roadmaps shipped as data files (instruments/data/<key>/<version>.yaml).
CHECKLIST_KEY = "checklist-leerlijn-lob"
STEP_PLAN_KEY = "doorlopende-leerroute"


def latest_version(key: str) -> InstrumentVersion:
    return InstrumentVersion.objects.roadmaps().filter(key=key).latest("version")


# The mark of a school's row in `_existing_and_schools` (item keys are never empty).
_SCHOOL = ""


def _existing_and_schools(roadmap: Roadmap) -> tuple[set[tuple[str, int | None]], list]:
    """The (item key, school) pairs that have a row, and the partnership's schools' ids:
    one query (a union), as every page of a roadmap asks it first."""
    existing = ItemState.objects.filter(roadmap=roadmap).values_list(
        "item_key", "organisation_id"
    )
    schools = Organisation.objects.filter(
        partnership_id=roadmap.partnership_id, kind__in=SCHOOL_KINDS
    ).values_list(Value(_SCHOOL, output_field=CharField()), "pk")
    pairs: set[tuple[str, int | None]] = set()
    school_ids = []
    for key, pk in existing.order_by().union(schools.order_by(), all=True):
        if key == _SCHOOL:
            school_ids.append(pk)
        else:
            pairs.add((key, pk))
    return pairs, sorted(school_ids)


def states_ensure(*, roadmap: Roadmap) -> int:
    """Give every item its row (per school where its block applies per school).

    Safe to call again: a school added to the partnership later gets its rows then.
    Returns how many rows were added. Every page of a roadmap calls it, so it opens no
    transaction when nothing is missing (bulk_create is atomic and ignores a row a
    concurrent request made first), and asks in one query.
    """
    existing, schools = _existing_and_schools(roadmap)
    wanted = []
    for block in roadmap.definition.blocks:
        for item in block.items:
            for school in schools if block.per_school else [None]:
                wanted.append((item.key, school))
    new = [
        ItemState(roadmap=roadmap, item_key=key, organisation_id=school)
        for key, school in wanted
        if (key, school) not in existing
    ]
    if new:
        ItemState.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def checklist_for(*, partnership: Partnership) -> Roadmap:
    """The partnership's checklist (seed 000), made with the newest version the first time."""
    roadmap = max(
        (
            r
            for r in partnership_roadmaps(partnership=partnership)
            if r.route_id is None and r.version.key == CHECKLIST_KEY
        ),
        key=lambda r: r.version.version,
        default=None,
    )
    if roadmap is None:
        with transaction.atomic():
            version = latest_version(CHECKLIST_KEY)
            roadmap = Roadmap.objects.create(partnership=partnership, version=version)
            version_mark_used(version=version)
    states_ensure(roadmap=roadmap)
    return roadmap


def step_plan_for(*, route: Leerroute) -> Roadmap:
    """The route's step plan (seed 002), made with the newest version the first time."""
    roadmap = (
        Roadmap.objects.filter(route=route)
        .select_related("version", "partnership")
        .first()
    )
    if roadmap is None:
        with transaction.atomic():
            version = latest_version(STEP_PLAN_KEY)
            roadmap = Roadmap.objects.create(
                partnership=route.partnership, route=route, version=version
            )
            version_mark_used(version=version)
    states_ensure(roadmap=roadmap)
    return roadmap
