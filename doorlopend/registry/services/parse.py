"""Reading DUO's register files: bytes in, checked rows out. Pure: no database.

Two layouts, told apart by their columns: "Adressen alle vestigingen vo" (one row per
school location, keyed by VESTIGINGSCODE, formerly VESTIGINGSNUMMER) and the mbo and hbo
institution lists (one row per INSTELLINGSCODE, formerly BRIN NUMMER, named by
INSTELLINGSNAAM). Columns are found by name, never by position: DUO has added, reordered
and renamed columns before (`layout.COLUMN_ALIASES`). A vestigingscode given as only its
one- or two-digit suffix is read as the full code (BRIN + two digits).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..models import Region, RegisterEntry
from .layout import (
    BRIN,
    BRIN_PATTERN,
    FIELD_COLUMNS,
    INSTITUTION_NAME,
    LOCATION_NAME,
    REGION_CODE,
    REGION_NAME,
    VESTIGING,
    VESTIGING_PATTERN,
    VESTIGING_SUFFIX_PATTERN,
    Layout,
    detect_layout,
    vestiging_full,
)
from .text import RegisterImportError, RowError, decode, separator_problem


@dataclass(frozen=True)
class ParsedEntry:
    line: int
    brin: str
    vestiging: str
    # model field → value, for `name` and the fields of FIELD_COLUMNS
    values: dict[str, str]
    region_code: str
    region_name: str
    details: dict[str, str]


@dataclass(frozen=True)
class ParsedRegister:
    sector: str
    entries: list[ParsedEntry]
    regions: dict[str, str]  # RMC code → name, first spelling in the file wins


_MAX_NAME = RegisterEntry._meta.get_field("name").max_length
# Longer values would fail in the database (PostgreSQL) after the file had been accepted.
_MAX_LENGTHS = {
    **{
        c: RegisterEntry._meta.get_field(f).max_length for c, f in FIELD_COLUMNS.items()
    },
    LOCATION_NAME: _MAX_NAME,
    INSTITUTION_NAME: _MAX_NAME,
    REGION_CODE: Region._meta.get_field("code").max_length,
    REGION_NAME: Region._meta.get_field("name").max_length,
}


def parse_register(data: bytes, *, sector: str | None = None) -> ParsedRegister:
    """Check the whole file and return its rows; raise RegisterImportError listing every problem.

    `sector` is needed for an institution list (mbo or hbo); a vo location list says so itself.
    """
    text = decode(data)
    separator = separator_problem(text)
    if separator:
        raise RegisterImportError([separator])
    errors: list[RowError] = []
    layout: Layout | None = None
    entries: list[ParsedEntry] = []
    regions: dict[str, str] = {}
    first_line: dict[tuple[str, str], int] = {}
    for line, row, problem in _records(text):
        if problem:
            errors.append(RowError(line, problem))
        elif not any(value.strip() for value in row):
            continue  # blank lines are skipped, but still counted
        elif layout is None:
            layout = detect_layout(row, sector=sector, line=line)
            errors.extend(RowError(line, reason) for reason in layout.problems)
            if not layout.readable:
                break
        else:
            entry, reasons = _check_row(row, layout, line, first_line)
            errors.extend(RowError(line, reason) for reason in reasons)
            if entry is not None and not reasons:
                entries.append(entry)
                if entry.region_code:
                    regions.setdefault(entry.region_code, entry.region_name)
    if layout is None:
        errors.append(RowError(1, _("The file is empty.")))
    elif layout.readable and not entries and not errors:
        errors.append(RowError(layout.line, _("The file has a header but no rows.")))
    if errors:
        raise RegisterImportError(errors)
    return ParsedRegister(sector=layout.sector, entries=entries, regions=regions)


def _records(text: str) -> Iterator[tuple[int, list[str], str]]:
    """(line the record starts on, fields, problem) for each record, blank ones included."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield start, [], _csv_problem(error)
        else:
            yield start, row, ""
        # A quoted value may hold line breaks: the next record starts after the last one read.
        start = reader.line_num + 1


