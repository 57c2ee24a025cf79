"""A list instrument: named elements to tag things with (the 7 elementen voor effectieve LOB).

Same loader and rules as the questionnaires and roadmaps: `kind: list` in
`data/<key>/<version>.yaml`, checked with every error named, a used version frozen.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .definition import DefinitionError, Source, _Checker


@dataclass(frozen=True)
class ListItem:
    key: str
    title: str
    explanation: str = ""


@dataclass(frozen=True)
class ListDefinition:
    key: str
    version: int
    title: str
    source: Source
    items: tuple[ListItem, ...]
    introduction: str = ""

    def item(self, key: str) -> ListItem | None:
        return next((i for i in self.items if i.key == key), None)

    @property
    def choices(self) -> list[tuple[str, str]]:
        return [(i.key, i.title) for i in self.items]

    def to_json(self) -> dict[str, Any]:
        return {"kind": "list", **asdict(self)}


def parse_list(data: Any, *, origin: str = "definition") -> ListDefinition:
    c = _Checker()
    data = c.mapping(data, "document")
    version = c.version(data)
    key = c.key(data, "", set())
    title = c.text(data, "title", "")
    source = c.source(data)
    keys: set[str] = set()
    items = []
    for i, raw in enumerate(c.sequence(data.get("items"), "items")):
        where = f"items[{i}]."
        raw = c.mapping(raw, where.rstrip("."))
        items.append(
            ListItem(
                key=c.key(raw, where, keys),
                title=c.text(raw, "title", where),
                explanation=c.text(raw, "explanation", where, required=False),
            )
        )
    if c.errors:
        raise DefinitionError(origin, c.errors)
    return ListDefinition(
        key=key,
        version=version,
        title=title,
        source=source,
        items=tuple(items),
        introduction=c.text(data, "introduction", "", required=False),
    )
