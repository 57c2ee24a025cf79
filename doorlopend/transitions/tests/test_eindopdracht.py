"""The eindopdracht afgerond: imported with the leavers (ja, nee or a date, clear row
errors), counted per route with of those how many started, through the same suppression."""

import datetime

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.transitions.models import Transition
from doorlopend.transitions.privacy import pseudonym
from doorlopend.transitions.selectors import figures
from doorlopend.transitions.suppression import SMALL

from .figures_helpers import TODAY, make, school, started
from .import_helpers import csv_bytes, pgn, run_file, save_mapping, schools

pytestmark = pytest.mark.django_db
HEADER = "Onderwijsnummer;Naam;Leerweg;Bestemming;Eindopdracht afgerond"


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "private"


@pytest.fixture
def vo(partnership):
    vo, _mbo = schools(partnership)
    save_mapping(partnership, vo, "leavers", HEADER)
    return vo


def eindopdracht_of(n: int) -> str:
    with scopes_disabled():
        return Transition.objects.get(pupil__pseudonym=pseudonym(pgn(n))).eindopdracht


def test_the_column_is_found_by_its_usual_header():
    from doorlopend.transitions.services.imports.columns import mapping_suggest

    columns = mapping_suggest(kind="leavers", headers=HEADER.split(";"))
    assert columns["eindopdracht"] == "Eindopdracht afgerond"


def test_ja_nee_a_date_or_empty_are_imported(partnership, vo):
    rows = [
        f"{pgn(1)};An;KB;mbo;ja",
        f"{pgn(2)};Bo;KB;mbo;Nee",
        f"{pgn(3)};Cas;KB;mbo;12-05-2026",
        f"{pgn(4)};Dani;KB;mbo;",
        f"{pgn(5)};Eef;KB;mbo;X",
    ]
    job = run_file(partnership, vo, "leavers", csv_bytes(HEADER, rows))
    assert job.status == "done", job.errors
    assert [eindopdracht_of(n) for n in range(1, 6)] == ["ja", "nee", "ja", "", "ja"]
    # An empty cell later never wipes out the answer; a new answer replaces it.
    again = [f"{pgn(1)};An;KB;mbo;", f"{pgn(2)};Bo;KB;mbo;ja"]
    job = run_file(partnership, vo, "leavers", csv_bytes(HEADER, again))
    assert job.status == "done", job.errors
    assert (eindopdracht_of(1), eindopdracht_of(2)) == ("ja", "ja")


def test_a_bad_value_is_refused_with_its_line_and_nothing_is_written(partnership, vo):
    future = (datetime.date.today() + datetime.timedelta(days=5)).strftime("%d-%m-%Y")
    rows = [
        f"{pgn(1)};An;KB;mbo;ja",  # line 2: fine
        f"{pgn(2)};Bo;KB;mbo;misschien",  # 3
        f"{pgn(3)};Cas;KB;mbo;{future}",  # 4
    ]
    job = run_file(partnership, vo, "leavers", csv_bytes(HEADER, rows))
    assert job.status == "refused"
    lines = {e["line"]: e["reason"] for e in job.errors}
    assert sorted(lines) == [3, 4]
    assert "misschien" in lines[3] and "eindopdracht afgerond" in lines[3]
    assert future in lines[4]
    with scopes_disabled():
        assert not Transition.objects.exists()


def route_figures(partnership):
    with scopes_disabled():
        return figures.cohort_figures(
            partnership=partnership, cohort=2025, dimension="route", today=TODAY
        )


def test_per_route_who_completed_it_and_of_those_who_started(partnership):
    vo = school(partnership, "Vo Een")
    zorg = {"sending_organisation": vo, "route_kind": "dlr", "route_name": "Zorg"}
    make(partnership, 6, eindopdracht="ja", **zorg, **started())
    make(partnership, 5, eindopdracht="ja", **zorg)
    make(partnership, 9, eindopdracht="nee", **zorg, **started())
    make(partnership, 10, sending_organisation=vo, **started())
    result = route_figures(partnership)
    route = next(g for g in result.groups if g.label == "Zorg")
    line = route.line("leerroute")
    assert line.pupils.count == 20
    assert line.figures["eindopdracht_done"].count == 11
    assert line.figures["eindopdracht_started"].count == 6
    assert line.figures["eindopdracht_started"].base == 11
    regular = next(g for g in result.groups if g.label != "Zorg")
    assert regular.total.figures["eindopdracht_done"].count == 0


def test_a_small_count_is_hidden_and_says_why(partnership):
    vo = school(partnership, "Vo Een")
    techniek = {"sending_organisation": vo, "route_kind": "dlr", "route_name": "Tech"}
    make(partnership, 3, eindopdracht="ja", **techniek, **started())
    make(partnership, 12, **techniek, **started())
    make(partnership, 20, sending_organisation=vo)
    result = route_figures(partnership)
    line = next(g for g in result.groups if g.label == "Tech").line("leerroute")
    done = line.figures["eindopdracht_done"]
    assert done.hidden and done.reason == SMALL
    # Of those who completed it: hidden with it, never a small number.
    assert line.figures["eindopdracht_started"].hidden
    for group in [*result.groups, result.total]:
        for each in group.lines:
            for key in ("eindopdracht_done", "eindopdracht_started"):
                count = each.figures[key].count
                assert count is None or count == 0 or count >= result.k


def test_the_figures_page_shows_the_columns(partnership, client_for):
    vo = school(partnership, "Vo Een")
    zorg = {"sending_organisation": vo, "route_kind": "dlr", "route_name": "Zorg"}
    make(partnership, 6, eindopdracht="ja", **zorg, **started())
    make(partnership, 6, eindopdracht="ja", **zorg)
    make(partnership, 8, **zorg)
    response = client_for("coordinator").get(
        reverse("transitions:home", args=[partnership.slug]),
        {"cohort": 2025, "dimension": "route"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    shown = response.context["figures"].groups[0].line("leerroute")
    assert shown.figures["eindopdracht_done"].count == 12
    # A table of its own, beside (not inside) the main table that must fit a laptop.
    assert 'id="eindopdracht-title"' in body
    main = body[body.index('id="table-title"') : body.index('id="eindopdracht-title"')]
    assert str(figures.MEASURES[-1][1]) not in main
    # The funnel table (registration to diploma) keeps its own columns, each filled.
    funnel = body[body.index('id="funnel-title"') :]
    funnel = funnel[: funnel.index("</table>")]
    assert funnel.count('<th scope="col" class="num">') == len(figures.FUNNEL)


def test_no_eindopdracht_table_when_no_school_reported_it(partnership, client_for):
    make(partnership, 12, sending_organisation=school(partnership, "Vo Een"))
    response = client_for("coordinator").get(
        reverse("transitions:home", args=[partnership.slug]),
        {"cohort": 2025, "dimension": "route"},
    )
    assert not response.context["figures"].has_eindopdracht
    assert 'id="eindopdracht-title"' not in response.content.decode()
