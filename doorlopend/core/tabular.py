"""What a spreadsheet must not run, and the one CSV writer every CSV export uses.

The rule (formula injection, OWASP "CSV Injection", ASVS 1.2.10): text a person typed —
a school, a funding source, a session title, a name in the access log — is written so
that no spreadsheet program runs it as a formula, whatever it starts with.

A text *looks like a formula* when its first character is one a spreadsheet starts a
formula or a command with: ``=``, ``+``, ``-``, ``@``, a tab, a carriage return, a line
feed or a NUL, or the full-width ``＝ ＋ － ＠`` that some East Asian input methods type
and some spreadsheets read as their ASCII twins.

- **CSV** carries no types: every field is text until a spreadsheet guesses. A text that
  looks like a formula is written with a single quote in front (``'=HYPERLINK(…)``), the
  OWASP advice; the quote is visible in the cell, the price of safety (a phone number
  ``+31 6 …`` comes out ``'+31 6 …``). Numbers the code computed (``int``, ``Decimal``,
  ``float``) are never quoted, so a negative amount stays a number; they use a decimal
  comma, as the files are ``;``-separated for Dutch Excel. Dates are ISO
  (``2026-12-04``, ``2026-12-04 21:05:00`` in local time), which every spreadsheet reads.
- **XLSX** has types, see `core.xlsx`: user text is a string cell, shown exactly as typed;
  only a `Formula` the code built itself becomes a formula.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from django.utils import timezone

FORMULA_START = frozenset("=+-@\t\r\n\0＝＋－＠")
# Excel reads a UTF-8 file right only with a byte-order mark (else é becomes Ã©).
BOM = "\ufeff"


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet could take this text, as its first character says, for a
    formula or a command."""
    return bool(text) and text[0] in FORMULA_START


def csv_field(value: object) -> str:
    """One field as text by the rule above: a user text that looks like a formula gets a
    quote in front; numbers, dates and None are written as what they are."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal | float):
        return str(value).replace(".", ",")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    return f"'{text}" if looks_like_formula(text) else text


class _Line:
    """A file-like object that hands back what the csv writer writes, for streaming."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Sequence[object]]) -> Iterator[str]:
    """The file as text pieces — the byte-order mark, then one `;`-separated line per row
    ending in CRLF — for a StreamingHttpResponse over many rows."""
    writer = csv.writer(_Line(), delimiter=";", lineterminator="\r\n")
    yield BOM
    for row in rows:
        yield writer.writerow([csv_field(v) for v in row])


def csv_bytes(rows: Iterable[Sequence[object]]) -> bytes:
    """The whole file, UTF-8 with a byte-order mark."""
    out = io.StringIO()
    for piece in csv_lines(rows):
        out.write(piece)
    return out.getvalue().encode("utf-8")