def _csv_problem(error: csv.Error) -> str:
    message = str(error)
    if "unexpected end of data" in message:
        return _(
            'A quoted value is not closed: a quote (") is missing, so the rest of the file was read as one value.'
        )
    if "expected after" in message:
        return _(
            'A closing quote (") must be followed by a semicolon or the end of the line.'
        )
    if "field larger than field limit" in message:
        return _("A value in this row is far too long.")
    return _("This row cannot be read as CSV.")


def _check_row(
    row: list[str], layout: Layout, line: int, first_line: dict[tuple[str, str], int]
) -> tuple[ParsedEntry | None, list[str]]:
    width = len(layout.columns)
    if (
        len(row) > width
        and len(row) <= layout.raw_width + 1
        and not any(v.strip() for v in row[width:])
    ):
        row = row[:width]  # a trailing ";" (on the header, the row or both)
    if len(row) != width:
        message = _(
            "This row has %(count)s fields, but the header has %(width)s. Check the separators and quotes."
        )
        return None, [message % {"count": len(row), "width": width}]
    values = {
        column: value.strip()
        for column, value in zip(layout.columns, row, strict=True)
        if column
    }
    if layout.is_vo and VESTIGING in values:
        values[VESTIGING] = vestiging_full(values.get(BRIN, ""), values[VESTIGING])
    reasons = _key_problems(values, layout)
    name_column = LOCATION_NAME if layout.is_vo else INSTITUTION_NAME
    if not values.get(name_column):
        reasons.append(_("The name (%(column)s) is empty.") % {"column": name_column})
    reasons.extend(_length_problems(values))
    if bool(values.get(REGION_CODE)) != bool(values.get(REGION_NAME)):
        reasons.append(
            _("%(code)s and %(name)s must both be filled in or both be empty.")
            % {"code": REGION_CODE, "name": REGION_NAME}
        )
    brin = values.get(BRIN, "")
    vestiging = values.get(VESTIGING, "") if layout.is_vo else ""
    if not reasons:
        first = first_line.setdefault((brin, vestiging), line)
        if first != line:
            reasons.append(
                _("%(code)s appears more than once: it was already on line %(line)s.")
                % {"code": vestiging or brin, "line": first}
            )
    if reasons:
        return None, reasons
    fields = {field: values.get(column, "") for column, field in FIELD_COLUMNS.items()}
    fields["name"] = values[name_column]
    used = {*FIELD_COLUMNS, BRIN, VESTIGING, name_column, REGION_CODE, REGION_NAME}
    details = {
        column: value
        for column, value in values.items()
        if column not in used and value
    }
    region = (values.get(REGION_CODE, ""), values.get(REGION_NAME, ""))
    return ParsedEntry(line, brin, vestiging, fields, *region, details), []


def _key_problems(values: dict[str, str], layout: Layout) -> list[str]:
    brin = values.get(BRIN, "")
    reasons = []
    if not brin:
        reasons.append(_("The BRIN number is empty."))
    elif not BRIN_PATTERN.fullmatch(brin):
        reasons.append(
            _(
                "The BRIN number “%(brin)s” is not valid: it should be two digits and two capital letters or digits, such as 16SW."
            )
            % {"brin": brin}
        )
    if not layout.is_vo:
        return reasons
    vestiging = values.get(VESTIGING, "")
    if not vestiging:
        reasons.append(_("The vestigingsnummer is empty."))
    elif VESTIGING_SUFFIX_PATTERN.fullmatch(vestiging):
        pass  # a suffix next to an invalid BRIN: the BRIN's own message says it all
    elif not VESTIGING_PATTERN.fullmatch(vestiging):
        reasons.append(
            _(
                "The vestigingsnummer “%(number)s” is not valid: it should be the BRIN number and two digits, such as 16SW03."
            )
            % {"number": vestiging}
        )
    elif BRIN_PATTERN.fullmatch(brin) and not vestiging.startswith(brin):
        reasons.append(
            _(
                "The vestigingsnummer “%(number)s” does not start with this row's BRIN number “%(brin)s”."
            )
            % {"number": vestiging, "brin": brin}
        )
    return reasons


def _length_problems(values: dict[str, str]) -> list[str]:
    message = _("%(column)s is longer than %(max)s characters.")
    return [
        message % {"column": column, "max": limit}
        for column, limit in _MAX_LENGTHS.items()
        if len(values.get(column, "")) > limit
    ]
