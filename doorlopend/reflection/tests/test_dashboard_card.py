"""The reflection card on the partnership's overview page."""

import datetime

import pytest
from django.urls import reverse
from django.utils.translation import ngettext

from ..choices import ActionStatus
from .factories import ActionPointFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_card_shows_latest_session_and_overdue_action_points(partnership, client_for):
    SessionFactory(
        partnership=partnership,
        title="Najaarssessie 2024",
        date=datetime.date(2025, 1, 1),
    )
    latest = SessionFactory(partnership=partnership, title="Voorjaarssessie 2026")
    ActionPointFactory(session=latest, due_date=datetime.date(2020, 1, 1))
    ActionPointFactory(
        session=latest, due_date=datetime.date(2020, 1, 1), status=ActionStatus.GEREED
    )
    ActionPointFactory(session=latest)
    page = (
        client_for("stuurgroep")
        .get(reverse("partnerships:dashboard", args=[partnership.slug]))
        .content.decode()
    )
    assert "Voorjaarssessie 2026" in page and "Najaarssessie 2024" not in page
    open_text = ngettext(
        "%(counter)s action point is open.", "%(counter)s action points are open.", 2
    )
    overdue_text = ngettext(
        "%(counter)s is past its due date.", "%(counter)s are past their due date.", 1
    )
    assert open_text % {"counter": 2} in page
    assert overdue_text % {"counter": 1} in page
    assert (
        reverse("reflection:session_detail", args=[partnership.slug, latest.pk]) in page
    )


def test_no_card_for_the_landelijk_adviseur(partnership, client_for):
    SessionFactory(partnership=partnership, title="Voorjaarssessie 2026")
    page = (
        client_for("landelijk_adviseur")
        .get(reverse("partnerships:dashboard", args=[partnership.slug]))
        .content.decode()
    )
    assert "Voorjaarssessie 2026" not in page
