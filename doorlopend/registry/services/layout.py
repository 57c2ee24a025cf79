"""DUO's column names, and which of its two layouts a header line is.

Columns are known inside the app by one name each (the constants below); DUO has renamed
some over the years, so a header is first read through the alias table, `COLUMN_ALIASES`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Sector

BRIN = "BRIN NUMMER"
VESTIGING = "VESTIGINGSNUMMER"
LOCATION_NAME = "VESTIGINGSNAAM"
INSTITUTION_NAME = "INSTELLINGSNAAM"
REGION_CODE = "RMC-REGIO CODE"
REGION_NAME = "RMC-REGIO NAAM"

# Every name DUO has given a column, the current one first; the app's name is the key.
# Current files (vo locations, mbo and hbo institutions) say INSTELLINGSCODE and
# VESTIGINGSCODE; older ones BRIN NUMMER and VESTIGINGSNUMMER.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    BRIN: ("INSTELLINGSCODE", "BRIN NUMMER"),
    VESTIGING: ("VESTIGINGSCODE", "VESTIGINGSNUMMER"),
}
_CANONICAL = {
    alias: column for column, aliases in COLUMN_ALIASES.items() for alias in aliases
}

BRIN_PATTERN = re.compile(r"[0-9]{2}[A-Z0-9]{2}")
VESTIGING_PATTERN = re.compile(r"[0-9]{2}[A-Z0-9]{2}[0-9]{2}")
# Some DUO files give the vestigingscode as what follows the BRIN: "0", "3" or "03".
VESTIGING_SUFFIX_PATTERN = re.compile(r"[0-9]{1,2}")
_MAX_FOUND_SHOWN = 15

# Columns with a field of their own on RegisterEntry; all others go into `details`.
FIELD_COLUMNS = {
    "PROVINCIE": "province",
    "BEVOEGD GEZAG NUMMER": "competent_authority",
    "STRAATNAAM": "street",
    "HUISNUMMER-TOEVOEGING": "house_number",
    "POSTCODE": "postcode",
    "PLAATSNAAM": "place",
    "GEMEENTENUMMER": "municipality_code",
    "GEMEENTENAAM": "municipality",
    "DENOMINATIE": "denomination",
    "TELEFOONNUMMER": "phone",
    "INTERNETADRES": "website",
    "ONDERWIJSSTRUCTUUR": "education_structure",
}
REGION_PAIRS = [
    "NODAAL GEBIED",
    "RPA-GEBIED",
    "WGR-GEBIED",
    "COROPGEBIED",
    "ONDERWIJSGEBIED",
    "RMC-REGIO",
]
CORRESPONDENCE_COLUMNS = [
    f"{column} CORRESPONDENTIEADRES"
    for column in ("STRAATNAAM", "HUISNUMMER-TOEVOEGING", "POSTCODE", "PLAATSNAAM")
]
# "Adressen alle vestigingen vo", in DUO's order. Every column is required: a file without
# one is another layout, and importing it would blank that field on every school.
VO_COLUMNS = [
    "PROVINCIE",
    "BEVOEGD GEZAG NUMMER",
    BRIN,
    VESTIGING,
    LOCATION_NAME,
    *list(FIELD_COLUMNS)[2:],
    *CORRESPONDENCE_COLUMNS,
    *(f"{pair} {part}" for pair in REGION_PAIRS for part in ("CODE", "NAAM")),
]
# The mbo and hbo lists differ over the years; only the key and the name are certain.
INSTITUTION_COLUMNS = [BRIN, INSTITUTION_NAME]
INSTITUTION_SECTORS = (Sector.MBO, Sector.HBO)


@dataclass(frozen=True)
class Layout:
    """What a header line says about the file."""

    is_vo: bool
    sector: str  # empty when an institution list came without its sector
    columns: list[str]  # the app's names, trailing empty ones (a trailing ";") dropped
    raw_width: int
    line: int
    problems: list[str] = field(default_factory=list)
    readable: bool = True  # False: the rows cannot even be checked


def normalise_header(name: str) -> str:
    """`" Brin_nummer "` → `"BRIN NUMMER"`: people re-save DUO's files in spreadsheets."""
    return " ".join(name.replace("_", " ").split()).upper()


def column_label(column: str) -> str:
    """A column as a message names it: every spelling DUO used, the current one first."""
    current, *older = COLUMN_ALIASES.get(column, (column,))
    if not older:
        return f"“{current}”"
    return _("“%(current)s” (or “%(old)s”)") % {"current": current, "old": older[0]}


