"""A draagvlak survey filled through the services, for the tests of open answers."""

from __future__ import annotations

from django_scopes import scope

from doorlopend.instruments.models import InstrumentVersion

from .. import services
from ..choices import State
from ..models import OpenAnswer, Session
from .factories import SessionFactory

OPEN_KEYS = ("behoefte-open", "steun-zorgen", "capaciteit-nodig")


def draagvlak_instrument() -> InstrumentVersion:
    return InstrumentVersion.objects.get(key="draagvlak", version=1)


def draagvlak_session(partnership, **kwargs) -> Session:
    return SessionFactory(
        partnership=partnership, instrument=draagvlak_instrument(), **kwargs
    )


def answer(session: Session, sector: str, score: int = 4, texts=None):
    """One party's phone: joins with its kind of party, scores all, writes `texts`."""
    with scope(partnership=session.partnership):
        participant = services.participant_join(session=session, sector=sector)
        values = {q.key: score for q in session.instrument.definition.questions}
        services.theme_answers_save(
            participant=participant, values=values, texts=texts or {}
        )
    return participant


def filled(partnership, groups: dict[str, int], texts: list[str], **kwargs) -> Session:
    """`groups`: kind of party → people; `texts`: the open answers to behoefte-open,
    one per person in order (as many as there are)."""
    session = draagvlak_session(partnership, **kwargs)
    left = list(texts)
    for sector, n in groups.items():
        for _i in range(n):
            mine = {"behoefte-open": left.pop(0)} if left else {}
            answer(session, sector, texts=mine)
    return session


def close(session: Session) -> None:
    with scope(partnership=session.partnership):
        session.state = State.CLOSED
        session.save(update_fields=["state"])


def open_answer(session: Session, text: str) -> OpenAnswer:
    with scope(partnership=session.partnership):
        return OpenAnswer.objects.get(participant__session=session, text=text)
