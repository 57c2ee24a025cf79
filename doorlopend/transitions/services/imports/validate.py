"""One row of a file → a `StagedRow` for the staging table, or the reasons it is refused.

Everything a single row can get wrong is checked here, in Python, while the file streams:
a missing required value, a pupil number failing its 11-proef, a BRIN that is not a school
of this partnership or not one where the uploader is decaan (`schools.py`), an unknown
status or leerweg, an unreadable date or one in the future, a crebo that is not 5 digits. What depends on
other rows or on the database (the order of statuses, a pupil another school holds) is
checked afterwards in SQL (`checks.py`).
"""

from __future__ import annotations

import datetime
from operator import itemgetter
from typing import Any

from django.utils.translation import gettext as _

from doorlopend.registry.education import Leerweg, MboLeerweg, VmboProfile

from ...choices import Eindopdracht, ImportKind, RouteKind
from ...pgn import InvalidPGN, pgn_normalise
from ...privacy import encrypt, pseudonym
from .columns import fields_for
from .lookups import (
    LEERWEG_EXTRA,
    ROUTE_EXTRA,
    code_table,
    destination_lookup,
    fold,
    parse_date,
    status_lookup,
)
from .rights import ImportSchools
from .row import StagedRow
from .schools import FileSchools

# The fields in the order `clean` unpacks them (a leaver's destination as its status).
_ORDER = (
    "pgn",
    "name",
    "birth_date",
    "brin",
    "vestiging",
    "leerweg",
    "profile",
    "route_kind",
    "route_name",
    "status",
    "date",
    "crebo",
    "qualification",
    "sector",
    "mbo_leerweg",
    "cohort",
    "eindopdracht",
)
_CACHE_LIMIT = 100_000
# How a school's file says whether the eindopdracht was completed (folded: lower case).
EINDOPDRACHT_ANSWERS = {
    **dict.fromkeys(("ja", "j", "yes", "y", "1", "x", "afgerond", "true"), "ja"),
    **dict.fromkeys(("nee", "n", "no", "0", "niet afgerond", "false"), "nee"),
}
_staged_row = tuple.__new__