def vestiging_full(brin: str, value: str) -> str:
    """The full vestigingscode: a one- or two-digit suffix next to a valid BRIN is padded
    and prefixed (16SW + "3" → "16SW03"); anything else is returned as it came."""
    if VESTIGING_SUFFIX_PATTERN.fullmatch(value) and BRIN_PATTERN.fullmatch(brin):
        return brin + value.zfill(2)
    return value


def detect_layout(row: list[str], *, sector: str | None, line: int) -> Layout:
    names = [normalise_header(name) for name in row]
    raw_width = len(names)
    while names and not names[-1]:
        names.pop()
    columns = [_CANONICAL.get(name, name) for name in names]
    problems = [
        _("Column %(number)s has no name.") % {"number": number}
        for number, column in enumerate(names, start=1)
        if not column
    ]
    problems.extend(
        _("The column “%(column)s” appears more than once.") % {"column": column}
        for column in sorted({name for name in names if name and names.count(name) > 1})
    )
    clashes = _alias_clashes(names)
    problems.extend(clashes)
    present = set(columns)
    if sector and sector not in Sector.values:
        problems.append(
            _("Unknown sector “%(sector)s”: choose vo, mbo or hbo.")
            % {"sector": sector}
        )
    if VESTIGING in present or LOCATION_NAME in present:
        is_vo, resolved, required, keys = (
            True,
            Sector.VO.value,
            VO_COLUMNS,
            {BRIN, VESTIGING, LOCATION_NAME},
        )
        if sector in INSTITUTION_SECTORS:
            problems.append(_vo_as_institutions(names, sector))
    elif INSTITUTION_NAME in present or sector in INSTITUTION_SECTORS:
        is_vo, required, keys = False, INSTITUTION_COLUMNS, set(INSTITUTION_COLUMNS)
        resolved = sector if sector in INSTITUTION_SECTORS else ""
        if not resolved:
            problems.append(
                _("This is a list of institutions: choose its sector, mbo or hbo.")
            )
    else:
        return Layout(
            False,
            "",
            columns,
            raw_width,
            line,
            [*problems, _neither(names)],
            readable=False,
        )
    missing = [column for column in required if column not in present]
    problems.extend(_missing(column) for column in missing)
    readable = not keys.intersection(missing) and not clashes
    return Layout(is_vo, resolved, columns, raw_width, line, problems, readable)


def _missing(column: str) -> str:
    if column in COLUMN_ALIASES:
        return _("The column %(column)s is missing.") % {"column": column_label(column)}
    return _("The column “%(column)s” is missing.") % {"column": column}


def _alias_clashes(names: list[str]) -> list[str]:
    """Two spellings of one column (BRIN NUMMER and INSTELLINGSCODE): which one is meant?"""
    problems = []
    for aliases in COLUMN_ALIASES.values():
        found = [alias for alias in aliases if alias in names]
        if len(found) > 1:
            problems.append(
                _(
                    "The columns “%(first)s” and “%(second)s” are two names for the same column; keep one."
                )
                % {"first": found[0], "second": found[1]}
            )
    return problems


def _quoted(names: list[str]) -> str:
    shown = [f"“{name}”" for name in names if name][:_MAX_FOUND_SHOWN]
    more = len([name for name in names if name]) - len(shown)
    return ", ".join(shown) + (", …" if more > 0 else "")


def _vo_as_institutions(names: list[str], sector: str) -> str:
    """A vo file imported as mbo or hbo: name only the columns the file really has."""
    telling = [
        name
        for name in names
        if _CANONICAL.get(name, name) in (VESTIGING, LOCATION_NAME)
    ]
    message = ngettext(
        "This looks like a list of vo school locations (it has the column %(columns)s), not a list of %(sector)s institutions.",
        "This looks like a list of vo school locations (it has the columns %(columns)s), not a list of %(sector)s institutions.",
        len(telling),
    ) % {"columns": _quoted(telling), "sector": sector}
    if INSTITUTION_NAME not in names:
        message += " " + _(
            "A list of %(sector)s institutions has an “%(column)s” column; this file has no “%(column)s” column."
        ) % {"sector": sector, "column": INSTITUTION_NAME}
    return message


def _neither(names: list[str]) -> str:
    """The columns each layout needs, and those the file has."""
    vo = ", ".join(column_label(c) for c in (BRIN, VESTIGING, LOCATION_NAME))
    institutions = ", ".join(column_label(c) for c in INSTITUTION_COLUMNS)
    message = _(
        "This is not one of DUO's register files. A list of vo school locations has the columns %(vo)s; a list of mbo or hbo institutions has %(institutions)s."
    ) % {"vo": vo, "institutions": institutions}
    found = _quoted(names)
    if found:
        message += " " + _("This file has the columns %(found)s.") % {"found": found}
    return message
