"""Demo pupils of the doorstroommonitor: two years of vmbo leavers of Rivierenland.

Deterministic (one seeded random generator, dates relative to the latest year whose
school year has begun) and idempotent (nothing is added once the partnership has
transitions). Pupils go in with bulk inserts; their statuses are a history of events from
which `history.transitions_recompute` derives the rest, as an import would. The mix is
realistic enough to show every figure, flow and signal: early and late registrations,
doorlopende and geïntegreerde leerroutes, registrations that go backwards, pupils who do
not start, stop in the first year, go to havo or work, or vanish from sight.
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from doorlopend.accounts.demo import demo_user
from doorlopend.core.demo import DEMO_DOMAIN, DemoContext
from doorlopend.partnerships import services as partnership_services
from doorlopend.partnerships.models import Organisation, Partnership
from doorlopend.partnerships.roles import Role

from .choices import Eindopdracht, RouteKind, Status
from .models import Pupil, StatusEvent, Transition
from .privacy import pseudonym
from .services import signals
from .services.history import transitions_recompute
from .testing import bsn_for

FIRST_NAMES = [
    "Daan", "Sem", "Lucas", "Milan", "Levi", "Noah", "Finn", "Bram", "Jesse", "Thijs",
    "Emma", "Julia", "Mila", "Sophie", "Tess", "Zoë", "Sara", "Anna", "Nora", "Lotte",
    "Mohammed", "Yusuf", "Ayoub", "Amira", "Fatima", "Noor", "Kevin", "Dylan", "Jayden",
    "Sanne", "Fleur", "Britt", "Romy", "Luuk", "Gijs", "Ilse", "Ruben", "Esmee", "Koen",
]  # fmt: skip
LAST_NAMES = [
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
    "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
    "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
    "El Amrani", "Yilmaz", "Kaya", "van der Linden", "Kok", "Jacobs", "van Wijk",
]  # fmt: skip
SECTORS = {
    "zw": "Zorg en welzijn",
    "bwi": "Techniek en gebouwde omgeving",
    "pie": "Techniek en gebouwde omgeving",
    "mobt": "Techniek en gebouwde omgeving",
    "mat": "Techniek en gebouwde omgeving",
    "mvi": "ICT en creatieve industrie",
    "eo": "Economie en ondernemen",
    "dp": "Economie en ondernemen",
    "hbr": "Horeca en voeding",
    "groen": "Groen",
}
PROFILES = list(SECTORS)
# Pupils per vo school and year: the last school is small, so its figures are suppressed.
SCHOOL_SIZES = [62, 54, 46, 40, 30, 4]
DEMO_SEED = 2026
PGN_OFFSET = 100_000
MBO_DECAAN_EMAIL = f"decaan-mbo@{DEMO_DOMAIN}"


def latest_cohort(today: datetime.date) -> int:
    """The newest year whose pupils have (mostly) started at an mbo school."""
    return today.year if today >= datetime.date(today.year, 9, 1) else today.year - 1


def _d(
    year: int, month: int, day: int, rng: random.Random, spread: int
) -> datetime.date:
    return datetime.date(year, month, day) + datetime.timedelta(
        days=rng.randint(0, spread)
    )


def _chain(rng: random.Random, year: int, route: str) -> tuple[list, str]:
    """(status, date) events of one pupil, and which mbo school: "first", "second" or ""."""
    r = rng.random()
    if r < 0.04:
        return [(Status.HAVO, _d(year, 6, 15, rng, 20))], ""
    if r < 0.06:
        return [
            (rng.choice([Status.ANDER_VO, Status.DOUBLEERT]), _d(year, 6, 20, rng, 10))
        ], ""
    if r < 0.08:
        return [(Status.WERK, _d(year, 7, 1, rng, 40))], ""
    if r < 0.10:
        return [(Status.ONBEKEND, _d(year, 7, 15, rng, 30))], ""
    if r < 0.12:
        return [], ""  # on the leavers list, nothing heard since
    on_time = 0.85 if route != RouteKind.REGULIER else 0.7
    registered = (
        _d(year, 1, 10, rng, 75) if rng.random() < on_time else _d(year, 4, 2, rng, 60)
    )
    events = [(Status.AANGEMELD, registered)]
    intake = registered + datetime.timedelta(days=rng.randint(10, 40))
    events.append((Status.INTAKE, intake))
    school = "first"
    if rng.random() < (0.02 if route != RouteKind.REGULIER else 0.07):
        back = rng.choice([Status.LEIDT_NIET_TOT_INSCHRIJVING, Status.INGETROKKEN])
        backwards_on = intake + datetime.timedelta(days=rng.randint(7, 30))
        events.append((back, backwards_on))
        if rng.random() < 0.5:
            return events, school  # no new registration: the signal stays relevant
        school = "second"
        intake = backwards_on + datetime.timedelta(days=rng.randint(7, 21))
        events += [(Status.AANGEMELD, intake), (Status.INTAKE, intake)]
    placed = min(
        intake + datetime.timedelta(days=rng.randint(14, 50)), datetime.date(year, 7, 1)
    )
    placed = max(placed, intake)
    events.append((Status.GEPLAATST, placed))
    enrolled = max(_d(year, 7, 2, rng, 14), placed + datetime.timedelta(days=1))
    events.append((Status.INGESCHREVEN, enrolled))
    if rng.random() < 0.03:
        return events, school  # enrolled, never turned up
    started = max(_d(year, 8, 24, rng, 9), enrolled + datetime.timedelta(days=1))
    events.append((Status.GESTART, started))
    if rng.random() < (0.1 if route != RouteKind.REGULIER else 0.18):
        events.append(
            (Status.GESTOPT, started + datetime.timedelta(days=rng.randint(20, 330)))
        )
    elif rng.random() < 0.15:
        events.append(
            (Status.DIPLOMA, _d(year + 1, 6, 25, rng, 10))
        )  # entree: one year
    return events, school


def _eindopdracht(route_kind: str, i: int) -> str:
    """The leerroutes' schools report the eindopdracht (four in five completed it); the
    regular pupils' schools do not. By position, so the random draws stay as they were."""
    if route_kind == RouteKind.REGULIER:
        return ""
    return Eindopdracht.NEE if i % 5 == 0 else Eindopdracht.JA


