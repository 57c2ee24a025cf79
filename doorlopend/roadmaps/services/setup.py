"""Making roadmaps: a partnership's checklist, a route's step plan, and their item rows."""

from __future__ import annotations

from django.db import transaction

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.instruments.services import version_mark_used
from doorlopend.partnerships.models import Organisation, Partnership
from doorlopend.routes.models import Leerroute

from ..models import ItemState, Roadmap

# The roadmaps shipped as data files (instruments/data/<key>/<version>.yaml).
CHECKLIST_KEY = "checklist-leerlijn-lob"
STEP_PLAN_KEY = "doorlopende-leerroute"


def latest_version(key: str) -> InstrumentVersion:
    return InstrumentVersion.objects.roadmaps().filter(key=key).latest("version")


def _schools(partnership: Partnership) -> list[Organisation]:
    return [o for o in partnership.organisations.all() if o.is_school]


def states_ensure(*, roadmap: Roadmap) -> int:
    """Give every item its row (per school where its block applies per school).

    Safe to call again: a school added to the partnership later gets its rows then.
    Returns how many rows were added. Every page of a roadmap calls it, so it opens no
    transaction when nothing is missing (bulk_create is atomic and ignores a row a
    concurrent request made first).
    """
    definition = roadmap.definition
    schools = None
    wanted = []
    for block in definition.blocks:
        if block.per_school and schools is None:
            schools = _schools(roadmap.partnership)
        for item in block.items:
            for school in schools if block.per_school else [None]:
                wanted.append((item.key, school.pk if school else None))
    existing = set(
        ItemState.objects.filter(roadmap=roadmap).values_list(
            "item_key", "organisation_id"
        )
    )
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
    roadmap = (
        Roadmap.objects.filter(
            partnership=partnership,
            route=None,
            version__key=CHECKLIST_KEY,
        )
        .select_related("version", "partnership")
        .order_by("-version__version")
        .first()
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
