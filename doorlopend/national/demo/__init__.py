"""Demo data for the national picture.

load_demo: the demo's landelijk adviseur gets the staff grant, and five small example
partnerships each close one reflection session, so that with the demo partnership the
national spread has enough partnerships to show. With --large: one closed session in
each bench partnership that has none (bench-0 has its national day already), and the
other national pictures' volume (`demo.bench`).
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from doorlopend.core.demo import DemoContext
from doorlopend.instruments.models import InstrumentVersion
from doorlopend.partnerships.models import Partnership
from doorlopend.partnerships.roles import Role
from doorlopend.programme.models import Programme
from doorlopend.reflection.choices import DONT_KNOW, Layer, Sector, State
from doorlopend.reflection.models import Answer, Participant, Session
from doorlopend.reflection.services.totals import question_totals_fill

from ..models import NationalAdviser
from . import bench as demo_bench

EXAMPLES = [
    ("Voorbeeldverband Noord", "voorbeeld-noord"),
    ("Voorbeeldverband Oost", "voorbeeld-oost"),
    ("Voorbeeldverband Zuid", "voorbeeld-zuid"),
    ("Voorbeeldverband West", "voorbeeld-west"),
    ("Voorbeeldverband Midden", "voorbeeld-midden"),
]
MIX = [
    (Sector.VO, Layer.BESTUUR),
    (Sector.VO, Layer.UITVOERING),
    (Sector.MBO, Layer.MANAGEMENT),
    (Sector.MBO, Layer.UITVOERING),
    (Sector.GEMEENTE, Layer.MANAGEMENT),
    (Sector.BEDRIJFSLEVEN, Layer.UITVOERING),
]


def load_demo(context: DemoContext) -> None:
    adviser = context.people.get(Role.LANDELIJK_ADVISEUR)
    if adviser is not None:
        NationalAdviser.objects.get_or_create(user=adviser)
    created = []
    for name, slug in EXAMPLES:
        partnership, made = Partnership.objects.get_or_create(
            slug=slug, defaults={"name": name}
        )
        if made:
            created.append(partnership)
    context.count("partnerships", len(created))
    _closed_sessions(created, people=8, rng=random.Random(18))


def load_large(context: DemoContext) -> None:
    without = Partnership.objects.filter(slug__startswith="bench-").exclude(
        reflection_sessions__isnull=False
    )
    partnerships = list(without.order_by("id"))
    _closed_sessions(partnerships, people=12, rng=random.Random(1800))
    bench = demo_bench.bench_partnerships()
    if not bench or Programme.objects.filter(partnership__in=bench).exists():
        return
    rng = random.Random(1818)
    context.count("checklist rows", demo_bench.checklists(bench, rng))
    context.count("programme items", demo_bench.programmes(bench, rng))
    context.count("leerroutes", demo_bench.routes(bench, rng))
    context.count("transitions", demo_bench.transitions(bench))


def _closed_sessions(partnerships: list, *, people: int, rng: random.Random) -> None:
    """One closed reflectietool session per partnership, each at its own level."""
    if not partnerships:
        return
    tool = InstrumentVersion.objects.get(key="reflectietool", version=1)
    keys = [q.key for q in tool.definition.questions]
    day = timezone.localdate() - timedelta(days=90)
    sessions = Session.objects.bulk_create(
        Session(
            partnership=p,
            instrument=tool,
            title="Reflectie samenwerking",
            date=day,
            state=State.CLOSED,
            join_code=f"N{n:05d}",  # closed: the code need not be unique or typeable
        )
        for n, p in enumerate(partnerships)
    )
    Participant.objects.bulk_create(
        (
            Participant(
                session=s,
                token=f"national-{s.pk}-{i}",
                sector=MIX[i % len(MIX)][0],
                layer=MIX[i % len(MIX)][1],
            )
            for s in sessions
            for i in range(people)
        ),
        batch_size=2000,
    )
    level = {s.pk: rng.uniform(2.2, 4.3) for s in sessions}
    answers = Participant.objects.filter(session__in=sessions).values_list(
        "pk", "session_id"
    )

    def score(session_id: int) -> int:
        if rng.random() < 0.06:
            return DONT_KNOW
        return min(5, max(1, round(rng.gauss(level[session_id], 0.8))))

    Answer.objects.bulk_create(
        (
            Answer(participant_id=pk, question_key=k, value=score(sid))
            for pk, sid in answers.iterator()
            for k in keys
        ),
        batch_size=5000,
    )
    # Closed without session_close: their sums for the national figures, as it makes them.
    question_totals_fill(
        sessions=Session.objects.filter(pk__in=[s.pk for s in sessions])
    )
