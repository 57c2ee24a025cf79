"""Deleting an imported data set: the confirmation says what goes and which analyses
change; the coördinator only; the access log keeps its provenance; notes stay."""

import datetime

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.audit.models import AccessLogEntry, Action

from ..demo import SAMPLE_FILES, sample_import
from ..models import DataKind, DataSet, LabourMarket, Note
from ..services.notes import note_add

pytestmark = pytest.mark.django_db


def _url(dataset):
    return reverse("region:dataset_delete", args=[dataset.partnership.slug, dataset.pk])


def _of(samples, kind):
    return next(d for d in samples if d.kind == kind)


def test_the_confirmation_says_what_goes_and_what_changes(client_for, samples, route):
    labour = _of(samples, DataKind.LABOUR_MARKET)
    page = client_for(partnership=route.partnership).get(_url(labour)).content.decode()
    assert "Dit gegevensbestand verwijderen?" in page
    assert "De 15 regels van het bestand worden verwijderd." in page
    assert labour.file_name in page
    assert "1. Welke sectoren" in page
    assert "2. Welke werkvelden" in page
    assert "4. Wie is de doelgroep" not in page
    assert "alleen hun notities" in page  # no older table takes over
    assert route.name in page  # the route's analysis changes
    assert reverse("region:partnership_analysis", args=[route.partnership.slug]) in page
    with scopes_disabled():
        assert DataSet.objects.count() == 3  # a GET deletes nothing


def test_an_older_data_set_takes_over_or_changes_nothing(client_for, samples, route):
    labour = _of(samples, DataKind.LABOUR_MARKET)
    with scopes_disabled():
        older = DataSet.objects.create(
            partnership=route.partnership,
            kind=DataKind.LABOUR_MARKET,
            source_name="Arbeidsmarkt 2023",
            publisher="UWV",
            reference_date=datetime.date(2023, 6, 1),
            file_name="oud.xlsx",
            content_hash="0" * 64,
        )
    client = client_for(partnership=route.partnership)
    newest = client.get(_url(labour)).content.decode()
    assert "uit het oudere gegevensbestand “Arbeidsmarkt 2023”" in newest
    page = client.get(_url(older)).content.decode()
    assert "de analyses lezen een nieuwer gegevensbestand" in page


def test_the_coordinator_deletes_and_the_log_keeps_the_provenance(
    client_for, samples, route
):
    partnership = route.partnership
    labour = _of(samples, DataKind.LABOUR_MARKET)
    client = client_for(partnership=partnership)
    with scopes_disabled():
        membership = partnership.memberships.first()
        note_add(route=route, by=membership, question=1, text="Bouw", source="CBS")
    response = client.post(_url(labour), follow=True)
    assert "en de 15 regels ervan zijn verwijderd" in response.content.decode()
    with scopes_disabled():
        assert not DataSet.objects.filter(pk=labour.pk).exists()
        assert not LabourMarket.objects.exists()
        assert DataSet.objects.count() == 2
        assert Note.objects.count() == 1  # notes are not the file's
        entry = AccessLogEntry.objects.get(action=Action.DELETE)
    assert entry.object_type == "region.dataset"
    assert entry.object_ids == [labour.pk]
    assert entry.partnership_id == partnership.pk
    assert labour.file_name in entry.object_label
    assert labour.content_hash[:16] in entry.object_label
    assert "15" in entry.object_label
    analysis = client.get(
        reverse("region:route_analysis", args=[partnership.slug, route.pk])
    ).content.decode()
    assert "Nog geen arbeidsmarkttabel ingelezen" in analysis
    # The same file may be imported again after its deletion.
    with scopes_disabled():
        sample_import(partnership, None, *SAMPLE_FILES[2])


@pytest.mark.parametrize("role", ["werkgroeplid", "decaan", "stuurgroep"])
def test_only_the_coordinator_deletes(client_for, samples, route, role):
    labour = _of(samples, DataKind.LABOUR_MARKET)
    client = client_for(role, partnership=route.partnership)
    assert client.get(_url(labour)).status_code == 403
    assert client.post(_url(labour)).status_code == 403
    with scopes_disabled():
        assert DataSet.objects.filter(pk=labour.pk).exists()
    listing = client.get(reverse("region:dataset_list", args=[route.partnership.slug]))
    assert _url(labour) not in listing.content.decode()


def test_the_list_links_the_deletion(client_for, samples, route):
    listing = client_for(partnership=route.partnership).get(
        reverse("region:dataset_list", args=[route.partnership.slug])
    )
    for dataset in samples:
        assert _url(dataset) in listing.content.decode()


def test_another_partnership_gets_404(client_for, samples, other_partnership):
    client = client_for(partnership=other_partnership)
    assert client.get(_url(samples[0])).status_code == 404
    assert client.post(_url(samples[0])).status_code == 404
    wrong = reverse(
        "region:dataset_delete", args=[other_partnership.slug, samples[0].pk]
    )
    assert client.post(wrong).status_code == 404
    with scopes_disabled():
        assert DataSet.objects.count() == 3


def test_the_list_is_bounded_in_queries(
    client_for, samples, route, django_assert_max_num_queries
):
    client = client_for(partnership=route.partnership)
    with django_assert_max_num_queries(12):
        client.get(reverse("region:dataset_list", args=[route.partnership.slug]))
