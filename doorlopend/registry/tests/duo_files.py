"""Build DUO register files for tests: rows as dicts, written in DUO's layouts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from doorlopend.registry.services.layout import (
    CORRESPONDENCE_COLUMNS,
    REGION_PAIRS,
    VO_COLUMNS,
)

DATA = Path(__file__).parent / "data"
DEMO = Path(__file__).parent.parent / "data"
INSTITUTION_COLUMNS = [
    "PROVINCIE",
    "BEVOEGD GEZAG NUMMER",
    "BRIN NUMMER",
    "INSTELLINGSNAAM",
    "STRAATNAAM",
    "HUISNUMMER-TOEVOEGING",
    "POSTCODE",
    "PLAATSNAAM",
    "GEMEENTENUMMER",
    "GEMEENTENAAM",
    "RMC-REGIO CODE",
    "RMC-REGIO NAAM",
]


def vo_row(brin: str = "16SW", suffix: str = "00", **overrides: str) -> dict[str, str]:
    """A complete vo location row; keyword arguments use the column name with _ for spaces."""
    row = dict.fromkeys(VO_COLUMNS, "")
    row.update(
        {
            "PROVINCIE": "Noord-Brabant",
            "BEVOEGD GEZAG NUMMER": "41234",
            "BRIN NUMMER": brin,
            "VESTIGINGSNUMMER": brin + suffix,
            "VESTIGINGSNAAM": f"Testcollege {brin}{suffix}",
            "STRAATNAAM": "Schoolstraat",
            "HUISNUMMER-TOEVOEGING": "1",
            "POSTCODE": "5831 CR",
            "PLAATSNAAM": "BOXMEER",
            "GEMEENTENUMMER": "0756",
            "GEMEENTENAAM": "BOXMEER",
            "DENOMINATIE": "Openbaar",
            "INTERNETADRES": "www.test.example",
            "ONDERWIJSSTRUCTUUR": "VMBO/HAVO/VWO",
            "POSTCODE CORRESPONDENTIEADRES": "5830 AA",
            **{f"{pair} CODE": "36" for pair in REGION_PAIRS},
            **{f"{pair} NAAM": "Noordoost-Brabant" for pair in REGION_PAIRS},
        }
    )
    row.update({name.replace("_", " "): value for name, value in overrides.items()})
    return row


def institution_row(
    brin: str = "25LP", name: str = "Testinstelling", **overrides: str
) -> dict[str, str]:
    row = dict.fromkeys(INSTITUTION_COLUMNS, "")
    row.update(
        {
            "BRIN NUMMER": brin,
            "INSTELLINGSNAAM": name,
            "PLAATSNAAM": "TIEL",
            "GEMEENTENAAM": "TIEL",
            "RMC-REGIO CODE": "22",
            "RMC-REGIO NAAM": "Rivierenland",
        }
    )
    row.update({name.replace("_", " "): value for name, value in overrides.items()})
    return row


def duo_file(
    rows: list[dict[str, str]],
    *,
    columns: list[str] | None = None,
    encoding: str = "utf-8",
    newline: str = "\n",
    trailing: bool = False,
    quote_all: bool = True,
    delimiter: str = ";",
) -> bytes:
    """The rows as DUO writes them: every value quoted, `;`-separated (all adjustable)."""
    columns = columns if columns is not None else list(rows[0]) if rows else VO_COLUMNS
    out = io.StringIO()
    writer = csv.writer(
        out,
        delimiter=delimiter,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
        lineterminator=(delimiter if trailing else "") + newline,
    )
    writer.writerow(columns)
    writer.writerows([row.get(column, "") for column in columns] for row in rows)
    return out.getvalue().encode(encoding)


# The key columns as DUO's current files name them (the builders above use the old names).
CURRENT_NAMES = {"BRIN NUMMER": "INSTELLINGSCODE", "VESTIGINGSNUMMER": "VESTIGINGSCODE"}


def current_layout(
    rows: list[dict[str, str]], *, suffix: bool = False, **options
) -> bytes:
    """The rows in DUO's current layout: INSTELLINGSCODE and VESTIGINGSCODE for BRIN NUMMER
    and VESTIGINGSNUMMER, the vestigingscode in full (00AH00) or, with `suffix`, only what
    follows the BRIN (00)."""
    renamed = []
    for row in rows:
        new = {
            CURRENT_NAMES.get(column, column): value for column, value in row.items()
        }
        if suffix and "VESTIGINGSCODE" in new:
            new["VESTIGINGSCODE"] = new["VESTIGINGSCODE"][len(new["INSTELLINGSCODE"]) :]
        renamed.append(new)
    return duo_file(renamed, **options)


def vo_file(count: int = 3, **options) -> bytes:
    """`count` valid locations: BRINs 10AA, 10AB, … with location 00."""
    return duo_file([vo_row(brin) for brin in brins(count)], **options)


def brins(count: int) -> list[str]:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return [
        f"{10 + n // 676:02d}{letters[n // 26 % 26]}{letters[n % 26]}"
        for n in range(count)
    ]


__all__ = [
    "CORRESPONDENCE_COLUMNS",
    "CURRENT_NAMES",
    "DATA",
    "DEMO",
    "current_layout",
    "duo_file",
    "institution_row",
    "vo_file",
    "vo_row",
]
