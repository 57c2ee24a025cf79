"""The timeline per school year: order, the chosen year, bounded queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from ..models import Milestone
from ..selectors import timeline as selectors
from .factories import ActivityFactory, ChangeAssignmentFactory, GoalFactory

pytestmark = pytest.mark.django_db


def url(p, year=None):
    base = reverse("planning:timeline", args=[p.slug])
    return f"{base}?jaar={year}" if year else base


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_school_year_runs_from_august():
    assert selectors.school_year_of(datetime.date(2026, 7, 31)) == 2025
    assert selectors.school_year_of(datetime.date(2026, 8, 1)) == 2026
    assert selectors.school_year_bounds(2026) == (
        datetime.date(2026, 8, 1),
        datetime.date(2027, 7, 31),
    )


def test_items_in_date_order_within_the_year(partnership, other_partnership):
    GoalFactory(
        partnership=partnership,
        title="Doel open dagen",
        deadline=datetime.date(2027, 3, 1),
    )
    GoalFactory(
        partnership=partnership, title="Te laat", deadline=datetime.date(2027, 8, 1)
    )
    ActivityFactory(
        partnership=partnership,
        title="Gastles zorg",
        starts_at=at(datetime.date(2026, 10, 5)),
    )
    ActivityFactory(
        partnership=other_partnership,
        title="Van elders",
        starts_at=at(datetime.date(2026, 10, 6)),
    )
    assignment = ChangeAssignmentFactory(partnership=partnership)
    with scopes_disabled():
        Milestone.objects.create(
            assignment=assignment, title="MT besluit", date=datetime.date(2026, 9, 1)
        )
        result = selectors.timeline(partnership=partnership, year=2026)
    titles = [i.title for m in result.months for i in m.items]
    assert titles == ["MT besluit", "Gastles zorg", "Doel open dagen"]
    assert len(result.months) == 12
    assert result.months[0].first == datetime.date(2026, 8, 1)
    september = result.months[1]
    assert september.items[0].detail == assignment.organisation.name


def test_page_shows_the_chosen_year(partnership, client_for):
    ActivityFactory(
        partnership=partnership,
        title="Meeloopdag",
        starts_at=at(datetime.date(2025, 11, 12)),
    )
    client = client_for("stuurgroep")
    response = client.get(url(partnership, 2025))
    assert response.status_code == 200
    assert response.context["timeline"].year == 2025
    assert "Meeloopdag" in response.content.decode()
    assert "Meeloopdag" not in client.get(url(partnership, 2026)).content.decode()


def test_a_bad_year_falls_back_to_the_current_one(partnership, client_for):
    response = client_for("stuurgroep").get(url(partnership, "abc"))
    current = selectors.school_year_of(timezone.localdate())
    assert response.context["timeline"].year == current


def test_timeline_queries_are_bounded_with_200_activities(
    partnership, client_for, django_assert_max_num_queries
):
    year = selectors.school_year_of(timezone.localdate())
    start = datetime.date(year, 8, 1)
    ActivityFactory.create_batch(
        200,
        partnership=partnership,
        starts_at=factory_dates(start),
    )
    GoalFactory.create_batch(
        10, partnership=partnership, deadline=start.replace(month=12)
    )
    client = client_for("coordinator")
    with django_assert_max_num_queries(12):
        response = client.get(url(partnership, year))
    assert response.status_code == 200
    assert response.context["timeline"].count == 210


def factory_dates(start):
    import factory

    return factory.Sequence(lambda n: at(start + datetime.timedelta(days=n % 360)))


def test_plan_timeline_shows_the_next_four_weeks(partnership):
    today = datetime.date(2026, 9, 1)
    ActivityFactory(
        partnership=partnership,
        title="Binnenkort",
        starts_at=at(today + datetime.timedelta(days=10)),
    )
    ActivityFactory(
        partnership=partnership,
        title="Later",
        starts_at=at(today + datetime.timedelta(days=40)),
    )
    with scopes_disabled():
        summary = selectors.plan_timeline(
            partnership=partnership, membership=None, today=today
        )
    assert [i.title for i in summary.items] == ["Binnenkort"]


def test_landelijk_adviseur_has_no_timeline(partnership, client_for):
    assert client_for("landelijk_adviseur").get(url(partnership)).status_code == 403
