"""The partnership's settings: the coordinator sets the region of the school holidays."""

import pytest
from django.urls import reverse
from django.utils import translation

from ..models import Partnership

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def url(p):
    return reverse("partnerships:settings", args=[p.slug])


def test_coordinator_changes_the_region(partnership, client_for):
    client = client_for("coordinator")
    page = client.get(url(partnership)).content.decode()
    assert "Regio schoolvakanties" in page
    response = client.post(
        url(partnership),
        {"name": partnership.name, "description": "", "school_region": "noord"},
    )
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.school_region == "noord"
    dashboard = client.get(reverse("partnerships:dashboard", args=[partnership.slug]))
    assert url(partnership) in dashboard.content.decode()


def test_a_new_partnership_keeps_the_holidays_of_midden():
    assert Partnership(name="Nieuw", slug="nieuw").school_region == "midden"


def test_bad_input_is_shown_again_with_a_dutch_error(partnership, client_for):
    response = client_for("coordinator").post(
        url(partnership),
        {"name": "", "description": "Onze afspraken", "school_region": "oost"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Onze afspraken" in page
    assert "Dit veld is verplicht." in page
    assert "is geen beschikbare keuze" in page
    partnership.refresh_from_db()
    assert partnership.school_region == "midden"
    assert partnership.name  # not renamed to ""


def test_other_roles_may_not_and_another_partnership_is_404(
    partnership, other_partnership, client_for
):
    assert client_for("decaan").get(url(partnership)).status_code == 403
    coordinator = client_for("coordinator")
    assert coordinator.get(url(other_partnership)).status_code == 404
    response = coordinator.post(
        url(other_partnership),
        {"name": "Overgenomen", "description": "", "school_region": "zuid"},
    )
    assert response.status_code == 404
    other_partnership.refresh_from_db()
    assert other_partnership.school_region == "midden"
