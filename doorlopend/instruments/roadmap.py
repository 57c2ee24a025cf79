"""A roadmap version as read from its data file: blocks of items in order, checked.

Roadmaps (the checklist of seed 000, the step plan of seed 002) live beside the
questionnaires in `data/<key>/<version>.yaml`, marked `kind: roadmap`, and follow the
same rules: one loader, errors named with their place, a used version never changes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .definition import DefinitionError, Source, _Checker

APPLIES_TO = ("partnership", "route")
# What a deliverable is made into in the app, if anything.
DOCUMENTS = ("projectplan", "samenwerkingsovereenkomst", "leerroute")


@dataclass(frozen=True)
class Deliverable:
    key: str
    title: str
    document: str = ""


@dataclass(frozen=True)
class Item:
    key: str
    title: str
    explanation: str = ""
    points: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()
    deliverables: tuple[str, ...] = ()
    # The key of a questionnaire scored at this step (the decision statements).
    decision: str = ""


@dataclass(frozen=True)
class Block:
    key: str
    title: str
    items: tuple[Item, ...]
    per_school: bool = False
    introduction: str = ""


@dataclass(frozen=True)
class RoadmapDefinition:
    key: str
    version: int
    title: str
    source: Source
    applies_to: str
    blocks: tuple[Block, ...]
    deliverables: tuple[Deliverable, ...] = ()
    introduction: str = ""

    @property
    def items(self) -> list[Item]:
        return [item for block in self.blocks for item in block.items]

    def item(self, key: str) -> Item | None:
        return next((i for i in self.items if i.key == key), None)

    def block_of(self, item_key: str) -> Block | None:
        return next(
            (b for b in self.blocks for i in b.items if i.key == item_key), None
        )

    def block(self, key: str) -> Block | None:
        return next((b for b in self.blocks if b.key == key), None)

    def deliverable(self, key: str) -> Deliverable | None:
        return next((d for d in self.deliverables if d.key == key), None)

    def to_json(self) -> dict[str, Any]:
        return {"kind": "roadmap", **asdict(self)}


def _texts(c: _Checker, raw: dict, field: str, where: str) -> tuple[str, ...]:
    value = raw.get(field) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        c.errors.append(f"{where}{field}: must be a list of texts")
        return ()
    return tuple(" ".join(v.split()) for v in value if v.strip())


def parse_roadmap(data: Any, *, origin: str = "definition") -> RoadmapDefinition:
    """Validate `data` (a loaded YAML/JSON document of kind roadmap) and return it."""
    c = _Checker()
    data = c.mapping(data, "document")
    version = c.version(data)
    key = c.key(data, "", set())
    title = c.text(data, "title", "")
    applies_to = data.get("applies_to")
    if applies_to not in APPLIES_TO:
        c.errors.append(f"applies_to: must be one of {', '.join(APPLIES_TO)}")
    source = c.source(data)
    deliverables = []
    deliverable_keys: set[str] = set()
    for i, raw in enumerate(data.get("deliverables") or []):
        where = f"deliverables[{i}]."
        raw = c.mapping(raw, where.rstrip("."))
        document = c.text(raw, "document", where, required=False)
        if document and document not in DOCUMENTS:
            c.errors.append(f"{where}document: must be one of {', '.join(DOCUMENTS)}")
        deliverables.append(
            Deliverable(
                key=c.key(raw, where, deliverable_keys),
                title=c.text(raw, "title", where),
                document=document,
            )
        )
    blocks = []
    block_keys: set[str] = set()
    item_keys: set[str] = set()
    for i, raw in enumerate(c.sequence(data.get("blocks"), "blocks")):
        where = f"blocks[{i}]."
        raw = c.mapping(raw, where.rstrip("."))
        per_school = raw.get("per_school", False)
        if not isinstance(per_school, bool):
            c.errors.append(f"{where}per_school: must be true or false")
        items = []
        for j, item in enumerate(c.sequence(raw.get("items"), f"{where}items")):
            iwhere = f"{where}items[{j}]."
            item = c.mapping(item, iwhere.rstrip("."))
            produces = _texts(c, item, "deliverables", iwhere)
            for name in produces:
                if name not in deliverable_keys:
                    c.errors.append(
                        f"{iwhere}deliverables: {name!r} is not a deliverable of this roadmap"
                    )
            items.append(
                Item(
                    key=c.key(item, iwhere, item_keys),
                    title=c.text(item, "title", iwhere),
                    explanation=c.text(item, "explanation", iwhere, required=False),
                    points=_texts(c, item, "points", iwhere),
                    tips=_texts(c, item, "tips", iwhere),
                    deliverables=produces,
                    decision=c.text(item, "decision", iwhere, required=False),
                )
            )
        blocks.append(
            Block(
                key=c.key(raw, where, block_keys),
                title=c.text(raw, "title", where),
                introduction=c.text(raw, "introduction", where, required=False),
                per_school=per_school is True,
                items=tuple(items),
            )
        )
    if c.errors:
        raise DefinitionError(origin, c.errors)
    return RoadmapDefinition(
        key=key,
        version=version,
        title=title,
        source=source,
        applies_to=applies_to,
        blocks=tuple(blocks),
        deliverables=tuple(deliverables),
        introduction=c.text(data, "introduction", "", required=False),
    )
