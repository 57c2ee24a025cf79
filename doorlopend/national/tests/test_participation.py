"""The coördinator decides on the settings page whether the aggregates count nationally."""

from doorlopend.national.models import NationalParticipation
from doorlopend.national.selectors import takes_part

from .helpers import participation_url


def _settings(partnership) -> str:
    return f"/p/{partnership.slug}/instellingen/"


def test_the_settings_page_shows_the_choice_and_what_is_shared(client_for, partnership):
    from django.urls import reverse

    url = reverse("partnerships:settings", args=[partnership.slug])
    page = client_for("coordinator").get(url).content.decode()
    assert "Nu: jullie totaalcijfers tellen mee in het landelijk beeld." in page
    assert "nooit namen, personen of leerlingen" in page


def test_the_coordinator_opts_out_and_in(client_for, partnership):
    client = client_for("coordinator")
    response = client.post(participation_url(partnership), {"takes_part": "0"})
    assert response.status_code == 302
    assert not takes_part(partnership=partnership)
    page = client.get(response["Location"]).content.decode()
    assert "tellen niet mee in het landelijk beeld" in page
    client.post(participation_url(partnership), {"takes_part": "1"})
    client.post(participation_url(partnership), {"takes_part": "1"})
    assert takes_part(partnership=partnership)
    assert NationalParticipation.objects.filter(partnership=partnership).count() == 1


def test_no_choice_changes_nothing_and_says_so(client_for, partnership):
    client = client_for("coordinator")
    response = client.post(participation_url(partnership), {}, follow=True)
    assert "Kies of jullie totaalcijfers meetellen." in response.content.decode()
    assert not NationalParticipation.objects.exists()


def test_only_the_coordinator_decides(client_for, partnership, other_partnership):
    response = client_for("stuurgroep").post(
        participation_url(partnership), {"takes_part": "0"}
    )
    assert response.status_code == 403
    response = client_for("coordinator").post(
        participation_url(other_partnership), {"takes_part": "0"}
    )
    assert response.status_code == 404
    assert takes_part(partnership=partnership)
    assert takes_part(partnership=other_partnership)
