"""A document's content as plain structure: sections of facts, text and tables.

In `core` because apps before `documents` (planning's voortgangsrapportage) build their
content in it; `documents` renders it.

The projectplan is built as this structure first; the PDF template renders it and
`DocumentContent.lines()` turns the very same structure into the plain text that the
content hash is over and that versions are compared on. So the text can never drift from
what the PDF shows, and a version's timestamp (printed on the cover) is not content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

EMPTY = "—"
# The PDF layout every DocumentContent is rendered in (the projectplan, the
# voortgangsrapportage): context `doc` (the content) and `made_at`.
TEMPLATE = "core/document/document.html"


def euro(amount: Decimal | None) -> str:
    """€ 12.500,00: Dutch grouping and decimal comma, whatever the server's locale."""
    if amount is None:
        return EMPTY
    sign = "-" if amount < 0 else ""
    grouped = f"{abs(amount):,.2f}".translate(str.maketrans(",.", ".,"))
    return f"{sign}€ {grouped}"


def text_lines(text: str) -> list[str]:
    """The non-empty lines of a multi-line text field, stripped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@dataclass
class Facts:
    """Label: value rows (a <dl> in the PDF)."""

    rows: list[tuple[str, str]]
    kind: str = "facts"

    def lines(self) -> list[str]:
        return [f"{label}: {value or EMPTY}" for label, value in self.rows]


@dataclass
class Text:
    """Free text typed in the app (aims, design…); `empty` is shown when there is none."""

    text: str
    empty: str = ""
    title: str = ""
    kind: str = "text"

    @property
    def paragraphs(self) -> list[str]:
        blocks = [b.strip() for b in (self.text or "").replace("\r", "").split("\n\n")]
        return [b for b in blocks if b]

    def lines(self) -> list[str]:
        head = [f"### {self.title}"] if self.title else []
        return head + (text_lines(self.text) or ([self.empty] if self.empty else []))


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    caption: str = ""
    empty: str = ""
    css: str = ""
    kind: str = "table"

    def lines(self) -> list[str]:
        head = [f"### {self.caption}"] if self.caption else []
        if not self.rows:
            return head + ([self.empty] if self.empty else [])
        # One line per row, each cell's own lines joined: a row compares as one line.
        body = [
            " | ".join(" / ".join(text_lines(cell)) or EMPTY for cell in row)
            for row in self.rows
        ]
        return [*head, " | ".join(self.headers), *body]


Part = Facts | Text | Table


@dataclass
class Section:
    title: str
    parts: list[Part] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"## {self.title}"] + [line for p in self.parts for line in p.lines()]


@dataclass
class DocumentContent:
    title: str
    subtitle: str
    facts: Facts
    sections: list[Section]

    def lines(self) -> list[str]:
        out = [f"# {self.title}", self.subtitle, *self.facts.lines()]
        for section in self.sections:
            out += ["", *section.lines()]
        return out

    def text(self) -> str:
        return "\n".join(self.lines()) + "\n"
