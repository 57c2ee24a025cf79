"""Demo LOB-scans: two schools, each scanned a year ago and now (a trend), and the
opening poll of a werkgroep meeting. Idempotent: nothing is made twice."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from doorlopend.core.demo import DemoContext
from doorlopend.instruments.models import InstrumentVersion
from doorlopend.partnerships.models import SCHOOL_KINDS, Organisation
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.selectors import membership_of

from .. import services
from ..choices import DONT_KNOW, SCAN_KEY, Layer, Sector
from ..models import Session
from ..services import scans as scan_services

# Where each demo school stands per element (1–5): the decaan's school is weak on
# parents and reflection, the other on the transition; both grow over the year.
LEVELS = {
    0: {"ouders": 2.4, "reflectie": 2.8, "overgangen": 3.3, "praktijkervaring": 4.1},
    1: {"overgangen": 2.6, "samenhang": 3.0, "verwachtingen": 3.2, "proactief": 4.0},
}
TEAM = [Layer.MANAGEMENT, Layer.UITVOERING, Layer.UITVOERING, Layer.UITVOERING] * 2
POLL_TITLE = "Opening werkgroep LOB: waar staan we?"


def _answer(session: Session, levels: dict, sector: str, rng, lift: float) -> None:
    definition = session.instrument.definition
    for layer in TEAM:
        participant = services.participant_join(
            session=session, sector=sector, layer=layer
        )
        values = {}
        for theme in definition.themes:
            level = levels.get(theme.key, 3.5) + lift
            for q in theme.questions:
                score = min(5, max(1, round(rng.gauss(level, 0.9))))
                values[q.key] = DONT_KNOW if rng.random() < 0.05 else score
        services.answers_save(participant=participant, values=values)


def _schools(context: DemoContext) -> list[Organisation]:
    """The decaan's own school first, then another school of the partnership."""
    decaan = membership_of(
        partnership=context.partnership, user=context.people[Role.DECAAN]
    )
    own = decaan.roles.filter(role=Role.DECAAN).first().organisation
    other = (
        Organisation.objects.filter(partnership=context.partnership, kind="mbo")
        .exclude(pk=own.pk)
        .order_by("name")
        .first()
    )
    return [own, other] if other else [own]


def load_scans(context: DemoContext) -> None:
    partnership = context.partnership
    if not Session.objects.filter(
        partnership=partnership, instrument__key=SCAN_KEY
    ).exists():
        rng = random.Random(15)
        today = timezone.localdate()
        for n, school in enumerate(_schools(context)):
            sector = Sector.MBO if school.kind == "mbo" else Sector.VO
            for days, lift in ((380, -0.4), (20, 0.0)):
                session = scan_services.scan_start(
                    school=school, date=today - timedelta(days=days), by=None
                )
                services.session_open(session=session)
                _answer(session, LEVELS[n], sector, rng, lift)
                services.session_close(session=session)
                context.count("reflection_scans", 1)
    _poll(context)


def _poll(context: DemoContext) -> None:
    partnership = context.partnership
    if Session.objects.filter(partnership=partnership, title=POLL_TITLE).exists():
        return
    poll = services.session_create(
        partnership=partnership,
        instrument=InstrumentVersion.objects.get(
            key="peiling-doorlopend-leren", version=1
        ),
        title=POLL_TITLE,
        date=timezone.localdate() - timedelta(days=7),
        by=None,
    )
    services.session_open(session=poll)
    services.session_phase_set(session=poll, phase="bespreken")
    votes = [(2, 2, 1), (2, 2, 1), (2, 1, 1), (2, 2, 2), (1, 2, 1), (2, 2, 1)]
    keys = [q.key for q in poll.instrument.definition.questions]
    for n, vote in enumerate(votes):
        participant = services.participant_join(
            session=poll,
            sector=Sector.VO if n % 2 else Sector.MBO,
            layer=Layer.UITVOERING,
        )
        services.answers_save(
            participant=participant, values=dict(zip(keys, vote, strict=True))
        )
    services.session_close(session=poll)
    context.count("reflection_sessions", 1)


def load_large_scans(context: DemoContext) -> None:
    """The first bench partnership: five schools (the bench decaan's first) with a scan a
    year ago and one now, 25 phones each: the scan pages at volume."""
    from doorlopend.partnerships.models import Partnership, RoleAssignment

    from ..choices import State
    from ..models import Answer, Participant

    partnership = Partnership.objects.filter(slug="bench-0").first()
    if (
        partnership is None
        or Session.objects.filter(
            partnership=partnership, instrument__key=SCAN_KEY
        ).exists()
    ):
        return
    decaan = RoleAssignment.objects.filter(
        membership__partnership=partnership, role=Role.DECAAN
    ).first()
    schools = list(
        # When this runs the bench partnership has one vo school; hbo schools scan too.
        Organisation.objects.filter(partnership=partnership, kind__in=SCHOOL_KINDS)
        .exclude(pk=decaan.organisation_id if decaan else None)
        .order_by("pk")[:4]
    )
    if decaan is not None:
        schools.insert(0, decaan.organisation)
    scan = scan_services.scan_instrument()
    keys = [q.key for q in scan.definition.questions]
    today = timezone.localdate()
    sessions = Session.objects.bulk_create(
        Session(
            partnership=partnership,
            organisation=school,
            instrument=scan,
            title=f"Benchscan {school.pk}-{year}",
            date=today - timedelta(days=365 * year),
            state=State.CLOSED,
            join_code=f"SCAN{n}{year}",  # closed: the code need not be unique
        )
        for n, school in enumerate(schools)
        for year in (1, 0)
    )
    Participant.objects.bulk_create(
        Participant(
            session=s, token=f"benchscan-{s.pk}-{i}", sector="vo", layer="uitvoering"
        )
        for s in sessions
        for i in range(25)
    )
    rng = random.Random(5)
    participants = Participant.objects.filter(session__in=sessions).only("pk")
    Answer.objects.bulk_create(
        (
            Answer(participant=p, question_key=k, value=rng.randint(1, 5))
            for p in participants.iterator()
            for k in keys
        ),
        batch_size=5000,
    )
    context.count("reflection_scans", len(sessions))
