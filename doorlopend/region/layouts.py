"""The columns of the three layouts, the header names the publishers use for them, and
how one line of each becomes a row.

Header matching and its aliases are the doorstroom import's (`transitions` columns), as
are the readers and the code tables; only the fields are the region's. A count the
publisher masked ("<5", "x", "*", "-", "." or empty) is None: unknown, never 0.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from doorlopend.registry.education import Leerweg, MboLeerweg, VmboProfile
from doorlopend.transitions.services.imports.columns import Field
from doorlopend.transitions.services.imports.lookups import (
    LEERWEG_EXTRA,
    code_table,
    fold,
)

from .models import DataKind, LabourMarket, MboStudents, Prospect, VoPupils

MASKED = frozenset({"<5", "< 5", "x", "X", "*", "-", ".", "", "<10", "< 10"})

YEAR = Field(
    "year",
    _l("Year"),
    _l("The school year's first calendar year or the reference year."),
    required=True,
    aliases=("jaar", "schooljaar", "peiljaar", "studiejaar", "year"),
)
BRIN = Field(
    "brin",
    _l("Institution code"),
    _l("DUO's institution code (BRIN, 4 characters)."),
    required=True,
    aliases=("instellingscode", "brinnummer", "brin", "brincode"),
)
MUNICIPALITY = Field(
    "municipality",
    _l("Municipality"),
    _l("Optional."),
    aliases=("gemeentenaam", "gemeente", "plaatsnaam"),
)

VO_FIELDS: tuple[Field, ...] = (
    YEAR,
    BRIN,
    Field(
        "vestiging",
        _l("Location code"),
        _l("Optional; the location (2 digits or 6 characters)."),
        aliases=("vestigingscode", "vestigingsnummer", "vestiging"),
    ),
    Field(
        "location_name",
        _l("School location"),
        _l("The name of the location."),
        required=True,
        aliases=("vestigingsnaam", "instellingsnaamvestiging", "naamvestiging"),
    ),
    MUNICIPALITY,
    Field(
        "rmc_region",
        _l("RMC region"),
        _l("Optional; the RMC region's code."),
        aliases=("rmcregio", "rmcregiocode", "rmc"),
    ),
    Field(
        "leerweg",
        _l("Leerweg"),
        _l("BB, KB, GL or TL (or its name)."),
        required=True,
        aliases=("leerweg", "onderwijstype", "vmboleerweg"),
    ),
    Field(
        "profile",
        _l("Profile"),
        _l("Optional; the vmbo profile by code or name."),
        aliases=("profiel", "vmboprofiel", "beroepsgerichtprofiel"),
    ),
    Field(
        "pupils",
        _l("Pupils"),
        _l("The number of pupils; masked cells are unknown."),
        required=True,
        aliases=("aantalleerlingen", "leerlingen", "aantal", "totaal"),
    ),
)

MBO_FIELDS: tuple[Field, ...] = (
    YEAR,
    BRIN,
    Field(
        "institution_name",
        _l("Institution"),
        _l("The name of the institution."),
        required=True,
        aliases=("instellingsnaam", "naaminstelling", "instelling"),
    ),
    MUNICIPALITY,
    Field(
        "crebo",
        _l("Crebo"),
        _l("The qualification's crebo number (5 digits)."),
        required=True,
        aliases=("kwalificatiecodecrebo", "crebo", "crebocode", "kwalificatiecode"),
    ),
    Field(
        "qualification",
        _l("Qualification"),
        _l("Optional; the qualification's name."),
        aliases=("kwalificatienaam", "kwalificatie", "opleidingsnaam", "opleiding"),
    ),
    Field(
        "level",
        _l("Level"),
        _l("Optional; 1 to 4."),
        aliases=("niveau", "kwalificatieniveau", "mboniveau"),
    ),
    Field(
        "mbo_leerweg",
        _l("BOL/BBL"),
        _l("BOL or BBL."),
        required=True,
        aliases=("leerweg", "bolbbl", "mboleerweg"),
    ),
    Field(
        "students",
        _l("Students"),
        _l("The number of students; masked cells are unknown."),
        required=True,
        aliases=("aantalstudenten", "studenten", "aantalingeschrevenen", "aantal"),
    ),
)

LABOUR_FIELDS: tuple[Field, ...] = (
    Field(
        "region",
        _l("Region"),
        _l("The labour-market region."),
        required=True,
        aliases=("arbeidsmarktregio", "regio", "regionaam"),
    ),
    Field(
        "sector",
        _l("Sector"),
        _l("The sector."),
        required=True,
        aliases=("sector", "bedrijfstak", "branche"),
    ),
    Field(
        "occupation",
        _l("Occupational group"),
        _l("Optional; the occupational group or work field."),
        aliases=("beroepsgroep", "beroepsklasse", "beroep", "werkveld"),
    ),
    Field(
        "prospect",
        _l("Prospect"),
        _l("Very good, good, reasonable, moderate or poor (or 5 to 1)."),
        required=True,
        aliases=("perspectief", "arbeidsmarktperspectief", "kansen", "indicator"),
    ),
    Field(
        "vacancies",
        _l("Vacancies"),
        _l("Optional; open vacancies; masked cells are unknown."),
        aliases=("openstaandevacatures", "vacatures", "aantalvacatures"),
    ),
)

FIELDS = {
    DataKind.VO_PUPILS: VO_FIELDS,
    DataKind.MBO_STUDENTS: MBO_FIELDS,
    DataKind.LABOUR_MARKET: LABOUR_FIELDS,
}
MODELS = {
    DataKind.VO_PUPILS: VoPupils,
    DataKind.MBO_STUDENTS: MboStudents,
    DataKind.LABOUR_MARKET: LabourMarket,
}

PROSPECT_EXTRA = {
    "zeer goed": Prospect.VERY_GOOD,
    "zeer ruim": Prospect.VERY_GOOD,
    "goed": Prospect.GOOD,
    "ruim": Prospect.GOOD,
    "redelijk": Prospect.REASONABLE,
    "gemiddeld": Prospect.REASONABLE,
    "matig": Prospect.MODERATE,
    "krap": Prospect.MODERATE,
    "slecht": Prospect.POOR,
    "beperkt": Prospect.POOR,
    **{str(p.value): p.value for p in Prospect},
}
_MBO_LEERWEG_EXTRA = {"bol": "bol", "bbl": "bbl", "bol vt": "bol", "bol dt": "bol"}


class BadLine(ValueError):
    """One line's problem, in a sentence."""


