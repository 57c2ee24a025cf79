"""The DUO melding of a route: what the schools enter when they report it to DUO.

Since the law on doorlopende leerroutes, a route is reported (gemeld) to DUO, no longer
approved (seed 002: "melden is voldoende"). One row per vmbo location of the route, each
with the mbo school: both schools' BRIN and vestiging straight from DUO's register, the
route, the qualification, leerweg and profile, BOL/BBL and the start date. The headings
are Dutch in every language: the file is for DUO's forms.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from doorlopend.core import tabular, xlsx
from doorlopend.partnerships.models import Organisation
from doorlopend.registry.education import VmboProfile

from .models import Leerroute

DUO_COLUMNS = [
    "BRIN vo",
    "Vestiging vo",
    "Naam vo",
    "BRIN mbo",
    "Vestiging mbo",
    "Naam mbo",
    "Naam leerroute",
    "Crebo",
    "Kwalificatie",
    "Leerweg vmbo",
    "Profiel",
    "BOL/BBL",
    "Startdatum",
    "Schooljaar",
]
# An mbo institution is registered without locations: its vestiging may be empty.
OPTIONAL_COLUMNS = frozenset({"Vestiging mbo"})


def _locations(route: Leerroute) -> list[Organisation]:
    return list(route.vmbo_locations.select_related("register_entry").order_by("name"))


def _mbo(route: Leerroute) -> Organisation:
    return Organisation.objects.select_related("register_entry").get(
        pk=route.mbo_location_id
    )


def _school(organisation: Organisation) -> tuple[str, str, str]:
    """BRIN, vestiging and the register's name; blanks where the register entry is missing."""
    entry = organisation.register_entry
    if entry is None:
        return "", "", organisation.name
    return entry.brin, entry.vestiging, entry.name


def duo_rows(route: Leerroute) -> list[dict[str, str]]:
    """One row per vmbo location of the route, keyed by the headings of `DUO_COLUMNS`."""
    brin_mbo, vestiging_mbo, name_mbo = _school(_mbo(route))
    common = {
        "BRIN mbo": brin_mbo,
        "Vestiging mbo": vestiging_mbo,
        "Naam mbo": name_mbo,
        "Naam leerroute": route.name,
        "Crebo": route.crebo,
        "Kwalificatie": route.qualification,
        "Leerweg vmbo": route.leerweg.upper(),
        "Profiel": f"{VmboProfile(route.profile).label} ({route.profile.upper()})",
        "BOL/BBL": route.mbo_leerweg.upper(),
        "Startdatum": route.start_date.strftime("%d-%m-%Y"),
        "Schooljaar": route.school_year,
    }
    rows = []
    for location in _locations(route):
        brin, vestiging, name = _school(location)
        row = {"BRIN vo": brin, "Vestiging vo": vestiging, "Naam vo": name, **common}
        rows.append({column: str(row[column]) for column in DUO_COLUMNS})
    return rows


def duo_problems(route: Leerroute) -> list[str]:
    """What is missing for a complete melding, in words; the page names each one."""
    problems = []
    locations = _locations(route)
    if not locations:
        problems.append(_("The route has no vmbo school location."))
    for organisation in [*locations, _mbo(route)]:
        entry = organisation.register_entry
        if entry is None:
            problems.append(
                _(
                    "%(name)s has no entry in the DUO register, so its BRIN and "
                    "vestiging are empty. Add the school from the DUO register and "
                    "choose that one in the route."
                )
                % {"name": organisation.name}
            )
        elif organisation in locations and not entry.vestiging:
            problems.append(
                _("The register gives no vestigingsnummer for %(name)s.")
                % {"name": organisation.name}
            )
    return problems


def duo_csv(route: Leerroute) -> bytes:
    """`;`-separated, UTF-8 with a byte-order mark (so that Excel reads é and ë right);
    a name that looks like a formula is written behind a quote (`core.tabular`)."""
    rows = duo_rows(route)
    return tabular.csv_bytes(
        [DUO_COLUMNS, *([row[column] for column in DUO_COLUMNS] for row in rows)]
    )


def duo_xlsx(route: Leerroute) -> bytes:
    """The same rows as one sheet "DUO melding": codes (BRIN, crebo) and names as text,
    never a formula; the start date as a date."""
    wb = xlsx.workbook_new()
    ws = xlsx.sheet_add(wb, "DUO melding", DUO_COLUMNS)
    for row in duo_rows(route):
        xlsx.row_add(
            ws,
            [
                route.start_date if column == "Startdatum" else row[column]
                for column in DUO_COLUMNS
            ],
        )
    return xlsx.workbook_bytes(wb)