def _generate(
    *,
    partnership: Partnership,
    vo: list[Organisation],
    mbo: list[Organisation],
    cohorts: list[int],
    sizes: list[int],
    rng: random.Random,
    pgn_offset: int,
    today: datetime.date,
) -> int:
    """Pupils, transitions and events for `cohorts`, in bulk; returns the transitions made."""
    routes = {
        0: (RouteKind.DLR, "DLR Zorg en welzijn Rivierenland", "zw"),
        1: (RouteKind.DLR, "DLR Zorg en welzijn Rivierenland", "zw"),
        2: (RouteKind.DLR, "DLR Techniek Betuwe", "pie"),
        3: (RouteKind.GLR, "GLR Economie en ondernemen", "eo"),
    }
    pupils, plans = [], []
    n = pgn_offset
    for cohort in cohorts:
        for index, school in enumerate(vo):
            for _ in range(sizes[index % len(sizes)]):
                n += 1
                leerweg = rng.choice(["bb", "kb", "kb", "gl", "tl"])
                profile = rng.choice(PROFILES)
                route = (RouteKind.REGULIER, "", None)
                if index in routes and rng.random() < 0.45:
                    route = routes[index]
                    profile = route[2]
                name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                born = datetime.date(cohort - 16, 1, 1) + datetime.timedelta(
                    days=rng.randint(0, 400)
                )
                pupils.append(
                    Pupil(
                        partnership=partnership,
                        pseudonym=pseudonym(bsn_for(n)),
                        name=name,
                        birth_date=born.isoformat(),
                    )
                )
                events, which = _chain(rng, cohort, route[0])
                events = [(s, on) for s, on in events if on <= today]
                first = (
                    mbo[0]
                    if route[0] != RouteKind.REGULIER or rng.random() < 0.6
                    else mbo[-1]
                )
                second = mbo[-1] if first == mbo[0] else mbo[0]
                receiving = {"first": first, "second": second}.get(which)
                plans.append(
                    (cohort, school, leerweg, profile, route, receiving, events)
                )
    Pupil.objects.bulk_create(pupils, batch_size=1000)
    transitions = [
        Transition(
            partnership=partnership,
            pupil=pupil,
            cohort=cohort,
            sending_organisation=school,
            leerweg=leerweg,
            profile=profile,
            route_kind=route[0],
            route_name=route[1],
            receiving_organisation=receiving,
            sector=SECTORS[profile] if receiving else "",
            mbo_leerweg=("bbl" if rng.random() < 0.15 else "bol") if receiving else "",
            eindopdracht=_eindopdracht(route[0], i),
        )
        for i, (
            pupil,
            (cohort, school, leerweg, profile, route, receiving, _events),
        ) in enumerate(zip(pupils, plans, strict=True))
    ]
    Transition.objects.bulk_create(transitions, batch_size=1000)
    StatusEvent.objects.bulk_create(
        [
            StatusEvent(
                partnership=partnership,
                transition=t,
                status=status,
                on=on,
                source="demo",
            )
            for t, plan in zip(transitions, plans, strict=True)
            for status, on in dict.fromkeys(plan[-1])  # one per (status, date)
        ],
        batch_size=2000,
    )
    # Only transitions with events: a pupil nobody heard from keeps an empty status.
    with_events = StatusEvent.objects.filter(
        partnership=partnership, transition__cohort__in=cohorts
    ).values("transition_id")
    transitions_recompute(Transition.objects.filter(pk__in=with_events))
    return len(transitions)


