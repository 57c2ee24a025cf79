"""Items the data answers: a registry of "answerers" per item of a roadmap.

Some items of the checklist and the step plans are facts the app already holds: a school
has a portefeuillehouder (the roles), the councils agreed (the consents), the projectplan
was made (the generated documents), the DUO melding is complete. Their status is derived
from that data, shown as such with a link to the source, so the page never says "done"
beside data that says otherwise. A manual status stays for every item no data answers;
where someone set one that the data contradicts, the page shows both.

Roadmaps comes before documents and planning in the app order, so it does not import
them: each app registers its answerers here from `AppConfig.ready()` (roadmaps its own,
from the roles and the routes below it).
An answerer gets every row of its item on a page at once (across routes, for the
overview) and answers them in a fixed number of queries: a page costs the same with one
route or fifty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from doorlopend.partnerships.models import Partnership

from .models import Status


@dataclass(frozen=True)
class Target:
    """One row of an answered item: which route (a step plan) or school (per-school)."""

    state_id: int
    route_id: int | None
    organisation_id: int | None
    organisation_name: str = ""


@dataclass(frozen=True)
class Answer:
    status: str  # a Status value
    says: str  # what the data says, in a sentence
    source: str  # where it comes from ("the roles on the People page")
    url: str = ""  # the page of the source

    @property
    def status_label(self) -> str:
        return Status(self.status).label


Answerer = Callable[[Partnership, list[Target]], dict[int, Answer]]

_ANSWERERS: dict[tuple[str, str], Answerer] = {}


def answerer_register(instrument: str, item: str, answerer: Answerer) -> None:
    """Let `answerer` answer the item `item` of the roadmap `instrument` (a data file's
    key); registering again replaces it."""
    _ANSWERERS[(instrument, item)] = answerer


def answered_items() -> set[tuple[str, str]]:
    return set(_ANSWERERS)


def answers(
    partnership: Partnership, instrument: str, targets: Iterable[tuple[str, Target]]
) -> dict[int, Answer]:
    """The answers for (item key, target) pairs of one roadmap instrument, by state id:
    one call per answered item, whatever the number of rows."""
    grouped: dict[str, list[Target]] = {}
    for key, target in targets:
        if (instrument, key) in _ANSWERERS:
            grouped.setdefault(key, []).append(target)
    result: dict[int, Answer] = {}
    for key, group in grouped.items():
        result.update(_ANSWERERS[(instrument, key)](partnership, group))
    return result


def derive(partnership: Partnership, roadmap, states: list) -> None:
    """Set `answer` on each of `states` (ItemStates of `roadmap`) that the data answers."""
    route_id = roadmap.route_id
    found = answers(
        partnership,
        roadmap.version.key,
        (
            (
                s.item_key,
                Target(
                    s.pk,
                    route_id,
                    s.organisation_id,
                    s.organisation.name if s.organisation_id else "",
                ),
            )
            for s in states
        ),
    )
    for state in states:
        state.answer = found.get(state.pk)


# Points of an item that the data answers. An item's status is one for all its points
# (the checklist's "concrete activities" lists six), so a point's answer never sets the
# item's status: the page shows it beside the point, with its source. A point is named
# by the start of its text in the data file, which a new version of the file keeps.
PointAnswerer = Callable[[Partnership], Answer]

_POINT_ANSWERERS: dict[tuple[str, str], list[tuple[str, PointAnswerer]]] = {}


def point_answerer_register(
    instrument: str, item: str, starts_with: str, answerer: PointAnswerer
) -> None:
    """Let `answerer` answer the point of `item` whose text starts with `starts_with`
    (case-insensitive); registering the same point again replaces it."""
    points = _POINT_ANSWERERS.setdefault((instrument, item), [])
    points[:] = [(s, a) for s, a in points if s != starts_with.lower()]
    points.append((starts_with.lower(), answerer))


def point_answers(
    partnership: Partnership, instrument: str, item: str, points: Iterable[str]
) -> list[tuple[str, Answer | None]]:
    """Each of `points` with what the data says of it (None where nothing answers)."""
    answerers = _POINT_ANSWERERS.get((instrument, item), [])
    result = []
    for point in points:
        text = str(point).lower()
        answerer = next((a for s, a in answerers if text.startswith(s)), None)
        result.append((point, answerer(partnership) if answerer else None))
    return result
