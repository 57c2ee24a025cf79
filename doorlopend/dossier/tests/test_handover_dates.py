"""The dossier's dates on the monitor's dates page: default 1 April and 1 June, editable
per year, checked per field."""

import datetime

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.transitions.models import CohortSettings
from doorlopend.transitions.tests.factories import TransitionFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def url(partnership):
    return reverse("transitions:cohort_settings", args=[partnership.slug])


def post(client, partnership, **dates):
    data = {
        "cohort": 2025,
        "y2025-registration_deadline": "2025-04-01",
        "y2025-start_check_on": "2025-10-01",
    }
    data.update({f"y2025-{k}": v for k, v in dates.items()})
    return client.post(url(partnership), data)


def test_the_page_shows_the_dossier_dates_with_their_defaults(client_for, partnership):
    TransitionFactory(partnership=partnership, cohort=2025)
    page = client_for("coordinator").get(url(partnership)).content.decode()
    assert 'name="y2025-dossier_complete_by"' in page
    assert 'value="2025-04-01"' in page and 'value="2025-06-01"' in page


def test_the_coordinator_sets_them(client_for, partnership):
    TransitionFactory(partnership=partnership, cohort=2025)
    client = client_for("coordinator")
    response = post(
        client,
        partnership,
        dossier_complete_by="2025-03-15",
        dossier_read_by="2025-05-15",
    )
    assert response.status_code == 302
    with scopes_disabled():
        row = CohortSettings.objects.get(partnership=partnership, cohort=2025)
    assert (row.dossier_complete_by, row.dossier_read_by) == (
        D(2025, 3, 15),
        D(2025, 5, 15),
    )
    # Back to the defaults: the row goes.
    post(client, partnership, dossier_complete_by="", dossier_read_by="")
    with scopes_disabled():
        assert not CohortSettings.objects.filter(partnership=partnership).exists()


def test_a_read_date_before_the_complete_date_is_refused(client_for, partnership):
    TransitionFactory(partnership=partnership, cohort=2025)
    response = post(
        client_for("coordinator"),
        partnership,
        dossier_complete_by="2025-05-01",
        dossier_read_by="2025-04-01",
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="2025-04-01"' in page  # what was typed is shown again
    assert "kan niet vóór de datum liggen" in page or "cannot come before" in page
    with scopes_disabled():
        assert not CohortSettings.objects.filter(partnership=partnership).exists()


def test_only_the_coordinator(client_for, partnership):
    assert client_for("intake").get(url(partnership)).status_code == 403
