"""Cohort figures: the definitions of each column, counted in SQL, suppressed once."""

import datetime

import pytest
from django_scopes import scopes_disabled

from doorlopend.transitions.models import CohortSettings
from doorlopend.transitions.selectors import figures
from doorlopend.transitions.tests.figures_helpers import TODAY, make, school, started

pytestmark = pytest.mark.django_db


def compute(partnership, dimension="sending", cohort=2025, **kwargs):
    with scopes_disabled():
        return figures.cohort_figures(
            partnership=partnership,
            cohort=cohort,
            dimension=dimension,
            today=TODAY,
            **kwargs,
        )


def test_columns_count_what_they_say(partnership):
    vo = school(partnership, "Vo Een")
    mbo = school(partnership, "Mbo Een", kind="mbo")
    common = {"sending_organisation": vo, "receiving_organisation": mbo}
    # 10 on time, placed, started a year ago, still there.
    make(partnership, 10, **common, **started())
    # 6 registered late (after 1 April), placed, started, stopped within the year.
    make(
        partnership,
        6,
        **common,
        **started(
            registered_on=datetime.date(2025, 5, 1),
            stopped_on=datetime.date(2026, 1, 10),
        ),
    )
    # 5 who stopped only after their first year, with a diploma later (counted as staying).
    make(
        partnership,
        5,
        **common,
        **started(stopped_on=datetime.date(2026, 10, 1), diploma_on=None),
    )
    # 7 with a diploma in the first year (entree).
    make(partnership, 7, **common, **started(diploma_on=datetime.date(2026, 6, 30)))
    # 8 who went to havo: no milestones.
    make(partnership, 8, sending_organisation=vo, status="havo")

    total = compute(partnership).total.total.figures
    assert total["pupils"].count == 36
    assert total["registered"].count == 22
    assert total["placed"].count == 28
    assert total["started"].count == 28
    assert total["year_base"].count == 28
    assert total["retained"].count == 22  # 28 − the 6 who stopped in year one
    assert total["diploma"].count == 7
    assert total["retained"].base == 28


def test_the_deadline_of_the_year_counts(partnership):
    vo = school(partnership, "Vo Een")
    make(
        partnership, 6, sending_organisation=vo, registered_on=datetime.date(2025, 4, 1)
    )
    make(
        partnership,
        6,
        sending_organisation=vo,
        registered_on=datetime.date(2025, 4, 20),
    )
    assert compute(partnership).total.total.figures["registered"].count == 6
    with scopes_disabled():
        CohortSettings.objects.create(
            partnership=partnership,
            cohort=2025,
            registration_deadline=datetime.date(2025, 5, 1),
            start_check_on=datetime.date(2025, 10, 1),
        )
    assert compute(partnership).total.total.figures["registered"].count == 12


def test_a_first_year_not_over_is_left_out_of_the_base(partnership):
    vo = school(partnership, "Vo Een")
    make(partnership, 9, sending_organisation=vo, **started())
    make(
        partnership, 9, sending_organisation=vo, **started(on=datetime.date(2026, 9, 1))
    )
    total = compute(partnership).total.total.figures
    assert total["started"].count == 18
    assert total["year_base"].count == 9
    assert total["retained"].count == 9
    assert total["retained"].percent == 100.0


def test_split_regular_against_leerroute(partnership):
    vo = school(partnership, "Vo Een")
    make(partnership, 12, sending_organisation=vo, **started())
    make(
        partnership, 7, sending_organisation=vo, route_kind="dlr", route_name="DLR Zorg"
    )
    make(partnership, 6, sending_organisation=vo, route_kind="glr", route_name="GLR Eo")
    lines = {line.key: line for line in compute(partnership).total.lines}
    assert lines["regulier"].pupils.count == 12
    assert lines["leerroute"].pupils.count == 13
    assert lines["regulier"].figures["started"].count == 12
    assert lines["leerroute"].figures["started"].count == 0


@pytest.mark.parametrize("dimension", ["sending", "receiving", "sector", "route"])
def test_every_dimension_groups_all_pupils(partnership, dimension):
    a, b = school(partnership, "Vo A"), school(partnership, "Vo B")
    m = school(partnership, "Mbo M", kind="mbo")
    make(
        partnership, 10, sending_organisation=a, receiving_organisation=m, sector="Zorg"
    )
    make(
        partnership,
        8,
        sending_organisation=b,
        sector="Techniek",
        route_kind="dlr",
        route_name="DLR T",
    )
    result = compute(partnership, dimension)
    assert sum(g.total.pupils.count for g in result.groups) == 18
    assert len(result.groups) == 2


def test_figures_take_two_queries(partnership, django_assert_num_queries):
    vo = school(partnership, "Vo Een")
    make(partnership, 12, sending_organisation=vo, **started())
    with django_assert_num_queries(2):
        compute(partnership)


def test_a_small_group_is_merged_into_other(partnership, settings):
    settings.TRANSITIONS_MIN_CELL = 5
    big, small = school(partnership, "Groot"), school(partnership, "Klein")
    other = school(partnership, "Middel")
    make(partnership, 30, sending_organisation=big)
    make(partnership, 4, sending_organisation=small)
    make(partnership, 20, sending_organisation=other)
    result = compute(partnership)
    labels = [g.label for g in result.groups]
    assert "Klein" not in labels
    assert "Groot" in labels
    # 4 is too small on its own: the smallest other school (20) joins it.
    assert result.groups[-1].total.pupils.count == 24
    assert all(g.total.pupils.count != 4 for g in result.groups)


def test_the_threshold_setting_is_honoured(partnership, settings):
    vo = school(partnership, "Vo Een")
    make(partnership, 20, sending_organisation=vo, **started())
    make(partnership, 4, sending_organisation=vo, route_kind="dlr", **started())
    settings.TRANSITIONS_MIN_CELL = 3
    assert compute(partnership).total.line("leerroute").pupils.count == 4
    settings.TRANSITIONS_MIN_CELL = 5
    assert compute(partnership).total.line("leerroute").pupils.hidden


def test_cohorts_newest_first(partnership):
    vo = school(partnership, "Vo Een")
    make(partnership, 1, sending_organisation=vo, cohort=2024)
    make(partnership, 1, sending_organisation=vo, cohort=2026)
    with scopes_disabled():
        assert figures.cohorts(partnership=partnership) == [2026, 2024]
