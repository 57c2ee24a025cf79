"""Our columns per kind of file, and the header names school systems use for them.

A school maps the headers of its export to these fields once (`ColumnMapping`); the
aliases only pre-fill that mapping. Header names are compared without case, spaces,
dashes, underscores and dots.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ...choices import ImportKind


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    help: str
    required: bool = False
    aliases: tuple[str, ...] = ()


PGN = Field(
    "pgn",
    _("Pupil number"),
    _("BSN or onderwijsnummer (9 digits, checked by its 11-proef). Never stored."),
    required=True,
    aliases=(
        "pgn",
        "bsn",
        "onderwijsnummer",
        "bsnonderwijsnummer",
        "burgerservicenummer",
        "persoonsgebondennummer",
        "leerlingnummerpgn",
    ),
)
NAME = Field(
    "name",
    _("Name"),
    _("Optional; stored encrypted, shown only to the decaan and mentor."),
    aliases=(
        "naam",
        "name",
        "volledigenaam",
        "leerling",
        "naamleerling",
        "roepnaamachternaam",
    ),
)
BIRTH_DATE = Field(
    "birth_date",
    _("Date of birth"),
    _("Optional; stored encrypted. dd-mm-yyyy or yyyy-mm-dd."),
    aliases=("geboortedatum", "gebdatum", "geboren", "birthdate", "dateofbirth"),
)
BRIN = Field(
    "brin",
    _("BRIN"),
    _(
        "Optional; the school's BRIN code (4 characters, or 6 with the location), a school where you are decaan. Empty: the school that uploads."
    ),
    aliases=("brin", "brinnummer", "brincode", "instelling", "brinvestiging", "school"),
)
VESTIGING = Field(
    "vestiging",
    _("Location number"),
    _("Optional; the location (2 digits, or the 6-character vestigingsnummer)."),
    aliases=("vestiging", "vestigingsnummer", "vestigingscode", "locatie"),
)
COHORT = Field(
    "cohort",
    _("Year of transition"),
    _(
        "Optional; the calendar year in which the pupil leaves vmbo. Empty: the year chosen at the upload."
    ),
    aliases=(
        "cohort",
        "jaar",
        "schooljaar",
        "uitstroomjaar",
        "jaarvanuitstroom",
        "year",
    ),
)
DATE = Field(
    "date",
    _("Date"),
    _("The date of the status: dd-mm-yyyy, d-m-yyyy or yyyy-mm-dd."),
    aliases=(
        "datum",
        "statusdatum",
        "date",
        "datumstatus",
        "peildatum",
        "mutatiedatum",
    ),
)

LEAVERS: tuple[Field, ...] = (
    PGN,
    NAME,
    BIRTH_DATE,
    BRIN,
    VESTIGING,
    Field(
        "leerweg",
        _("Leerweg"),
        _("Optional; BB, KB, GL or TL (or its full name)."),
        aliases=("leerweg", "vmboleerweg", "niveau", "leerwegvmbo"),
    ),
    Field(
        "profile",
        _("Profile"),
        _(
            "Optional; one of the ten vmbo profiles, by code (e.g. ZW) or name (e.g. Zorg en welzijn)."
        ),
        aliases=("profiel", "profile", "beroepsprofiel", "vmboprofiel"),
    ),
    Field(
        "route_kind",
        _("Kind of route"),
        _(
            "Optional; regulier, DLR (doorlopende leerroute) or GLR (geïntegreerde leerroute). Empty: regulier."
        ),
        aliases=("route", "soortroute", "leerroute", "routesoort", "dlrglr"),
    ),
    Field(
        "route_name",
        _("Name of the leerroute"),
        _("Optional; the name of the DLR or GLR route."),
        aliases=("routenaam", "naamleerroute", "naamroute", "leerroutenaam"),
    ),
    Field(
        "destination",
        _("Destination"),
        _(
            "Optional; mbo, havo, ander vo, doubleert, werk or onbekend. Anything but mbo is recorded as a status."
        ),
        aliases=(
            "bestemming",
            "vervolg",
            "uitstroombestemming",
            "vervolgopleiding",
            "destination",
        ),
    ),
    Field(
        "date",
        _("Date of the destination"),
        _(
            "Optional; the date the destination is recorded on. Empty: the day of the import."
        ),
        aliases=("datum", "datumbestemming", "peildatum"),
    ),
    COHORT,
    Field(
        "eindopdracht",
        _("Eindopdracht completed"),
        _(
            "Optional; ja or nee, or the date it was completed. Empty: unknown (an earlier answer stays)."
        ),
        aliases=(
            "eindopdrachtafgerond",
            "eindopdracht",
            "eindopdrachtklaar",
            "loopbaanopdrachtafgerond",
        ),
    ),
)

STATUSES: tuple[Field, ...] = (
    PGN,
    Field(
        "status",
        _("Status"),
        _(
            "The registration status, e.g. aangemeld, intake, ingeschreven, gestart (code or Dutch name)."
        ),
        required=True,
        aliases=(
            "status",
            "aanmeldstatus",
            "inschrijvingsstatus",
            "statusaanmelding",
            "fase",
        ),
    ),
    Field(
        "date",
        _("Date"),
        _("The date of the status: dd-mm-yyyy, d-m-yyyy or yyyy-mm-dd."),
        required=True,
        aliases=DATE.aliases,
    ),
    BRIN,
    VESTIGING,
    Field(
        "crebo",
        _("Crebo"),
        _("Optional; the qualification's crebo number (5 digits)."),
        aliases=("crebo", "crebonummer", "crebocode", "opleidingscode"),
    ),
    Field(
        "qualification",
        _("Qualification"),
        _("Optional; the name of the mbo programme."),
        aliases=(
            "opleiding",
            "kwalificatie",
            "opleidingsnaam",
            "naamopleiding",
            "qualification",
        ),
    ),
    Field(
        "sector",
        _("Sector"),
        _("Optional; the sector or domain of the programme."),
        aliases=("sector", "domein", "branche", "sectorkamer"),
    ),
    Field(
        "mbo_leerweg",
        _("BOL/BBL"),
        _("Optional; BOL or BBL."),
        aliases=("bolbbl", "leerwegmbo", "mboleerweg", "bol", "bbl"),
    ),
    COHORT,
    NAME,
    BIRTH_DATE,
)

FIELDS: dict[str, tuple[Field, ...]] = {
    ImportKind.LEAVERS: LEAVERS,
    ImportKind.STATUSES: STATUSES,
}

_NOISE = re.compile(r"[\s_\-./()]+")


def header_key(header: str) -> str:
    """A header as compared: lower case, without spaces and punctuation."""
    return _NOISE.sub("", str(header or "").lower())


def fields_for(kind: str) -> tuple[Field, ...]:
    return FIELDS[kind]


def mapping_suggest(*, kind: str, headers: list[str]) -> dict[str, str]:
    """{our field: header} for the headers that match an alias; each header used once."""
    return fields_suggest(fields_for(kind), headers)


def fields_suggest(fields: tuple[Field, ...], headers: list[str]) -> dict[str, str]:
    """{field name: header} of `fields` matched to `headers` by name or alias; each
    header used once (the one matching rule of every import, also the region's)."""
    by_key = {}
    for header in headers:
        by_key.setdefault(header_key(header), header)
    suggestion: dict[str, str] = {}
    used: set[str] = set()
    for field in fields:
        for alias in (field.name, *field.aliases):
            header = by_key.get(header_key(alias))
            if header is not None and header not in used:
                suggestion[field.name] = header
                used.add(header)
                break
    return suggestion


def mapping_problems(
    *, kind: str, columns: dict[str, str], headers: list[str]
) -> dict[str, str]:
    """{our field: problem} for a mapping that does not fit `headers`; empty when it fits."""
    return fields_problems(fields_for(kind), columns, headers)


def fields_problems(
    fields: tuple[Field, ...], columns: dict[str, str], headers: list[str]
) -> dict[str, str]:
    """{field name: problem} for a mapping of `fields` that does not fit `headers`."""
    # `gettext` by its own name, so that makemessages finds these strings.
    from django.utils.translation import gettext

    problems: dict[str, str] = {}
    seen: dict[str, str] = {}
    for field in fields:
        header = columns.get(field.name) or ""
        if not header:
            if field.required:
                problems[field.name] = gettext(
                    "“%(field)s” is required: choose the column that holds it."
                ) % {"field": field.label}
            continue
        if header not in headers:
            problems[field.name] = gettext("The file has no column “%(header)s”.") % {
                "header": header
            }
        elif header in seen:
            problems[field.name] = gettext(
                "The column “%(header)s” is already used for “%(other)s”."
            ) % {
                "header": header,
                "other": seen[header],
            }
        else:
            seen[header] = str(field.label)
    return problems
