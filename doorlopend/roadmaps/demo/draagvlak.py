"""Demo: the draagvlak survey of the demo route, closed, so its step shows the result.

Fourteen people answered by the survey's link: 4 from vo schools, 3 from the mbo
school, 4 employers and 3 from the municipality, so every kind of party reaches k = 3
and shows its result on the step "Draagvlakonderzoek". Each open question has enough
answers to show; one remark names a person and is hidden by the coördinator.
"""

from __future__ import annotations

import random

from doorlopend.partnerships.models import Membership
from doorlopend.reflection import services as reflection
from doorlopend.reflection.choices import DONT_KNOW, Sector
from doorlopend.reflection.models import OpenAnswer, Session
from doorlopend.routes.models import Leerroute

from ..draagvlak import ITEM, draagvlak_start
from ..models import ItemState, Roadmap

# Who answered, and how they see the route per theme (need, support, capacity).
PEOPLE = [
    *[(Sector.VO, (4.3, 3.9, 3.0))] * 4,
    *[(Sector.MBO, (4.0, 3.6, 3.4))] * 3,
    *[(Sector.BEDRIJFSLEVEN, (4.6, 4.1, 2.6))] * 4,
    *[(Sector.GEMEENTE, (3.8, 4.0, 3.2))] * 3,
]
# Open answers, by question; made up, in the words people use.
OPEN = {
    "behoefte-open": [
        "Minder uitval in het eerste jaar mbo.",
        "Leerlingen die weten waarom ze voor techniek kiezen.",
        "Vakmensen die al in het vmbo een bedrijf van binnen hebben gezien.",
        "Eén programma in plaats van twee losse opleidingen.",
    ],
    "steun-zorgen": [
        "De roosters van vmbo en mbo passen nu niet op elkaar.",
        "Wie betaalt de begeleiding op de werkplek?",
        "Meneer Voorbeeldman van de afdeling houdt alles tegen.",  # hidden: names someone
        "Ik ben bang dat de overstapoptie te laat komt voor twijfelaars.",
    ],
    "capaciteit-nodig": [
        "Tijd voor docenten om samen het programma te maken.",
        "Vaste contactpersonen bij de bedrijven.",
        "Een gedeelde planning van stages vanaf leerjaar 3.",
    ],
}
HIDDEN = "Meneer Voorbeeldman"


def _score(rng: random.Random, level: float) -> int:
    if rng.random() < 0.05:
        return DONT_KNOW
    return min(5, max(1, round(rng.gauss(level, 0.7))))


def load_draagvlak(plan: Roadmap, coordinator: Membership) -> int:
    """The route's survey, answered and closed; nothing if the route has one already."""
    route: Leerroute = plan.route
    if Session.objects.filter(leerroute=route, instrument__key="draagvlak").exists():
        return 0
    state = ItemState.objects.filter(roadmap=plan, item_key=ITEM).first()
    if state is None:
        return 0
    session = draagvlak_start(state=state, by=coordinator)
    reflection.session_open(session=session)
    definition = session.instrument.definition
    rng = random.Random(17)
    texts = {key: list(answers) for key, answers in OPEN.items()}
    for sector, levels in PEOPLE:
        participant = reflection.participant_join(session=session, sector=sector)
        values = {
            q.key: _score(rng, level)
            for theme, level in zip(definition.themes, levels, strict=True)
            for q in theme.questions
        }
        mine = {key: left.pop(0) for key, left in texts.items() if left}
        reflection.theme_answers_save(
            participant=participant, values=values, texts=mine
        )
    remark = OpenAnswer.objects.get(
        participant__session=session, text__startswith=HIDDEN
    )
    reflection.open_answer_hide(answer=remark, hidden=True, by=coordinator)
    reflection.session_close(session=session)
    return len(PEOPLE)
