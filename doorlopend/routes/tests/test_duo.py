"""The DUO melding: its rows, the CSV and XLSX files, and the printable page."""

import csv
import datetime
import io

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from doorlopend.partnerships.tests.factories import RegisterEntryFactory, SchoolFactory

from ..duo import DUO_COLUMNS, duo_csv, duo_problems, duo_rows, duo_xlsx
from .factories import LeerrouteFactory, vo_school

pytestmark = pytest.mark.django_db

REQUIRED = [
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


@pytest.fixture
def route(partnership):
    return LeerrouteFactory(
        partnership=partnership,
        name="Techniek Rivierenland",
        vmbo_locations=[vo_school(partnership), vo_school(partnership)],
        start_date=datetime.date(2027, 8, 25),
    )


def test_rows_one_per_vmbo_location(route):
    with scopes_disabled():
        rows = duo_rows(route)
        locations = list(route.vmbo_locations.select_related("register_entry"))
        mbo = route.mbo_location.register_entry
    assert len(rows) == 2
    assert {r["BRIN vo"] for r in rows} == {o.register_entry.brin for o in locations}
    assert {r["Vestiging vo"] for r in rows} == {
        o.register_entry.vestiging for o in locations
    }
    first = rows[0]
    assert first["BRIN mbo"] == mbo.brin and first["Vestiging mbo"] == ""
    assert first["Crebo"] == "25180"
    assert first["Leerweg vmbo"] == "KB" and first["BOL/BBL"] == "BOL"
    assert first["Startdatum"] == "25-08-2027" and first["Schooljaar"] == "2027-2028"


def test_csv_has_the_columns_one_row_per_location_semicolons_and_bom(route):
    with scopes_disabled():
        content = duo_csv(route)
    assert content.startswith(b"\xef\xbb\xbf")
    text = content.decode("utf-8-sig")
    assert text.splitlines()[0] == ";".join(REQUIRED)
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 2
    assert all(r["Naam leerroute"] == "Techniek Rivierenland" for r in rows)
    assert DUO_COLUMNS == REQUIRED


def test_a_formula_is_written_as_text(partnership):
    route = LeerrouteFactory(partnership=partnership, name="=HYPERLINK(1)")
    with scopes_disabled():
        text = duo_csv(route).decode("utf-8-sig")
        wb = load_workbook(io.BytesIO(duo_xlsx(route)))
    assert "'=HYPERLINK(1)" in text
    assert wb.active["G2"].value == "=HYPERLINK(1)" and wb.active["G2"].data_type == "s"


def test_xlsx_reads_back(route):
    with scopes_disabled():
        wb = load_workbook(io.BytesIO(duo_xlsx(route)))
    ws = wb["DUO melding"]
    values = list(ws.iter_rows(values_only=True))
    assert list(values[0]) == REQUIRED
    assert len(values) == 3
    assert values[1][REQUIRED.index("Kwalificatie")] == route.qualification


def test_missing_register_entry_is_named(partnership):
    handmade = SchoolFactory(
        partnership=partnership, kind="vo", register_entry=None, name="Zelfgemaakt"
    )
    route = LeerrouteFactory(partnership=partnership, vmbo_locations=[handmade])
    with scopes_disabled():
        problems = duo_problems(route)
        rows = duo_rows(route)
    assert problems == [
        _(
            "%(name)s has no entry in the DUO register, so its BRIN and "
            "vestiging are empty. Add the school from the DUO register and "
            "choose that one in the route."
        )
        % {"name": handmade.name}
    ]
    assert rows[0]["BRIN vo"] == "" and rows[0]["Naam vo"] == handmade.name


def test_vo_location_without_vestiging_is_named(partnership):
    entry = RegisterEntryFactory(vestiging="")
    school = vo_school(partnership, register_entry=entry)
    route = LeerrouteFactory(partnership=partnership, vmbo_locations=[school])
    with scopes_disabled():
        assert duo_problems(route) == [
            _("The register gives no vestigingsnummer for %(name)s.")
            % {"name": school.name}
        ]


def test_page_and_downloads(
    route, partnership, client_for, django_assert_max_num_queries
):
    client = client_for("stuurgroep")
    page_url = reverse("routes:duo_melding", args=[partnership.slug, route.pk])
    client.get(page_url)
    with django_assert_max_num_queries(10):
        response = client.get(page_url)
    page = response.content.decode()
    assert "melden is voldoende, toestemming vragen is niet nodig" in page
    assert "routes/duo.css" in page and "style=" not in page
    with open(finders.find("routes/duo.css")) as stylesheet:
        assert "@media print" in stylesheet.read()
    assert all(column in page for column in REQUIRED)
    csv_response = client.get(
        reverse("routes:duo_melding_csv", args=[partnership.slug, route.pk])
    )
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_response["Content-Disposition"] == (
        'attachment; filename="duo-melding-techniek-rivierenland.csv"'
    )
    xlsx_response = client.get(
        reverse("routes:duo_melding_xlsx", args=[partnership.slug, route.pk])
    )
    assert load_workbook(io.BytesIO(xlsx_response.content))["DUO melding"].max_row == 3
