"""Hidden figures say why; views that show more; two years together without differencing.

Issue 14, point 10. The rank check: every figure a page shows is a sum over "atoms" (the
pupils of one year × sending school × receiving school × sector × route); an onlooker who
collects every page — both years, every grouping, and the two years together — and adds
and subtracts them, works out a hidden figure exactly when its atoms' indicator vector
lies in the row space of the shown figures' vectors (tested exactly, with fractions).
"""

import datetime
from fractions import Fraction

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.transitions.models import Transition
from doorlopend.transitions.selectors.figures import (
    COUNTED,
    DIMENSIONS,
    LEERROUTE,
    REGULAR,
    cohort_figures,
)
from doorlopend.transitions.selectors.together import together_figures
from doorlopend.transitions.suppression import (
    ALMOST_ALL,
    OTHER,
    PROTECTS,
    SMALL,
    TOTAL,
    why,
)
from doorlopend.transitions.tests.figures_helpers import TODAY, make, school, started

pytestmark = pytest.mark.django_db
K = 5
YEARS = (2024, 2025)


def url(partnership, name="transitions:home"):
    return reverse(name, kwargs={"partnership_slug": partnership.slug})


@pytest.fixture
def two_years(partnership, settings):
    """Per year a leerroute of 3 or 4 pupils at one school: hidden in each year alone."""
    settings.TRANSITIONS_MIN_CELL = K
    big = school(partnership, "Groot College")
    middle = school(partnership, "Middel College")
    mbo = school(partnership, "Mbo Rivier", kind="mbo")
    for year, route_size in zip(YEARS, (3, 4), strict=True):
        on = datetime.date(year, 9, 1)
        dates = started(
            on=on,
            registered_on=datetime.date(year, 2, 1),
            placed_on=datetime.date(year, 6, 1),
        )
        common = {"cohort": year, "receiving_organisation": mbo, "sector": "zorg"}
        make(partnership, 26, sending_organisation=big, **common, **dates)
        make(
            partnership,
            route_size,
            sending_organisation=big,
            route_kind="dlr",
            route_name="DLR Zorg",
            **common,
            **dates,
        )
        make(partnership, 20, sending_organisation=middle, **common, **dates)
    return {"big": big, "middle": middle}


def test_a_hidden_figure_says_why(client_for, partnership, two_years):
    page = client_for("stuurgroep").get(url(partnership), {"cohort": 2025})
    html = page.content.decode()
    assert page.status_code == 200
    assert '<abbr class="hidden-figure"' in html
    assert _("fewer than %(k)s") % {"k": K} in html
    assert _("shielded") in html  # the regular line, hidden so 4 can't be worked out
    assert ">x<" not in html
    total = page.context["figures"].total
    assert total.line(LEERROUTE).pupils.reason == SMALL
    assert total.line(REGULAR).pupils.reason == PROTECTS
    assert total.line(LEERROUTE).pupils.count is None  # never the number


def test_the_reason_never_misreads_a_large_hidden_figure_as_small():
    assert why(3, 20, K) == SMALL  # 3 of 20
    assert why(18, 20, K) == ALMOST_ALL  # 18 of 20: "fewer than 5" would mislead
    assert why(15, 4, K) == SMALL  # a group of 4
    assert why(10, 20, K) == PROTECTS  # hidden beside another


def test_where_figures_hide_other_views_are_offered(client_for, partnership, two_years):
    html = client_for("stuurgroep").get(url(partnership), {"cohort": 2025}).content
    html = html.decode()
    assert "dimension=partnership" in html
    assert url(partnership, "transitions:together") + "?cohort=2025" in html


