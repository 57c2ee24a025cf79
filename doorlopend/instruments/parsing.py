"""One entry point for every kind of instrument data file."""

from __future__ import annotations

from typing import Any

from .definition import Definition, DefinitionError, parse
from .itemlist import ListDefinition, parse_list
from .kinds import POLL, SCAN
from .roadmap import RoadmapDefinition, parse_roadmap

QUESTIONNAIRE = "questionnaire"
ROADMAP = "roadmap"
LIST = "list"
KINDS = (QUESTIONNAIRE, ROADMAP, LIST, SCAN, POLL)
# The kinds a reflection session runs: a questionnaire with the same engine and results.
SESSION_KINDS = (QUESTIONNAIRE, SCAN, POLL)


def kind_of(data: Any) -> str:
    """The kind a document declares; questionnaires, the first kind, may leave it out."""
    if isinstance(data, dict):
        return data.get("kind") or QUESTIONNAIRE
    return QUESTIONNAIRE


def parse_any(
    data: Any, *, origin: str = "definition"
) -> Definition | RoadmapDefinition | ListDefinition:
    kind = kind_of(data)
    if kind == ROADMAP:
        return parse_roadmap(data, origin=origin)
    if kind == LIST:
        return parse_list(data, origin=origin)
    if kind in SESSION_KINDS:
        return parse(data, origin=origin, kind=kind)
    raise DefinitionError(origin, [f"kind: must be one of {', '.join(KINDS)}"])
