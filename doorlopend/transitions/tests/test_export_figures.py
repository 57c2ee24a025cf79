"""The XLSX of the aggregated figures: suppressed like the page, with an explanation."""

from io import BytesIO

import pytest
from django.urls import reverse
from django.utils.translation import gettext
from openpyxl import load_workbook

from doorlopend.transitions.tests.figures_helpers import (
    RECOGNISABLE,
    make,
    school,
    started,
)

pytestmark = pytest.mark.django_db
K = 5


@pytest.fixture
def workbook(client_for, partnership, settings):
    settings.TRANSITIONS_MIN_CELL = K
    big, small = (
        school(partnership, "Groot College"),
        school(partnership, "Klein College"),
    )
    mbo = school(partnership, "Mbo Rivier", kind="mbo")
    make(
        partnership,
        26,
        sending_organisation=big,
        receiving_organisation=mbo,
        sector="Zorg",
        name=RECOGNISABLE,
        **started(),
    )
    make(
        partnership,
        4,
        sending_organisation=big,
        receiving_organisation=mbo,
        sector="Zorg",
        route_kind="dlr",
        route_name="DLR Zorg",
        **started(),
    )
    make(partnership, 4, sending_organisation=small, status="havo")
    response = client_for("stuurgroep").get(
        reverse(
            "transitions:figures_export", kwargs={"partnership_slug": partnership.slug}
        ),
        {"cohort": 2025},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "doorstroom-rivierenland-2025.xlsx" in response["Content-Disposition"]
    return load_workbook(BytesIO(response.content))


def test_no_small_number_and_no_name_in_any_sheet(workbook):
    explanation, *figure_sheets = workbook.worksheets
    assert explanation.title == gettext("Explanation")[:31]
    assert len(figure_sheets) == 6  # four groupings, two kinds of flows
    for ws in figure_sheets:
        for row in ws.iter_rows(min_row=2, values_only=True):
            for value in row:
                assert value != RECOGNISABLE
                if isinstance(value, int):
                    assert not 0 < value < K, (ws.title, row)
                assert value != "Klein College"
    for row in workbook.worksheets[1].iter_rows(min_row=2, values_only=True):
        if row[0] == "Groot College":
            # 30 pupils of whom 4 on a leerroute: neither the 4 nor the 26 are shown.
            assert 4 not in row and 26 not in row


def test_the_explanation_names_the_threshold(workbook):
    text = " ".join(
        str(v)
        for row in workbook.worksheets[0].iter_rows(values_only=True)
        for v in row
        if v
    )
    assert "5" in text
    assert RECOGNISABLE not in text


def test_threshold_three_is_honoured(client_for, partnership, settings):
    settings.TRANSITIONS_MIN_CELL = 3
    vo = school(partnership, "Vo A")
    make(partnership, 20, sending_organisation=vo, **started())
    make(partnership, 4, sending_organisation=vo, route_kind="dlr", **started())
    response = client_for("stuurgroep").get(
        reverse(
            "transitions:figures_export", kwargs={"partnership_slug": partnership.slug}
        )
    )
    ws = load_workbook(BytesIO(response.content)).worksheets[1]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert any(r[0] == "Vo A" and r[2] == 4 for r in rows)  # 4 ≥ 3: shown


def test_no_data_no_export(client_for, partnership):
    response = client_for("stuurgroep").get(
        reverse(
            "transitions:figures_export", kwargs={"partnership_slug": partnership.slug}
        )
    )
    assert response.status_code == 404
