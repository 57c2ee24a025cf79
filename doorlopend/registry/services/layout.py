"""DUO's column names, and which of its two layouts a header line is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import Sector

BRIN = "BRIN NUMMER"
VESTIGING = "VESTIGINGSNUMMER"
LOCATION_NAME = "VESTIGINGSNAAM"
INSTITUTION_NAME = "INSTELLINGSNAAM"
REGION_CODE = "RMC-REGIO CODE"
REGION_NAME = "RMC-REGIO NAAM"

BRIN_PATTERN = re.compile(r"[0-9]{2}[A-Z0-9]{2}")
VESTIGING_PATTERN = re.compile(r"[0-9]{2}[A-Z0-9]{2}[0-9]{2}")

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
    columns: list[str]  # normalised names, trailing empty ones (a trailing ";") dropped
    raw_width: int
    line: int
    problems: list[str] = field(default_factory=list)
    readable: bool = True  # False: the rows cannot even be checked


def normalise_header(name: str) -> str:
    """`" Brin_nummer "` → `"BRIN NUMMER"`: people re-save DUO's files in spreadsheets."""
    return " ".join(name.replace("_", " ").split()).upper()


def detect_layout(row: list[str], *, sector: str | None, line: int) -> Layout:
    columns = [normalise_header(name) for name in row]
    raw_width = len(columns)
    while columns and not columns[-1]:
        columns.pop()
    problems = [
        _("Column %(number)s has no name.") % {"number": number}
        for number, column in enumerate(columns, start=1)
        if not column
    ]
    problems.extend(
        _("The column “%(column)s” appears more than once.") % {"column": column}
        for column in sorted(
            {column for column in columns if column and columns.count(column) > 1}
        )
    )
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
            problems.append(
                _(
                    "This is a list of vo school locations (it has a VESTIGINGSNUMMER column), not of %(sector)s institutions."
                )
                % {"sector": sector}
            )
    elif INSTITUTION_NAME in present or sector in INSTITUTION_SECTORS:
        is_vo, required, keys = False, INSTITUTION_COLUMNS, set(INSTITUTION_COLUMNS)
        resolved = sector if sector in INSTITUTION_SECTORS else ""
        if not resolved:
            problems.append(
                _("This is a list of institutions: choose its sector, mbo or hbo.")
            )
    else:
        problem = _(
            "This is not one of DUO's register files: it has no VESTIGINGSNUMMER column (a list of vo school "
            "locations) and no INSTELLINGSNAAM column (a list of mbo or hbo institutions)."
        )
        return Layout(
            False, "", columns, raw_width, line, [*problems, problem], readable=False
        )
    missing = [column for column in required if column not in present]
    problems.extend(
        _("The column “%(column)s” is missing.") % {"column": column}
        for column in missing
    )
    readable = not keys.intersection(missing)
    return Layout(is_vo, resolved, columns, raw_width, line, problems, readable)
