"""Demo reflection sessions: two closed ones a season apart (a trend), one open, one concept;
and (scans.py) two schools' LOB-scans a year apart and the opening poll."""

import random
from datetime import timedelta

from django.utils import timezone

from doorlopend.core.demo import DemoContext
from doorlopend.instruments.models import InstrumentVersion
from doorlopend.partnerships.models import Organisation
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.selectors import membership_of

from .. import services
from ..choices import DONT_KNOW, Layer, Sector
from ..models import Session
from ..services.totals import question_totals_fill
from . import scans

# Sector and layer of the demo participants: a stuurgroep-and-werkgroep mix.
PEOPLE = [
    (Sector.VO, Layer.BESTUUR),
    (Sector.VO, Layer.MANAGEMENT),
    (Sector.VO, Layer.UITVOERING),
    (Sector.VO, Layer.UITVOERING),
    (Sector.VO, Layer.UITVOERING),
    (Sector.MBO, Layer.BESTUUR),
    (Sector.MBO, Layer.MANAGEMENT),
    (Sector.MBO, Layer.UITVOERING),
    (Sector.MBO, Layer.UITVOERING),
    (Sector.HBO, Layer.MANAGEMENT),
    (Sector.GEMEENTE, Layer.MANAGEMENT),
    (Sector.BEDRIJFSLEVEN, Layer.UITVOERING),
]

# Where the demo partnership stands: monitoring weak, relation strong; vo and mbo differ.
THEME_LEVEL = {
    "visie-en-ambitie": 3.6,
    "relatie": 4.1,
    "betrokken-partners": 3.3,
    "daadkracht": 2.9,
    "inspiratie": 3.5,
    "monitoring": 2.3,
}


def _score(rng: random.Random, level: float, sector: str) -> int:
    if rng.random() < 0.06:
        return DONT_KNOW
    shift = 0.5 if sector == Sector.VO else -0.4 if sector == Sector.MBO else 0
    return min(5, max(1, round(rng.gauss(level + shift, 0.8))))


def _run(session: Session, people: list, rng: random.Random, lift: float = 0.0) -> None:
    definition = session.instrument.definition
    for sector, layer in people:
        participant = services.participant_join(
            session=session, sector=sector, layer=layer
        )
        values = {
            q.key: _score(rng, THEME_LEVEL.get(t.key, 3.5) + lift, sector)
            for t in definition.themes
            for q in t.questions
        }
        services.answers_save(participant=participant, values=values)


def load_demo(context: DemoContext) -> None:
    _partnership_sessions(context)
    scans.load_scans(context)


