"""What the kinds of questionnaire add to its schema: a scan's tags, a poll's two points.

A scan (kind `scan`) is a questionnaire whose statements each name the element of LOB
they are about (of the list instrument `elements` names; a theme's `element` is the
default of its statements) and/or the OCW action lines (`action_lines`, declared at the
top). A poll (kind `poll`) is a questionnaire of a few statements on a two-point scale
(oneens / eens), for the start of a meeting. `definition.parse` calls `kind_rules`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SCAN = "scan"
POLL = "poll"
POLL_MAX_STATEMENTS = 5


@dataclass(frozen=True)
class ActionLine:
    key: str
    title: str


def _no_tags(theme: dict, question: Any, where: str) -> dict:
    return {}


def kind_rules(kind: str, c, data: dict, scale) -> dict:
    """The kind's extra fields of the definition, and `tags`: per statement its tags."""
    if kind == POLL:
        _poll_check(c, data, scale)
    if kind != SCAN:
        return {"tags": _no_tags}
    elements = c.text(data, "elements", "")
    lines: list[ActionLine] = []
    seen: set[str] = set()
    for i, raw in enumerate(c.sequence(data.get("action_lines"), "action_lines")):
        raw = c.mapping(raw, f"action_lines[{i}]")
        lines.append(
            ActionLine(
                key=c.key(raw, f"action_lines[{i}].", seen),
                title=c.text(raw, "title", f"action_lines[{i}]."),
            )
        )

    def tags(theme: dict, question: Any, where: str) -> dict:
        question = question if isinstance(question, dict) else {}
        element = question.get("element", theme.get("element")) or ""
        raw_lines = question.get("action_lines") or []
        if not isinstance(element, str):
            c.errors.append(f"{where}element: must be the key of an element")
            element = ""
        if not isinstance(raw_lines, list) or not all(
            isinstance(k, str) for k in raw_lines
        ):
            c.errors.append(f"{where}action_lines: must be a list of keys")
            raw_lines = []
        unknown = [k for k in raw_lines if k not in seen]
        if unknown:
            c.errors.append(
                f"{where}action_lines: {', '.join(map(repr, unknown))} is not declared "
                f"in action_lines"
            )
        if not element and not raw_lines:
            c.errors.append(
                f"{where}: a scan statement needs an element or action line"
            )
        return {"element": element, "action_lines": tuple(raw_lines)}

    return {"tags": tags, "elements": elements, "action_lines": tuple(lines)}


def _poll_check(c, data: dict, scale) -> None:
    if scale.min != 1 or scale.max != 2:
        c.errors.append("scale: a poll has two points, 1 (oneens) and 2 (eens)")
    themes = data.get("themes")
    if isinstance(themes, list) and len(themes) != 1:
        c.errors.append("themes: a poll has one theme")
    if isinstance(themes, list) and themes and isinstance(themes[0], dict):
        questions = themes[0].get("questions")
        if isinstance(questions, list) and len(questions) > POLL_MAX_STATEMENTS:
            c.errors.append(
                f"themes[0].questions: a poll has at most {POLL_MAX_STATEMENTS} "
                "statements"
            )
