"""The radar chart, the distribution bar, heat-map classes and the facilitator's clock."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from .. import charts
from ..choices import DONT_KNOW, Phase, State
from ..selectors.results import Figures, session_results
from ..templatetags.reflection import distribution, heat, phase_clock
from .factories import ParticipantFactory, SessionFactory, answer_all, instrument

pytestmark = pytest.mark.django_db


def results_of(session, n: int, value_for=lambda key: 4):
    for _i in range(n):
        answer_all(ParticipantFactory(session=session), value_for)
    with scopes_disabled():
        return session_results(session)


def test_radar_of_the_six_themes():
    results = results_of(SessionFactory(), 3)
    svg = charts.radar_svg(results)
    assert charts.uses_radar(results)
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
    assert b"<script" not in svg
    for theme in results.themes:
        assert theme.title.encode() in svg


def test_suppressed_results_make_an_empty_chart():
    results = results_of(SessionFactory(), 2)
    svg = charts.radar_svg(results).decode()
    assert not charts.uses_radar(results)
    assert _("too few participants") in svg
    assert "Visie en ambitie" not in svg


def test_one_theme_instrument_gets_bars():
    session = SessionFactory(instrument=instrument("besluitvorming"))
    results = results_of(session, 3, lambda key: 3)
    svg = charts.radar_svg(results).decode()
    assert not charts.uses_radar(results)
    assert "<script" not in svg
    assert results.themes[0].title in svg


def test_only_scored_themes_are_charted():
    # Everyone answers "weet niet" on monitoring: that theme has no mean to draw.
    results = results_of(
        SessionFactory(),
        3,
        lambda key: DONT_KNOW if key.startswith("monitoring") else 5,
    )
    assert "monitoring" not in {t.key for t in charts.charted_themes(results)}
    assert "Monitoring" not in charts.radar_svg(results).decode()


def test_distribution_bar_has_a_text_equivalent():
    figures = Figures(
        respondents=5,
        distribution={1: 1, 2: 0, 3: 1, 4: 2, 5: 0},
        dont_know=1,
        suppressed=False,
        mean=3.0,
    )
    scale = instrument().definition.scale
    html = distribution(figures, scale)
    widths = [round(float(w)) for w in re.findall(r'width="([\d.]+)" height', html)]
    assert widths == [20, 20, 40, 20]  # the empty points draw no bar
    assert f"{scale.dont_know}: 1" in html  # the text equivalent names every point
    assert 'aria-label="1: 1, 2: 0, 3: 1, 4: 2, 5: 0, ' in html


@pytest.mark.parametrize(
    ("mean", "css"),
    [
        (1.0, "heat-1"),
        (2.5, "heat-3"),
        (2.49, "heat-2"),
        (4.5, "heat-5"),
        (None, "heat-none"),
    ],
)
def test_heat_class(mean, css):
    figures = Figures(3, {}, 0, suppressed=False, mean=mean)
    assert heat(figures) == css


def test_heat_of_a_suppressed_cell():
    assert heat(Figures(2, {}, 0, suppressed=True)) == "heat-none"


def test_clock_of_an_open_session():
    now = timezone.now()
    session = SessionFactory.build(
        state=State.OPEN,
        phase=Phase.BESPREKEN,
        opened_at=now - timedelta(minutes=46, seconds=30),
        phase_started_at=now - timedelta(minutes=20),
    )
    clock = phase_clock(session, now)
    assert (clock.minutes_open, clock.minutes_in_phase) == (46, 20)
    assert clock.last_quarter and clock.running
    assert [s.start for s in clock.plan] == [0, 10, 25, 45]
    assert [s.current for s in clock.plan] == [False, False, True, False]


def test_clock_of_a_concept_and_a_closed_session():
    assert phase_clock(SessionFactory.build(state=State.CONCEPT)).minutes_open is None
    opened = timezone.now() - timedelta(hours=3)
    closed = SessionFactory.build(
        state=State.CLOSED,
        opened_at=opened,
        phase_started_at=opened,
        closed_at=opened + timedelta(minutes=58),
    )
    clock = phase_clock(closed)
    assert clock.minutes_open == 58 and not clock.running and not clock.last_quarter