def _partnership_sessions(context: DemoContext) -> None:
    partnership = context.partnership
    if Session.objects.filter(partnership=partnership, organisation=None).exists():
        return
    rng = random.Random(2026)
    today = timezone.localdate()
    tool = InstrumentVersion.objects.get(key="reflectietool", version=1)
    coordinator = membership_of(
        partnership=partnership, user=context.people[Role.COORDINATOR]
    )

    autumn = services.session_create(
        partnership=partnership,
        instrument=tool,
        title="Reflectie samenwerking najaar",
        date=today - timedelta(days=365),
        by=coordinator,
    )
    services.session_open(session=autumn)
    _run(autumn, PEOPLE, rng)
    services.session_close(session=autumn)

    spring = services.session_create(
        partnership=partnership,
        instrument=tool,
        title="Reflectie samenwerking voorjaar",
        date=today - timedelta(days=180),
        by=coordinator,
    )
    services.session_open(session=spring)
    _run(spring, PEOPLE + PEOPLE[:3], rng, lift=0.3)
    services.session_phase_set(session=spring, phase="actiepunten")
    services.theme_note_save(
        session=spring,
        theme_key="monitoring",
        text="Vo en mbo gebruiken elk een eigen systeem; niemand ziet wie in oktober niet is gestart.",
        by=coordinator,
    )
    services.theme_note_save(
        session=spring,
        theme_key="relatie",
        text="De bustour langs de mbo-scholen werkte: herhalen, nu ook met werkgevers.",
        by=coordinator,
    )
    member = coordinator
    mbo = Organisation.objects.filter(partnership=partnership, kind="mbo").first()
    services.action_point_create(
        session=spring,
        title="Afspraken maken over een gedeelde doorstroommonitor vo-mbo",
        theme_key="monitoring",
        owner_member=member,
        due_date=today + timedelta(days=30),
        by=coordinator,
    )
    services.action_point_create(
        session=spring,
        title="Visie en ambitie bovenaan elke agenda van de stuurgroep",
        theme_key="visie-en-ambitie",
        owner_organisation=mbo,
        due_date=today - timedelta(days=20),
        by=coordinator,
    )
    services.session_close(session=spring)

    live = services.session_create(
        partnership=partnership,
        instrument=tool,
        title="Werkgroep LOB: reflectie vandaag",
        date=today,
        by=coordinator,
    )
    services.session_open(session=live)
    _run(live, PEOPLE[:4], rng)

    services.session_create(
        partnership=partnership,
        instrument=InstrumentVersion.objects.get(key="besluitvorming", version=1),
        title="Stuurgroep: besluit over de doorlopende leerroute zorg en welzijn",
        date=today + timedelta(days=14),
        by=coordinator,
    )
    context.count("reflection_sessions", 4)


def load_large(context: DemoContext) -> None:
    _national_day(context)
    scans.load_large_scans(context)


def _national_day(context: DemoContext) -> None:
    """The first bench partnership runs a national LOB day: 1,000 participants, 22 answers each,
    and nine earlier sessions of 30 (a trend of ten points)."""
    from doorlopend.partnerships.models import Partnership

    from ..choices import State
    from ..models import ActionPoint, Answer, Participant

    partnership = Partnership.objects.filter(slug="bench-0").first()
    if (
        partnership is None
        or Session.objects.filter(partnership=partnership, organisation=None).exists()
    ):
        return
    tool = InstrumentVersion.objects.get(key="reflectietool", version=1)
    keys = [q.key for q in tool.definition.questions]
    rng = random.Random(7)
    today = timezone.localdate()
    sizes = [30] * 9 + [1000]
    sessions = Session.objects.bulk_create(
        Session(
            partnership=partnership,
            instrument=tool,
            title=f"Benchsessie {n}",
            date=today - timedelta(days=60 * (len(sizes) - n)),
            state=State.CLOSED,
            join_code=f"BENCH{n}",  # closed: the code need not be unique or typeable
        )
        for n in range(len(sizes))
    )
    people = [
        Participant(session=s, token=f"bench-{s.pk}-{i}", sector=sector, layer=layer)
        for s, size in zip(sessions, sizes, strict=True)
        for i, (sector, layer) in zip(range(size), _cycle(PEOPLE), strict=False)
    ]
    Participant.objects.bulk_create(people, batch_size=2000)
    participants = Participant.objects.filter(session__in=sessions).only("pk", "sector")
    Answer.objects.bulk_create(
        (
            Answer(participant=p, question_key=k, value=_score(rng, 3.4, p.sector))
            for p in participants.iterator()
            for k in keys
        ),
        batch_size=5000,
    )
    # Closed without session_close: their sums for the national figures, as it makes them.
    question_totals_fill(
        sessions=Session.objects.filter(pk__in=[s.pk for s in sessions])
    )
    ActionPoint.objects.bulk_create(
        ActionPoint(
            partnership=partnership,
            session=sessions[-1],
            title=f"Benchactiepunt {n}",
            theme_key=tool.definition.themes[n % 6].key,
        )
        for n in range(40)
    )
    context.count("reflection_answers", len(keys) * sum(sizes))


def _cycle(items):
    while True:
        yield from items
