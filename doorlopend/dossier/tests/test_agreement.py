"""The partnership's agreement on the doorstroomdossier."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.dossier.models import DossierAgreement
from doorlopend.partnerships.tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


def _url(partnership):
    return reverse("dossier:agreement", args=[partnership.slug])


def test_the_coordinator_records_the_agreement(client_for, partnership):
    client = client_for("coordinator")
    data = {"kind": "pvs", "holds": "Deel A en B", "handover_by": "voor 1 april"}
    assert client.post(_url(partnership), data).status_code == 302
    assert client.post(_url(partnership), data).status_code == 302  # saves once
    with scopes_disabled():
        agreement = DossierAgreement.objects.get()
    assert agreement.kept_elsewhere and agreement.holds == "Deel A en B"
    assert "Paspoort voor Succes" in client.get(_url(partnership)).content.decode()


def test_another_dossier_needs_its_name(client_for, partnership):
    client = client_for("coordinator")
    response = client.post(_url(partnership), {"kind": "other", "holds": "Alles"})
    assert response.status_code == 200
    assert "Alles" in response.content.decode()
    with scopes_disabled():
        assert not DossierAgreement.objects.exists()


def test_staff_reads_and_only_the_coordinator_writes(client_for, partnership):
    for role in ("stuurgroep", "decaan", "werkgroeplid"):
        client = client_for(role)
        assert client.get(_url(partnership)).status_code == 200
        assert client.post(_url(partnership), {"kind": "ddd"}).status_code == 403
    assert client_for("landelijk_adviseur").get(_url(partnership)).status_code == 403
    other = client_for("coordinator", partnership=PartnershipFactory())
    assert other.get(_url(partnership)).status_code == 404


def test_the_checklists_dossier_line_follows_the_agreement(client_for, partnership):
    """The checklist's item "concrete activiteiten" shows, beside its point on the
    doorstroomdossier, what the agreement says, with a link to it; the item's status
    (one for all six points) is left to the people."""
    from doorlopend.roadmaps.tests.factories import checklist, state

    row = state(checklist(partnership), "concrete-activiteiten")
    page = reverse("roadmaps:state_edit", args=[partnership.slug, row.pk])
    client = client_for("coordinator")

    def point_line():
        html = client.get(page).content.decode()
        return html.split("gebruik van een doorstroomdossier")[1].split("</li>")[0]

    before = point_line()
    assert "Nog geen afspraak vastgelegd." in before
    assert f'href="{_url(partnership)}"' in before
    client.post(_url(partnership), {"kind": "ddd", "handover_by": "1 april"})
    after = point_line()
    assert "Afgesproken: de scholen gebruiken Digitaal Doorstroomdossier" in after
    assert "Overdracht: 1 april." in after
    row.refresh_from_db()
    assert row.status == "not_started"