def test_the_whole_partnership_has_no_breakdown(client_for, partnership, two_years):
    response = client_for("stuurgroep").get(
        url(partnership), {"cohort": 2025, "dimension": "partnership"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["figures"].groups == []
    assert "Groot College" not in html and "Middel College" not in html
    assert _("The whole partnership") in html


def test_two_years_together_show_the_leerroute(client_for, partnership, two_years):
    response = client_for("stuurgroep").get(
        url(partnership, "transitions:together"), {"cohort": 2025}
    )
    assert response.status_code == 200
    total = response.context["figures"].total
    assert total.line(LEERROUTE).pupils.count == 7
    assert total.line(REGULAR).pupils.count == 92
    assert total.line(LEERROUTE).figures["started"].count == 7
    html = response.content.decode()
    assert "2024" in html and "2025" in html
    assert "Groot College" not in html  # totals only, never a breakdown


def test_together_needs_an_earlier_year(client_for, partnership, two_years):
    client = client_for("stuurgroep")
    together = url(partnership, "transitions:together")
    assert client.get(together, {"cohort": 2024}).status_code == 404


def test_together_other_partnership_404(client_for, other_partnership, two_years):
    outsider = client_for("stuurgroep", partnership=other_partnership)
    address = url(other_partnership, "transitions:together")
    assert outsider.get(address, {"cohort": 2025}).status_code == 404


def test_together_queries(
    client_for, partnership, two_years, django_assert_max_num_queries
):
    client = client_for("stuurgroep")
    address = url(partnership, "transitions:together")
    client.get(address, {"cohort": 2025})
    # Per year one query per grouping (the line totals are the groups' sums), and the
    # two years' deadlines in one: a page within the 15 of every page.
    with django_assert_max_num_queries(15):
        assert client.get(address, {"cohort": 2025}).status_code == 200


def test_hidden_in_one_year_only_stays_hidden(partnership, settings, two_years):
    """A third year with a large leerroute: 2025 hides it, so 2025+2026 must too."""
    mbo = school(partnership, "Mbo Anders", kind="mbo")
    dates = started(on=datetime.date(2026, 9, 1))
    make(partnership, 30, cohort=2026, receiving_organisation=mbo, **dates)
    make(
        partnership,
        12,
        cohort=2026,
        receiving_organisation=mbo,
        route_kind="dlr",
        route_name="DLR Zorg",
        **dates,
    )
    with scopes_disabled():
        one = cohort_figures(
            partnership=partnership, cohort=2026, dimension="sending", today=TODAY
        )
        both = together_figures(
            partnership=partnership, cohorts=[2026, 2025], today=TODAY
        )
    assert one.total.line(LEERROUTE).pupils.count == 12  # shown in 2026 alone
    assert both.total.line(LEERROUTE).pupils.hidden  # else 16 − 12 = 2025's 4
    assert both.total.line(LEERROUTE).pupils.reason == PROTECTS


# ---- The rank check ------------------------------------------------------------------


def _rank(rows: list[list[int]]) -> int:
    matrix = [[Fraction(v) for v in row] for row in rows]
    rank, width = 0, len(matrix[0]) if matrix else 0
    for col in range(width):
        pivot = next((i for i in range(rank, len(matrix)) if matrix[i][col]), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        for i in range(len(matrix)):
            if i != rank and matrix[i][col]:
                f = matrix[i][col] / matrix[rank][col]
                matrix[i] = [
                    a - f * b for a, b in zip(matrix[i], matrix[rank], strict=True)
                ]
        rank += 1
    return rank


def _atoms(partnership) -> list[dict]:
    with scopes_disabled():
        return list(
            Transition.objects.filter(partnership=partnership)
            .values(
                "cohort",
                "sending_organisation_id",
                "receiving_organisation_id",
                "sector",
                "route_kind",
                "route_name",
            )
            .distinct()
        )


def _group_value(atom: dict, dimension: str):
    if dimension in ("sending", "receiving"):
        return atom[f"{dimension}_organisation_id"]
    if dimension == "sector":
        return atom["sector"]
    name = "" if atom["route_kind"] == "regulier" else atom["route_name"]
    return (atom["route_kind"], name)


def _in_line(atom: dict, line: str) -> bool:
    regular = atom["route_kind"] == "regulier"
    return line == TOTAL or (line == REGULAR) == regular


def _member(atom, years_of_page, figures, dimension, group, line) -> bool:
    """Whether `atom` counts in the figure of `group` and `line` on a page."""
    if atom["cohort"] not in years_of_page or not _in_line(atom, line.key):
        return False
    if group is figures.total:
        return True
    value = _group_value(atom, dimension)
    if group.key == OTHER:
        return value not in {g.key for g in figures.groups}
    return value == group.key


def _figures_as_vectors(atoms, years, views, measure):
    """(vector over atoms, shown?) of every figure of `measure` on the pages."""
    out = []
    for years_of_page, figures, dimension in views:
        for group in [*figures.groups, figures.total]:
            for line in group.lines:
                vector = [
                    int(_member(a, years_of_page, figures, dimension, group, line))
                    for a in atoms
                ]
                out.append((vector, not line.figures[measure].hidden))
    return out


def test_no_hidden_figure_follows_from_all_pages_together(partnership, two_years):
    atoms = _atoms(partnership)
    with scopes_disabled():
        views = [
            (
                {year},
                cohort_figures(
                    partnership=partnership,
                    cohort=year,
                    dimension=dimension,
                    today=TODAY,
                ),
                dimension,
            )
            for year in YEARS
            for dimension in DIMENSIONS
        ]
        together = together_figures(
            partnership=partnership, cohorts=list(YEARS), today=TODAY
        )
    assert together.total.line(LEERROUTE).pupils.count == 7  # it does show something
    views.append((set(YEARS), together, "sending"))
    hidden_per_year = 0
    for measure in COUNTED:
        vectors = _figures_as_vectors(atoms, YEARS, views, measure)
        shown = [v for v, is_shown in vectors if is_shown and any(v)]
        base_rank = _rank(shown)
        per_year = len(vectors) - 3  # the together page's three lines come last
        for vector, is_shown in vectors[:per_year]:
            if is_shown or not any(vector):
                continue
            hidden_per_year += 1
            assert _rank([*shown, vector]) > base_rank, (measure, vector)
    assert hidden_per_year  # the check looked at hidden figures

    # The check can see a breach: were 2024's leerroute shown, 2025's would follow.
    vectors = _figures_as_vectors(atoms, YEARS, views, "pupils")
    shown = [v for v, is_shown in vectors if is_shown and any(v)]
    leerroute = [
        [int(a["cohort"] == year and a["route_kind"] != "regulier") for a in atoms]
        for year in YEARS
    ]
    assert _rank([*shown, leerroute[0], leerroute[1]]) == _rank([*shown, leerroute[0]])
