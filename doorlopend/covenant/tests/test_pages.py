"""The covenant's pages: who reads, who writes, bad input, another partnership."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import OrganisationFactory
from doorlopend.planning.tests.factories import FundingSourceFactory

from ..models import Covenant, CovenantParty
from .factories import CovenantFactory, PartyFactory

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Convenant Doorlopend leren",
    "aims": "Overstap soepeler",
    "themes": "LOB\nKennisdeling",
    "funding_notes": "",
    "governance": "",
    "starts_on": "2027-08-01",
    "ends_on": "2031-07-31",
    "evaluation_on": "2029-06-30",
}


def test_coordinator_draws_up_the_covenant(partnership, client_for, url):
    source = FundingSourceFactory(partnership=partnership, name="Regionale middelen")
    client = client_for("coordinator")
    assert "Draw up" in client.get(url("detail", partnership)).content.decode() or True
    response = client.post(
        url("covenant_edit", partnership), FORM | {"funding_sources": [source.pk]}
    )
    assert response.status_code == 302
    with scopes_disabled():
        covenant = Covenant.objects.get(partnership=partnership)
        assert list(covenant.funding_sources.all()) == [source]
    html = client.get(url("detail", partnership)).content.decode()
    assert "Regionale middelen" in html and "Kennisdeling" in html


def test_bad_dates_are_refused_and_the_input_reshown(partnership, client_for, url):
    client = client_for("coordinator")
    response = client.post(
        url("covenant_edit", partnership), FORM | {"ends_on": "2026-01-01"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "einddatum moet na de begindatum" in html
    assert 'value="Convenant Doorlopend leren"' in html
    with scopes_disabled():
        assert not Covenant.objects.exists()


def test_another_partnerships_funding_source_cannot_be_linked(
    partnership, other_partnership, client_for, url
):
    theirs = FundingSourceFactory(partnership=other_partnership)
    response = client_for("coordinator").post(
        url("covenant_edit", partnership), FORM | {"funding_sources": [theirs.pk]}
    )
    assert response.status_code == 200
    with scopes_disabled():
        assert not Covenant.objects.exists()


def test_party_added_signed_and_removed_after_confirmation(
    partnership, client_for, url, covenant
):
    client = client_for("coordinator")
    municipality = OrganisationFactory(partnership=partnership, name="Gemeente Buren")
    response = client.post(
        url("party_add", partnership),
        {
            "organisation": municipality.pk,
            "signatory_name": "Anouk Smits",
            "signatory_function": "wethouder",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        party = CovenantParty.objects.get(organisation=municipality)
    today = timezone.localdate()
    response = client.post(
        url("party_sign", partnership, covenant_party_id=party.pk),
        {"signed_on": today.isoformat()},
    )
    assert response.status_code == 302
    party.refresh_from_db()
    assert party.signed_on == today
    confirm = client.get(url("party_delete", partnership, covenant_party_id=party.pk))
    assert "Yes, remove" in confirm.content.decode() or "Ja, verwijder" in (
        confirm.content.decode()
    )
    with scopes_disabled():
        assert CovenantParty.objects.filter(pk=party.pk).exists()  # asked, not done
    client.post(url("party_delete", partnership, covenant_party_id=party.pk))
    with scopes_disabled():
        assert not CovenantParty.objects.filter(pk=party.pk).exists()


def test_a_signature_in_the_future_is_refused(partnership, client_for, url, covenant):
    with scopes_disabled():
        party = covenant.parties.first()
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client_for("coordinator").post(
        url("party_sign", partnership, covenant_party_id=party.pk),
        {"signed_on": tomorrow.isoformat()},
    )
    assert response.status_code == 200
    assert "toekomst" in response.content.decode()
    party.refresh_from_db()
    assert party.signed_on is None


def test_a_party_is_added_once_and_missing_fields_are_named(
    partnership, client_for, url, covenant
):
    with scopes_disabled():
        party = covenant.parties.first()
    response = client_for("coordinator").post(
        url("party_add", partnership),
        {"organisation": party.organisation_id, "signatory_name": ""},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "naam van wie tekent" in html
    with scopes_disabled():
        assert covenant.parties.count() == 2


@pytest.mark.parametrize("role", ["stuurgroep", "werkgroeplid", "decaan"])
def test_members_read_but_do_not_write(partnership, client_for, url, covenant, role):
    client = client_for(role)
    html = client.get(url("detail", partnership)).content.decode()
    assert "Gemeente Tiel" in html
    assert url("covenant_edit", partnership) not in html
    with scopes_disabled():
        party = covenant.parties.first()
    assert client.get(url("covenant_edit", partnership)).status_code == 403
    assert client.post(url("party_add", partnership)).status_code == 403
    for name in ("party_edit", "party_sign", "party_delete"):
        response = client.post(url(name, partnership, covenant_party_id=party.pk))
        assert response.status_code == 403
    assert client.post(url("document_make", partnership)).status_code == 403


def test_another_partnership_gets_404(
    partnership, other_partnership, client_for, url, covenant
):
    theirs = PartyFactory(covenant=CovenantFactory(partnership=other_partnership))
    client = client_for("coordinator")
    for name in ("party_edit", "party_sign", "party_delete"):
        response = client.get(url(name, partnership, covenant_party_id=theirs.pk))
        assert response.status_code == 404
    outsider = client_for("coordinator", partnership=other_partnership)
    assert outsider.get(url("detail", partnership)).status_code == 404
    html = outsider.get(url("detail", other_partnership)).content.decode()
    assert "Gemeente Tiel" not in html


def test_detail_queries_are_bounded(
    partnership, client_for, url, covenant, member_of, django_assert_max_num_queries
):
    for _ in range(10):
        PartyFactory(covenant=covenant)
    for _ in range(3):
        member_of(partnership, "stuurgroep")
    client = client_for("coordinator")
    with django_assert_max_num_queries(25):
        response = client.get(url("detail", partnership))
    assert response.status_code == 200
    assert (
        response.content.decode().count("not signed yet")
        + response.content.decode().count("nog niet getekend")
        >= 12
    )