class Validator:
    """Checks the rows of one file against one mapping; built once per import."""

    def __init__(
        self,
        *,
        kind: str,
        headers: list[str],
        columns: dict[str, str],
        cohort: int,
        default_org_id: int,
        schools: dict[str, int | None],
        schools_allowed: ImportSchools,
        today: datetime.date,
    ):
        self.kind = kind
        self.cohort = cohort
        self.default_org_id = default_org_id
        self.schools = FileSchools(kind=kind, keys=schools, allowed=schools_allowed)
        self._school = self.schools.resolve
        self._default_refusal = self.schools.refusal(default_org_id, "")
        self.today = today
        index = {
            f.name: headers.index(columns[f.name])
            for f in fields_for(kind)
            if columns.get(f.name) in headers
        }
        if kind == ImportKind.LEAVERS and "destination" in index:
            index["status"] = index.pop("destination")
        self._width = len(headers)
        self._get = itemgetter(*(index.get(name, self._width) for name in _ORDER))
        self.labels = {f.name: f.label for f in fields_for(kind)}
        # Required fields are among pgn, status and date: positions in that triple.
        self._required = [
            ("pgn", "status", "date").index(f.name)
            for f in fields_for(kind)
            if f.required
        ]
        self._required_labels = {
            i: self.labels[("pgn", "status", "date")[i]] for i in self._required
        }
        self.statuses = (
            status_lookup() if kind == ImportKind.STATUSES else destination_lookup()
        )
        self.leerwegen = code_table(Leerweg, LEERWEG_EXTRA)
        self.profiles = code_table(VmboProfile)
        self.routes = code_table(RouteKind, ROUTE_EXTRA)
        self.mbo_leerwegen = code_table(MboLeerweg)
        self._pseudonyms: dict[str, str] = {}
        self._dates: dict[Any, datetime.date | str] = {}

    def clean(self, row: list[Any]) -> tuple[StagedRow | None, list[str]]:
        """(staged row, []) for a good row, (None, [reasons]) for a bad one (line added by the caller).

        Written for speed: a million rows pass through here.
        """
        missing = self._width + 1 - len(row)
        if missing > 0:
            row.extend(
                [""] * missing
            )  # unmapped fields point just past the last column
        (
            pgn,
            name,
            birth,
            brin,
            vestiging,
            leerweg,
            profile,
            route_kind,
            route_name,
            status,
            on,
            crebo,
            qualification,
            sector,
            mbo_leerweg,
            cohort,
            eindopdracht,
        ) = [v.strip() if v.__class__ is str else v for v in self._get(row)]
        errors: list[str] = []
        for i in self._required:
            if (pgn, status, on)[i] == "":
                errors.append(
                    _("“%(field)s” is empty.") % {"field": self._required_labels[i]}
                )
        if errors:
            return None, errors
        code = self._pseudonyms.get(pgn)
        if code is None:
            try:
                code = pseudonym(pgn_normalise(str(pgn)))
            except InvalidPGN as error:
                errors.append(str(error))
            else:
                self._cache(self._pseudonyms, pgn, code)
        cohort = self._cohort(str(cohort), errors) if cohort != "" else self.cohort
        if brin != "":
            org_id = self._school(str(brin), str(vestiging), errors)
        else:
            org_id = self.default_org_id
            if self._default_refusal:
                errors.append(self._default_refusal)
        if birth != "":
            birth = self._date(birth, "birth", errors)
            birth = birth.isoformat() if birth else ""
        if status != "":
            status, on = self._status(status, on, errors)
        else:
            on = None
        if crebo != "":
            crebo = str(crebo)
            if not (len(crebo) == 5 and crebo.isdigit()):
                errors.append(
                    _("The crebo “%(crebo)s” is not 5 digits.") % {"crebo": crebo}
                )
        if leerweg != "":
            leerweg = self._choice("leerweg", leerweg, self.leerwegen, errors)
        if profile != "":
            profile = self._choice("profile", profile, self.profiles, errors)
        if route_kind != "":
            route_kind = self._choice("route_kind", route_kind, self.routes, errors)
        if mbo_leerweg != "":
            mbo_leerweg = self._choice(
                "mbo_leerweg", mbo_leerweg, self.mbo_leerwegen, errors
            )
        if eindopdracht != "":
            eindopdracht = self._eindopdracht(eindopdracht, errors)
        if errors:
            return None, errors
        # In the order of StagedRow's fields. tuple.__new__ skips the argument parsing
        # of StagedRow(...), which would add seconds to a million-row file.
        return (
            _staged_row(
                StagedRow,
                (
                    code,  # pseudonym
                    cohort,
                    encrypt(str(name)) if name != "" else "",
                    encrypt(birth) if birth else "",  # birth_date
                    org_id,
                    leerweg,
                    profile,
                    route_kind,
                    str(route_name)[:200],
                    crebo,
                    str(qualification)[:200],
                    str(sector)[:100],
                    mbo_leerweg,
                    eindopdracht,
                    status,
                    on,  # on_date
                ),
            ),
            [],
        )

    def _status(self, raw, on, errors) -> tuple[str, datetime.date | None]:
        status = self.statuses.get(raw)
        if status is None:
            status = self.statuses.get(fold(str(raw)))
            if status is None:
                errors.append(_("Unknown status “%(status)s”.") % {"status": raw})
                return "", None
            if len(self.statuses) < _CACHE_LIMIT:
                self.statuses[raw] = status
        if not status:  # a leaver going to mbo: the mbo school reports the status
            return "", None
        if on == "":
            return (
                status,
                self.today,
            )  # only for leavers: the date is required for statuses
        return status, self._date(on, "date", errors)

    def _eindopdracht(self, raw, errors: list[str]) -> str:
        """ja/nee (and their usual spellings), or the date it was completed: "ja"."""
        answer = EINDOPDRACHT_ANSWERS.get(fold(str(raw)))
        if answer is not None:
            return answer
        if raw.__class__ is datetime.date or parse_date(raw):
            return Eindopdracht.JA if self._date(raw, "date", errors) else ""
        errors.append(
            _("“%(value)s” under “eindopdracht afgerond” is not ja, nee or a date.")
            % {"value": raw}
        )
        return ""

    def _date(self, raw: Any, what: str, errors: list[str]) -> datetime.date | None:
        parsed = raw if raw.__class__ is datetime.date else self._dates.get(raw)
        if parsed is None:
            parsed = parse_date(raw)
            self._cache(self._dates, raw, parsed or "")
        if parsed and parsed <= self.today:
            return parsed
        what = _("date of birth") if what == "birth" else _("date")
        if not parsed:
            errors.append(
                _(
                    "The %(what)s “%(value)s” is not a date (use dd-mm-yyyy or yyyy-mm-dd)."
                )
                % {"what": what, "value": raw}
            )
            return None
        if parsed > self.today:
            errors.append(
                _("The %(what)s %(value)s lies in the future.")
                % {"what": what, "value": parsed.strftime("%d-%m-%Y")}
            )
            return None
        return parsed

    def _cohort(self, raw: str, errors: list[str]) -> int:
        if raw.isdigit() and 2000 <= int(raw) <= self.today.year + 2:
            return int(raw)
        errors.append(
            _("The year “%(year)s” is not a year of transition.") % {"year": raw}
        )
        return 0

    def _choice(self, name: str, raw, table: dict[str, str], errors: list[str]) -> str:
        code = table.get(raw)
        if code is None:
            code = table.get(fold(str(raw)))
            if code is None:
                errors.append(
                    _("Unknown %(field)s “%(value)s”.")
                    % {"field": str(self.labels[name]).lower(), "value": raw}
                )
                return ""
            if len(table) < _CACHE_LIMIT:
                table[raw] = code  # remembered as written: the next row skips fold
        return code

    @staticmethod
    def _cache(cache: dict, key, value) -> None:
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()  # memory stays flat; rows of one pupil are usually together
        cache[key] = value
