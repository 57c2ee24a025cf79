"""Parties (signatories, tasks, money) and council decisions on the route pages."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import OrganisationFactory

from ..models import Consent, Party
from .factories import ConsentFactory, LeerrouteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def url(name: str, partnership, *args) -> str:
    return reverse(f"routes:{name}", args=[partnership.slug, *args])


def consent_data(organisation, **overrides) -> dict:
    values = {
        "organisation": organisation.pk,
        "body": "mr",
        "date": "2026-03-02",
        "outcome": "consent",
        "notes": "Instemming na tweede bespreking.",
    }
    values.update(overrides)
    return values


def test_add_a_municipality_as_party(partnership, client_for):
    route = LeerrouteFactory(partnership=partnership)
    municipality = OrganisationFactory(partnership=partnership, kind="gemeente")
    response = client_for("coordinator").post(
        url("party_add", partnership, route.pk),
        {
            "organisation": municipality.pk,
            "signatory_name": "C. Testers",
            "signatory_role": "wethouder onderwijs",
            "contribution": "10000,50",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        party = Party.objects.get(route=route, organisation=municipality)
    assert party.contribution == Decimal("10000.50")


def test_party_add_offers_only_organisations_not_yet_party(partnership, client_for):
    route = LeerrouteFactory(partnership=partnership)
    response = client_for("coordinator").get(url("party_add", partnership, route.pk))
    choices = list(response.context["form"].fields["organisation"].queryset)
    assert route.mbo_location not in choices


def test_edit_party_and_bad_contribution(partnership, client_for):
    route = LeerrouteFactory(partnership=partnership)
    with scopes_disabled():
        party = Party.objects.get(route=route, organisation=route.mbo_location)
    client = client_for("coordinator")
    edit = url("party_edit", partnership, route.pk, party.pk)
    response = client.post(
        edit, {"signatory_name": "mr. B. Proefmans", "contribution": "veel"}
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("contribution", "invalid")
    assert 'value="mr. B. Proefmans"' in response.content.decode()
    response = client.post(
        edit, {"signatory_name": "mr. B. Proefmans", "contribution": "20000"}
    )
    assert response.status_code == 302
    party.refresh_from_db()
    assert party.signatory_name == "mr. B. Proefmans"
    assert party.contribution == Decimal("20000")


def test_remove_party_asks_first(partnership, client_for):
    route = LeerrouteFactory(partnership=partnership)
    employer = OrganisationFactory(partnership=partnership, kind="bedrijf")
    with scopes_disabled():
        party = Party.objects.create(route=route, organisation=employer)
    client = client_for("coordinator")
    remove = url("party_remove", partnership, route.pk, party.pk)
    assert client.get(remove).status_code == 200
    with scopes_disabled():
        assert Party.objects.filter(pk=party.pk).exists()
    client.post(remove)
    with scopes_disabled():
        assert not Party.objects.filter(pk=party.pk).exists()


def test_record_consent_with_document_and_download(partnership, client_for):
    route = LeerrouteFactory(partnership=partnership)
    with scopes_disabled():
        school = route.vmbo_locations.get()
    client = client_for("coordinator")
    document = SimpleUploadedFile(
        "besluit MR.pdf", b"%PDF-1.4 minutes", "application/pdf"
    )
    response = client.post(
        url("consent_create", partnership, route.pk),
        {**consent_data(school), "document": document},
    )
    assert response.status_code == 302
    with scopes_disabled():
        consent = Consent.objects.get()
    assert consent.document.name.startswith("routes/consent/")
    assert consent.document.name.endswith("/besluit_MR.pdf")
    download = client_for("stuurgroep").get(
        url("consent_document", partnership, route.pk, consent.pk)
    )
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == b"%PDF-1.4 minutes"


def test_consent_in_the_future_is_refused(partnership, client_for):
    route = LeerrouteFactory(partnership=partnership)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client_for("coordinator").post(
        url("consent_create", partnership, route.pk),
        consent_data(route.mbo_location, date=tomorrow.isoformat()),
    )
    assert response.status_code == 200
    assert (
        _("The date of a decision cannot be in the future.")
        in response.content.decode()
    )
    with scopes_disabled():
        assert not Consent.objects.exists()


def test_consent_document_of_wrong_type_is_refused(partnership, client_for):
    route = LeerrouteFactory(partnership=partnership)
    script = SimpleUploadedFile("besluit.exe", b"MZ", "application/octet-stream")
    response = client_for("coordinator").post(
        url("consent_create", partnership, route.pk),
        {**consent_data(route.mbo_location), "document": script},
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("document")
    assert "exe" in response.context["form"].errors["document"][0]
    with scopes_disabled():
        assert not Consent.objects.exists()


def test_consent_document_too_large_is_refused(partnership, client_for, settings):
    settings.ROADMAP_EVIDENCE_MAX_BYTES = 10
    route = LeerrouteFactory(partnership=partnership)
    big = SimpleUploadedFile("besluit.pdf", b"%PDF-1.4 more than ten bytes")
    response = client_for("coordinator").post(
        url("consent_create", partnership, route.pk),
        {**consent_data(route.mbo_location), "document": big},
    )
    assert response.status_code == 200
    with scopes_disabled():
        assert not Consent.objects.exists()


def test_delete_consent_asks_first(partnership, client_for):
    consent = ConsentFactory(route=LeerrouteFactory(partnership=partnership))
    client = client_for("coordinator")
    delete = url("consent_delete", partnership, consent.route_id, consent.pk)
    assert client.get(delete).status_code == 200
    response = client.post(delete)
    assert response.status_code == 302
    with scopes_disabled():
        assert not Consent.objects.exists()


def test_stuurgroep_cannot_change_parties_or_consents(partnership, client_for):
    consent = ConsentFactory(route=LeerrouteFactory(partnership=partnership))
    route = consent.route
    with scopes_disabled():
        party = route.parties.first()
    client = client_for("stuurgroep")
    for name, args in [
        ("party_add", [route.pk]),
        ("party_edit", [route.pk, party.pk]),
        ("party_remove", [route.pk, party.pk]),
        ("consent_create", [route.pk]),
        ("consent_delete", [route.pk, consent.pk]),
    ]:
        assert client.post(url(name, partnership, *args)).status_code == 403, name