class Parser:
    """Turns one line (a dict of our field → raw value) into a row's fields."""

    def __init__(self):
        self.leerweg = code_table(Leerweg, LEERWEG_EXTRA)
        self.profile = code_table(VmboProfile)
        self.mbo_leerweg = code_table(MboLeerweg, _MBO_LEERWEG_EXTRA)
        self.prospect = {fold(k): int(v) for k, v in PROSPECT_EXTRA.items()}
        for choice in Prospect:
            self.prospect.update(
                {k: choice.value for k, v in code_table([choice]).items()}
            )
        self.masked = 0

    def count(self, raw: Any, label) -> int | None:
        text = str(raw).strip()
        if text in MASKED:
            self.masked += 1
            return None
        text = (
            text.replace(".", "") if re.fullmatch(r"\d{1,3}(\.\d{3})+", text) else text
        )
        if not text.isdigit():
            raise BadLine(
                _("%(field)s: “%(value)s” is not a number.")
                % {"field": label, "value": text}
            )
        return int(text)

    @staticmethod
    def year(raw: Any) -> int:
        text = str(raw).strip()
        match = re.match(r"^(\d{4})(?:\s*[-/]\s*\d{2,4})?$", text)
        if not match:
            raise BadLine(_("Year: “%(value)s” is not a year.") % {"value": text})
        return int(match.group(1))

    @staticmethod
    def brin(raw: Any) -> str:
        text = str(raw).strip().upper()
        if not re.fullmatch(r"[0-9A-Z]{4}", text):
            raise BadLine(
                _("Institution code: “%(value)s” is not a code of 4 characters.")
                % {"value": text}
            )
        return text

    @staticmethod
    def lookup(table: dict, raw: Any, label, *, required: bool = True) -> str:
        text = str(raw).strip()
        if not text and not required:
            return ""
        code = table.get(fold(text))
        if code is None:
            raise BadLine(
                _("%(field)s: “%(value)s” is not known.")
                % {"field": label, "value": text}
            )
        return code

    @staticmethod
    def text(raw: Any, label, *, required: bool = False, limit: int = 200) -> str:
        text = str(raw).strip()
        if required and not text:
            raise BadLine(_("%(field)s is empty.") % {"field": label})
        return text[:limit]

    def row(self, kind: str, raw: dict[str, Any]) -> dict[str, Any]:
        get = raw.get
        if kind == DataKind.VO_PUPILS:
            vestiging = str(get("vestiging", "")).strip().upper()
            return {
                "year": self.year(get("year", "")),
                "brin": self.brin(get("brin", "")),
                "vestiging": vestiging[-2:] if vestiging else "",
                "location_name": self.text(
                    get("location_name", ""), _("School location"), required=True
                ),
                "municipality": self.text(get("municipality", ""), "", limit=100),
                "rmc_region": self.text(get("rmc_region", ""), "", limit=10),
                "leerweg": self.lookup(self.leerweg, get("leerweg", ""), _("Leerweg")),
                "profile": self.lookup(
                    self.profile, get("profile", ""), _("Profile"), required=False
                ),
                "pupils": self.count(get("pupils", ""), _("Pupils")),
            }
        if kind == DataKind.MBO_STUDENTS:
            crebo = str(get("crebo", "")).strip()
            if not re.fullmatch(r"\d{5}", crebo):
                raise BadLine(
                    _("Crebo: “%(value)s” is not five digits.") % {"value": crebo}
                )
            level = str(get("level", "")).strip()
            if level and level not in {"1", "2", "3", "4"}:
                raise BadLine(_("Level: “%(value)s” is not 1 to 4.") % {"value": level})
            return {
                "year": self.year(get("year", "")),
                "brin": self.brin(get("brin", "")),
                "institution_name": self.text(
                    get("institution_name", ""), _("Institution"), required=True
                ),
                "municipality": self.text(get("municipality", ""), "", limit=100),
                "crebo": crebo,
                "qualification": self.text(get("qualification", ""), ""),
                "level": int(level) if level else None,
                "mbo_leerweg": self.lookup(
                    self.mbo_leerweg, get("mbo_leerweg", ""), _("BOL/BBL")
                ),
                "students": self.count(get("students", ""), _("Students")),
            }
        prospect = str(get("prospect", "")).strip()
        if prospect in MASKED:
            self.masked += 1
            value = None
        else:
            value = int(self.lookup(self.prospect, prospect, _("Prospect")))
        return {
            "region": self.text(get("region", ""), _("Region"), required=True),
            "sector": self.text(get("sector", ""), _("Sector"), required=True),
            "occupation": self.text(get("occupation", ""), ""),
            "prospect": value,
            "vacancies": self.count(get("vacancies", ""), _("Vacancies"))
            if "vacancies" in raw
            else None,
        }
