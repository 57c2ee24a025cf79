"""Trends across repeated sessions: means, changes, the chart, k = 3, versions."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from doorlopend.instruments.models import InstrumentVersion

from ..choices import Layer, Sector
from ..models import Answer
from ..selectors.trends import instrument_trends
from .factories import instrument
from .test_report import filled_session

pytestmark = pytest.mark.django_db

TEN = [(Sector.VO, Layer.UITVOERING, 5), (Sector.MBO, Layer.MANAGEMENT, 5)]


def trends_url(partnership, name="trends", key="reflectietool"):
    return reverse(f"reflection:{name}", args=[partnership.slug, key])


def trends_of(partnership):
    with scope(partnership=partnership):
        return instrument_trends(
            partnership=partnership, instrument_key="reflectietool"
        )


def scored(partnership, day, value, people=TEN, **kwargs):
    """A closed session on `day` where everybody gave every question `value`."""
    session = filled_session(partnership, people=people, date=day, **kwargs)
    with scopes_disabled():
        Answer.objects.filter(participant__session=session).update(value=value)
    return session


def test_empty_state_until_two_sessions_are_closed(partnership, client_for):
    client = client_for("docent")
    empty = _("Trends appear once the same questionnaire has been closed twice.")
    assert empty in client.get(trends_url(partnership)).content.decode()
    scored(partnership, date(2025, 11, 1), 3, title="Najaar")
    page = client.get(trends_url(partnership)).content.decode()
    assert empty in page and "Najaar" in page
    assert "chart.svg" not in page


def test_means_and_changes_per_theme_and_question(partnership, client_for):
    scored(partnership, date(2025, 3, 1), 2, title="Voorjaar")
    scored(partnership, date(2025, 11, 1), 4, title="Najaar")
    page = client_for("docent").get(trends_url(partnership)).content.decode()
    assert "Voorjaar" in page and "Najaar" in page
    assert "Visie en ambitie" in page and "Monitoring" in page
    assert "↑ 2" in page  # from 2 to 4, in the active language's decimal format
    assert trends_url(partnership, "trend_chart") in page
    assert page.count("<table") == 1 + 6  # the chart's table, a table per theme


def test_a_suppressed_session_breaks_the_change(partnership):
    scored(partnership, date(2025, 1, 1), 2)
    scored(partnership, date(2025, 6, 1), 5, people=[(Sector.VO, Layer.BESTUUR, 2)])
    scored(partnership, date(2025, 11, 1), 4)
    data = trends_of(partnership)
    first, hidden, last = data.themes[0].theme.cells
    assert first.shown and first.change is None
    assert hidden.suppressed and hidden.mean is None and hidden.change is None
    assert last.shown and last.change is None  # nothing to compare with
    question = data.themes[0].questions[0].cells
    assert question[1].suppressed and question[2].change is None


def test_questions_match_across_versions_by_key(partnership):
    old = instrument()
    definition = old.definition_json
    themes = definition["themes"]
    themes[0]["questions"] = themes[0]["questions"][1:] + [
        {"key": "visie-nieuw", "text": "Een nieuwe vraag?"}
    ]
    new = InstrumentVersion.objects.create(
        key="reflectietool",
        version=old.version + 1,
        title=old.title,
        definition_json={**definition, "version": old.version + 1},
        content_hash="test",
        source_path="test",
    )
    scored(partnership, date(2025, 1, 1), 2, instrument=old)
    scored(partnership, date(2025, 11, 1), 3, instrument=new)
    data = trends_of(partnership)
    rows = {row.key: row for row in data.themes[0].questions}
    assert [c.mean for c in rows["visie-2"].cells] == [2, 3]
    assert rows["visie-2"].cells[1].change == pytest.approx(1)
    assert not rows["visie-nieuw"].cells[0].asked  # not in the first version
    assert not rows["visie-1"].cells[1].asked  # dropped in the second
    assert list(rows)[:3] == ["visie-2", "visie-3", "visie-4"]  # newest wording leads


def test_chart_is_an_svg_without_script(partnership, client_for):
    scored(partnership, date(2025, 3, 1), 2)
    scored(partnership, date(2025, 11, 1), 4)
    response = client_for("docent").get(trends_url(partnership, "trend_chart"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg.lstrip().startswith("<?xml") or "<svg" in svg[:300]
    assert "<script" not in svg
    assert "Daadkracht" in svg


def test_query_count_does_not_grow_with_sessions(
    partnership, client_for, django_assert_max_num_queries
):
    """All sessions' figures in two queries (results_of), whatever their number; a
    dozen sessions were 27 queries when each cost two."""
    sessions = 6
    for month in range(1, sessions + 1):
        scored(partnership, date(2025, month, 1), 3)
    client = client_for("docent")
    # The constant: login session, user, membership, roles, instrument, session list,
    # the partnership switcher in base.html and saving the last partnership visited.
    with django_assert_max_num_queries(12):
        assert client.get(trends_url(partnership)).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(trends_url(partnership, "trend_chart")).status_code == 200


def test_access(partnership, other_partnership, client_for):
    scored(partnership, date(2025, 3, 1), 2, title="Alleen van ons")
    scored(partnership, date(2025, 11, 1), 4)
    outsider = client_for("coordinator", partnership=other_partnership)
    # Their own trends page does not count our sessions.
    page = outsider.get(trends_url(other_partnership)).content.decode()
    assert "Alleen van ons" not in page
    assert _("Trends appear once the same questionnaire has been closed twice.") in page
    assert (
        client_for("landelijk_adviseur").get(trends_url(partnership)).status_code == 403
    )
    unknown = trends_url(partnership, key="bestaat-niet")
    assert client_for("docent").get(unknown).status_code == 404
