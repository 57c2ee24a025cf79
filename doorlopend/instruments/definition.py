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
# The longest answer to an open question: a remark, not an essay (and the counter's limit).
OPEN_MAX_LENGTH = 500


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
    # An open question: a short text answer (at most OPEN_MAX_LENGTH characters), never
    # scored. Kept apart in `Theme.open_questions`, so every figure reads scored ones only.
    open: bool = False


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
    # Questions marked `open: true` in the file: a short text answer, in file order.
    open_questions: tuple[Question, ...] = ()


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
    # False: participants state only their sector (for a draagvlak survey: the kind of
    # party), no layer; the results then break down by sector alone.
    ask_layer: bool = True

    @property
    def questions(self) -> list[Question]:
        """The scored questions (open ones are in `open_questions`)."""
        return [q for theme in self.themes for q in theme.questions]

    @property
    def open_questions(self) -> list[Question]:
        return [q for theme in self.themes for q in theme.open_questions]

    def open_question(self, key: str) -> Question | None:
        return next((q for q in self.open_questions if q.key == key), None)

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

    def version(self, data: dict) -> int:
        """The document's version (every kind has one): a whole number from 1."""
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.errors.append("version: must be a whole number of at least 1")
            return 0
        return version

    def source(self, data: dict) -> Source:
        """Where the document comes from (every kind names it)."""
        src = self.mapping(data.get("source"), "source")
        return Source(
            publisher=self.text(src, "publisher", "source."),
            title=self.text(src, "title", "source."),
            url=self.text(src, "url", "source.", required=False),
        )


def parse(
    data: Any, *, origin: str = "definition", kind: str = "questionnaire"
) -> Definition:
    """Validate `data` (a loaded YAML/JSON document) and return the definition.

    `kind` "scan" adds the tags, "poll" the two-point scale (kinds.py).
    """
    c = _Checker()
    data = c.mapping(data, "document")
    version = c.version(data)
    key = c.key(data, "", set())
    title = c.text(data, "title", "")
    source = c.source(data)
    scale = _parse_scale(c, c.mapping(data.get("scale"), "scale"))
    extra = kind_rules(kind, c, data, scale)
    tags = extra.pop("tags")
    themes = []
    theme_keys: set[str] = set()
    question_keys: set[str] = set()
    for i, raw in enumerate(c.sequence(data.get("themes"), "themes")):
        where = f"themes[{i}]."
        raw = c.mapping(raw, where.rstrip("."))
        questions = []
        # A stored definition (to_json) keeps its open questions apart: read them back.
        listed = c.sequence(raw.get("questions"), f"{where}questions")
        for j, q in enumerate([*listed, *(raw.get("open_questions") or [])]):
            here = f"{where}questions[{j}]."
            is_open = _open_flag(c, q, here)
            questions.append(
                Question(
                    key=c.key(c.mapping(q, here.rstrip(".")), here, question_keys),
                    text=c.text(q if isinstance(q, dict) else {}, "text", here),
                    open=is_open,
                    **({} if is_open else tags(raw, q, here)),
                )
            )
        if questions and all(q.open for q in questions):
            c.errors.append(
                f"{where}questions: a theme needs at least one question that is scored"
            )
        themes.append(
            Theme(
                key=c.key(raw, where, theme_keys),
                title=c.text(raw, "title", where),
                prompt=c.text(raw, "prompt", where, required=False),
                principle=c.text(raw, "principle", where, required=False),
                background=c.text(raw, "background", where, required=False),
                short=c.text(raw, "short", where, required=False),
                questions=tuple(q for q in questions if not q.open),
                open_questions=tuple(q for q in questions if q.open),
            )
        )
    guide = data.get("guide") or []
    if not isinstance(guide, list) or not all(isinstance(g, str) for g in guide):
        c.errors.append("guide: must be a list of texts")
        guide = []
    ask_layer = data.get("ask_layer", True)
    if not isinstance(ask_layer, bool):
        c.errors.append("ask_layer: must be true or false")
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
        ask_layer=ask_layer,
        **extra,
    )


def _open_flag(c: _Checker, question: Any, where: str) -> bool:
    value = question.get("open", False) if isinstance(question, dict) else False
    if not isinstance(value, bool):
        c.errors.append(f"{where}open: must be true or false")
        return False
    return value


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