def _mbo_decaan(
    context: DemoContext, partnership: Partnership, school: Organisation
) -> None:
    """A decaan at the first mbo school, to show the receiving side."""
    person, made = demo_user(MBO_DECAAN_EMAIL, "Decaan mbo Demo")
    context.people["decaan_mbo"] = person
    context.count("people", int(made))
    partnership_services.role_grant(
        partnership=partnership, user=person, role=Role.DECAAN, organisation=school
    )


def load_demo(context: DemoContext) -> None:
    partnership = context.partnership
    schools = (
        Organisation.objects.filter(partnership=partnership)
        .select_related("register_entry")
        .order_by("name")
    )
    # Only a school with vmbo has vmbo leavers: a havo/vwo lyceum sends none.
    vo = [s for s in schools if s.kind == "vo" and s.offers_vmbo]
    mbo = [s for s in schools if s.kind == "mbo"]
    if not vo or not mbo:
        return
    _mbo_decaan(context, partnership, mbo[0])
    if Transition.objects.filter(partnership=partnership).exists():
        return
    today = timezone.localdate()
    latest = latest_cohort(today)
    made = _generate(
        partnership=partnership,
        vo=vo,
        mbo=mbo,
        cohorts=[latest - 1, latest],
        # The last school is always the small one, however many schools have vmbo.
        sizes=SCHOOL_SIZES[: len(vo) - 1] + SCHOOL_SIZES[-1:],
        rng=random.Random(DEMO_SEED),
        pgn_offset=PGN_OFFSET,
        today=today,
    )
    context.count("transitions", made)
    context.count(
        "signals", signals.signals_refresh(partnership=partnership, today=today)
    )


LARGE_PER_SCHOOL = 1000


def load_large(context: DemoContext) -> None:
    """Three years of a large partnership (bench-0), for `bench/pages.py`."""
    partnership = Partnership.objects.filter(slug="bench-0").first()
    if (
        partnership is None
        or Transition.objects.filter(partnership=partnership).exists()
    ):
        return
    schools = list(Organisation.objects.filter(partnership=partnership).order_by("pk"))
    vo = [s for s in schools if s.kind == "vo"] or schools[:1]
    mbo = [s for s in schools if s.kind == "mbo"] or schools[-1:]
    today = timezone.localdate()
    latest = latest_cohort(today)
    made = _generate(
        partnership=partnership,
        vo=vo,
        mbo=mbo,
        cohorts=[latest - 2, latest - 1, latest],
        sizes=[LARGE_PER_SCHOOL],
        rng=random.Random(DEMO_SEED + 1),
        pgn_offset=PGN_OFFSET * 10,
        today=today,
    )
    context.count("transitions", made)
    context.count(
        "signals", signals.signals_refresh(partnership=partnership, today=today)
    )


def load_small_cohort(
    *, partnership: Partnership, year: int, per_school: int, seed: int, pgn_offset: int
) -> int:
    """One year of a few pupils per vo school of a bench partnership (the national
    picture's volume across partnerships); returns the transitions made."""
    schools = list(Organisation.objects.filter(partnership=partnership).order_by("pk"))
    vo = [s for s in schools if s.kind == "vo"]
    mbo = [s for s in schools if s.kind == "mbo"]
    if not vo or not mbo:
        return 0
    return _generate(
        partnership=partnership,
        vo=vo,
        mbo=mbo,
        cohorts=[year],
        sizes=[per_school],
        rng=random.Random(seed),
        pgn_offset=pgn_offset,
        today=timezone.localdate(),
    )
