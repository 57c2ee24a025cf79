"""From uploaded bytes to CSV text, and the error type every check of a file raises."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from doorlopend.core.textfile import separator_of, text_decode

LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_BREAK_BYTES = re.compile(rb"\r\n|\r|\n")
# Tab, CR and LF belong in a text file; other control characters mean binary data that
# happened to decode as Windows-1252.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class RowError:
    """One reason a file was refused; line 1 is the header, as in a text editor."""

    line: int
    reason: str


class RegisterImportError(Exception):
    """The file was refused whole; `errors` lists every problem found, by line."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = sorted(errors, key=lambda error: error.line)
        shown = "; ".join(f"line {e.line}: {e.reason}" for e in self.errors[:5])
        super().__init__(shown)


def binary_problem(data: bytes) -> RowError | None:
    """Why `data` is obviously no CSV text (a workbook, UTF-16, NUL bytes), or None."""
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        reason = _(
            "This is an Excel workbook or a zip file, not a CSV file. "
            "Save it as CSV (semicolon-separated) first."
        )
        return RowError(1, reason)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        reason = _(
            "This file is saved as UTF-16 text. "
            "Save it as CSV in UTF-8 or Windows-1252."
        )
        return RowError(1, reason)
    nul = data.find(b"\x00")
    if nul >= 0:
        line = len(_LINE_BREAK_BYTES.findall(data, 0, nul)) + 1
        reason = _(
            "The file contains NUL bytes: it is a binary file, not a CSV text file."
        )
        return RowError(line, reason)
    return None


def decode(data: bytes) -> str:
    """The file as text: UTF-8 (with or without BOM), else Windows-1252."""
    problem = binary_problem(data)
    if problem:
        raise RegisterImportError([problem])
    try:
        text = text_decode(data)
    except UnicodeDecodeError as error:
        line = len(_LINE_BREAK_BYTES.findall(error.object, 0, error.start)) + 1
        reason = _("The file can be read neither as UTF-8 nor as Windows-1252 text.")
        raise RegisterImportError([RowError(line, reason)]) from None
    control = _CONTROL.search(text)
    if control:
        line = len(LINE_BREAK.findall(text, 0, control.start())) + 1
        reason = _(
            "The file contains control characters: "
            "it is a binary file, not a CSV text file."
        )
        raise RegisterImportError([RowError(line, reason)])
    return text


def separator_problem(text: str) -> RowError | None:
    """A header line separated by commas or tabs instead of semicolons."""
    # Checked on the raw line: read with ";", a quoted comma-separated header is not one
    # long column but a quoting error, which would hide the real mistake.
    for number, line in enumerate(LINE_BREAK.split(text), start=1):
        if not line.strip():
            continue
        separator = ";" if ";" in line else separator_of(line)
        if separator == ",":
            reason = _(
                "The columns are separated by commas. "
                "DUO's files are separated by semicolons (;)."
            )
            return RowError(number, reason)
        if separator == "\t":
            reason = _(
                "The columns are separated by tabs. "
                "DUO's files are separated by semicolons (;)."
            )
            return RowError(number, reason)
        return None
    return None
