"""An instrument version as read from its data file: parsed, validated, immutable.

The schema is small and checked by hand so that every mistake in a file is reported at
once, with where it is ("themes[2].questions[1].text: ..."); the loader adds the line
of the file (source_lines.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from typing import Any

from .kinds import ActionLine, kind_rules

KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class DefinitionError(ValueError):
    """A data file that does not follow the schema; `errors` lists every problem.

    Read from a file, each error starts with the line it is on ("line 42: blocks[2]...");
    `messages` adds the file: "data/x/1.yaml, line 42: blocks[2].items[0].title: ...".
    """

    def __init__(self, origin: str, errors: list[str]):
        self.origin = origin
        self.errors = errors
        super().__init__("\n".join(self.messages))

    @property
    def messages(self) -> list[str]:
        return [
            f"{self.origin}, {e}" if e.startswith("line ") else f"{self.origin}: {e}"
            for e in self.errors
        ]


@dataclass(frozen=True)
class Source:
    publisher: str
    title: str
    url: str = ""


@dataclass(frozen=True)
class Scale:
    min: int
    max: int
    labels: dict[int, str]
    dont_know: str

    @property
    def values(self) -> list[int]:
        return list(range(self.min, self.max + 1))


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    # A scan's tags: the element (of the list `Definition.elements` names) and the OCW
    # action lines (of `Definition.action_lines`) the statement is about.
    element: str = ""
    action_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Theme:
    key: str
    title: str
    questions: tuple[Question, ...]
    prompt: str = ""
    principle: str = ""
    background: str = ""
    # A word or two for a chart's axis, where the title is too long to fit.
    short: str = ""


@dataclass(frozen=True)
class Definition:
    key: str
    version: int
    title: str
    source: Source
    scale: Scale
    themes: tuple[Theme, ...]
    introduction: str = ""
    guide: tuple[str, ...] = ()
    kind: str = "questionnaire"
    # A scan only: the list instrument its elements come from, and the action lines.
    elements: str = ""
    action_lines: tuple[ActionLine, ...] = ()

    @property
    def questions(self) -> list[Question]:
        return [q for theme in self.themes for q in theme.questions]

    def theme(self, key: str) -> Theme | None:
        return next((t for t in self.themes if t.key == key), None)

    def theme_of(self, question_key: str) -> Theme | None:
        return next(
            (t for t in self.themes for q in t.questions if q.key == question_key), None
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        # JSON object keys are strings; `parse` turns them back into ints.
        data["scale"]["labels"] = {str(k): v for k, v in self.scale.labels.items()}
        # Lists where asdict kept tuples: the data as the database gives it back.
        return json.loads(json.dumps(data))


class _Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def text(self, data: dict, field: str, where: str, *, required: bool = True) -> str:
        value = data.get(field, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.errors.append(f"{where}{field}: must be text")
            return ""
        value = " ".join(value.split()) if field != "url" else value.strip()
        if required and not value:
            self.errors.append(f"{where}{field}: is required")
        return value

    def key(self, data: dict, where: str, seen: set[str]) -> str:
        value = self.text(data, "key", where)
        if value and not KEY_RE.match(value):
            self.errors.append(
                f"{where}key: {value!r} must be lowercase letters, digits and hyphens"
            )
        elif value in seen:
            self.errors.append(f"{where}key: {value!r} is used twice")
        seen.add(value)
        return value

    def mapping(self, data: Any, where: str) -> dict:
        if not isinstance(data, dict):
            self.errors.append(f"{where}: must be a mapping")
            return {}
        return data

    def sequence(self, data: Any, where: str) -> list:
        if not isinstance(data, list) or not data:
            self.errors.append(f"{where}: must be a non-empty list")
            return []
        return data


def parse(
    data: Any, *, origin: str = "definition", kind: str = "questionnaire"
) -> Definition:
    """Validate `data` (a loaded YAML/JSON document) and return the definition.

    `kind` "scan" adds the tags, "poll" the two-point scale (kinds.py).
    """
    c = _Checker()
    data = c.mapping(data, "document")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        c.errors.append("version: must be a whole number of at least 1")
        version = 0
    key = c.key(data, "", set())
    title = c.text(data, "title", "")
    src = c.mapping(data.get("source"), "source")
    source = Source(
        publisher=c.text(src, "publisher", "source."),
        title=c.text(src, "title", "source."),
        url=c.text(src, "url", "source.", required=False),
    )
    scale = _parse_scale(c, c.mapping(data.get("scale"), "scale"))
    extra = kind_rules(kind, c, data, scale)
    tags = extra.pop("tags")
    themes = []
    theme_keys: set[str] = set()
    question_keys: set[str] = set()
    for i, raw in enumerate(c.sequence(data.get("themes"), "themes")):
        where = f"themes[{i}]."
        raw = c.mapping(raw, where.rstrip("."))
        questions = tuple(
            Question(
                key=c.key(
                    c.mapping(q, f"{where}questions[{j}]"),
                    f"{where}questions[{j}].",
                    question_keys,
                ),
                text=c.text(
                    q if isinstance(q, dict) else {}, "text", f"{where}questions[{j}]."
                ),
                **tags(raw, q, f"{where}questions[{j}]."),
            )
            for j, q in enumerate(c.sequence(raw.get("questions"), f"{where}questions"))
        )
        themes.append(
            Theme(
                key=c.key(raw, where, theme_keys),
                title=c.text(raw, "title", where),
                prompt=c.text(raw, "prompt", where, required=False),
                principle=c.text(raw, "principle", where, required=False),
                background=c.text(raw, "background", where, required=False),
                short=c.text(raw, "short", where, required=False),
                questions=questions,
            )
        )
    guide = data.get("guide") or []
    if not isinstance(guide, list) or not all(isinstance(g, str) for g in guide):
        c.errors.append("guide: must be a list of texts")
        guide = []
    if c.errors:
        raise DefinitionError(origin, c.errors)
    return Definition(
        key=key,
        version=version,
        title=title,
        source=source,
        scale=scale,
        themes=tuple(themes),
        introduction=c.text(data, "introduction", "", required=False),
        guide=tuple(" ".join(g.split()) for g in guide),
        kind=kind,
        **extra,
    )


def _parse_scale(c: _Checker, raw: dict) -> Scale:
    low, high = raw.get("min"), raw.get("max")
    if not (isinstance(low, int) and isinstance(high, int) and 0 < low < high <= 10):
        c.errors.append(
            "scale: min and max must be whole numbers with 0 < min < max ≤ 10"
        )
        low, high = 1, 2
    labels = {}
    for value, label in c.mapping(raw.get("labels") or {}, "scale.labels").items():
        try:
            value = int(value)
        except (TypeError, ValueError):
            value = None
        if value is None or not low <= value <= high or not isinstance(label, str):
            c.errors.append(
                f"scale.labels: {value!r} must be a point of the scale with a text"
            )
            continue
        labels[value] = label.strip()
    if low not in labels or high not in labels:
        c.errors.append("scale.labels: the lowest and highest points need a label")
    return Scale(
        min=low,
        max=high,
        labels=dict(sorted(labels.items())),
        dont_know=c.text(raw, "dont_know", "scale."),
    )
