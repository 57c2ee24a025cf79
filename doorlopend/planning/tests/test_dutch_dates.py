"""Dates on Dutch pages and charts read as Dutch writes them: "24 nov. 2026"."""

import datetime
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

import doorlopend

from ..charts import goal_chart_svg
from .factories import GoalFactory, MeasurementFactory

pytestmark = pytest.mark.django_db
DEADLINE = datetime.date(2026, 11, 24)


def test_the_goal_list_shows_a_dutch_deadline(partnership, client_for):
    GoalFactory(partnership=partnership, deadline=DEADLINE)
    response = client_for("coordinator").get(
        reverse("planning:goal_list", args=[partnership.slug]),
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    body = response.content.decode()
    assert "24 nov. 2026" in body
    assert "Nov" not in body
    assert "Uiterste datum" in body and "Deadline" not in body


def test_the_goal_chart_labels_its_dates_in_dutch(partnership):
    goal = GoalFactory(partnership=partnership)
    measurement = MeasurementFactory(goal=goal, date=datetime.date(2026, 3, 4))
    with translation.override("nl"):
        svg = goal_chart_svg(goal, [measurement]).decode()
    assert "4 mrt. 2026" in svg


def test_no_date_is_formatted_with_english_capitals():
    """Django's "M" gives "Nov" on a Dutch page; "N" gives "nov." (see the nl catalog)."""
    root = Path(doorlopend.__file__).resolve().parent
    format_string = re.compile(r"""(\|date:|date_format\([^,]+,\s*)["']([^"']*)["']""")
    offenders = []
    for path in [*root.rglob("*.html"), *root.rglob("*.py")]:
        if "tests" in path.parts:
            continue
        for _, fmt in format_string.findall(path.read_text()):
            if re.search(r"(?<!\\)[Mb]", fmt) and "FORMAT" not in fmt:
                offenders.append(f"{path.relative_to(root)}: {fmt}")
    assert not offenders, offenders
