"""Importing open data: counts, masked cells, refusals with line numbers, duplicates."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scopes_disabled

from ..demo import SAMPLE_FILES, SAMPLES
from ..models import DataKind, DataSet, LabourMarket, MboStudents, VoPupils
from ..services.imports import ImportRefused, dataset_import

pytestmark = pytest.mark.django_db

HEADER = "JAAR;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;GEMEENTENAAM;RMC-REGIO;LEERWEG;PROFIEL;AANTAL LEERLINGEN\n"


def _import(partnership, content: bytes, kind=DataKind.VO_PUPILS, name="vo.csv"):
    with scopes_disabled():
        return dataset_import(
            partnership=partnership,
            by=None,
            kind=kind,
            chunks=[content],
            file_name=name,
            source_name="Leerlingen vo",
            publisher="DUO",
            reference_date=datetime.date(2024, 10, 1),
        )


def test_the_three_samples_import_with_their_counts(samples):
    counts = {d.kind: (d.row_count, d.masked_count) for d in samples}
    assert counts == {
        DataKind.VO_PUPILS: (180, 17),
        DataKind.MBO_STUDENTS: (36, 2),
        DataKind.LABOUR_MARKET: (15, 2),
    }
    with scopes_disabled():
        assert VoPupils.objects.count() == 180
        assert MboStudents.objects.count() == 36
        assert LabourMarket.objects.count() == 15
        # The XLSX file's mapping came from the UWV headers' aliases.
        labour = next(d for d in samples if d.kind == DataKind.LABOUR_MARKET)
        assert labour.columns["occupation"] == "Beroepsgroep"
        assert len(labour.content_hash) == 64


def test_masked_cells_are_unknown_never_zero(region_partnership):
    content = (
        HEADER
        + "2024;99AB;99AB01;Waalzicht;TIEL;99;KB;PIE;<5\n"
        + "2024;99AB;99AB01;Waalzicht;TIEL;99;BB;PIE;x\n"
        + "2024;99AB;99AB01;Waalzicht;TIEL;99;GL;PIE;*\n"
        + "2024;99AB;99AB01;Waalzicht;TIEL;99;TL;PIE;0\n"
    ).encode()
    dataset = _import(region_partnership, content)
    assert dataset.masked_count == 3
    with scopes_disabled():
        values = dict(VoPupils.objects.values_list("leerweg", "pupils"))
    assert values == {"kb": None, "bb": None, "gl": None, "tl": 0}


def test_a_bad_file_is_refused_whole_with_every_bad_line(region_partnership):
    content = (
        HEADER
        + "2024;99AB;99AB01;Waalzicht;TIEL;99;KB;PIE;12\n"
        + "2024;99AB;99AB01;Waalzicht;TIEL;99;XX;PIE;12\n"
        + "2024;99AB;99AB01;Waalzicht;TIEL;99;KB;PIE;12\n"
        + "twintig;99AB;99AB01;Waalzicht;TIEL;99;KB;PIE;veel\n"
    ).encode()
    with pytest.raises(ImportRefused) as refused:
        _import(region_partnership, content)
    lines = [line for line, _reason in refused.value.lines]
    assert lines == [3, 5]
    assert "XX" in refused.value.lines[0][1]
    with scopes_disabled():
        assert not DataSet.objects.exists()
        assert not VoPupils.objects.exists()


def test_a_file_without_the_layouts_columns_is_refused(region_partnership):
    with pytest.raises(ImportRefused) as refused:
        _import(region_partnership, b"NAAM;ADRES\nA;B\n")
    assert refused.value.lines  # each missing column named
    with scopes_disabled():
        assert not DataSet.objects.exists()


def test_the_same_file_is_not_imported_twice(samples, region_partnership):
    kind, name, *_rest = SAMPLE_FILES[0]
    with pytest.raises(ImportRefused, match="niet twee keer"):
        _import(region_partnership, (SAMPLES / name).read_bytes(), kind=kind)
    with scopes_disabled():
        assert DataSet.objects.filter(kind=kind).count() == 1


def test_the_same_file_in_another_partnership_is_its_own(samples, other_partnership):
    kind, name, *_rest = SAMPLE_FILES[1]
    dataset = _import(other_partnership, (SAMPLES / name).read_bytes(), kind=kind)
    assert dataset.row_count == 36


def _post(client, partnership, name, kind):
    return client.post(
        reverse("region:dataset_list", args=[partnership.slug]),
        {
            "kind": kind,
            "file": SimpleUploadedFile(name, (SAMPLES / name).read_bytes()),
            "source_name": "Studenten mbo per kwalificatie",
            "publisher": "DUO",
            "reference_date": "2024-10-01",
        },
        follow=True,
    )


def test_a_werkgroeplid_imports_and_sees_the_provenance(client_for, region_partnership):
    client = client_for("werkgroeplid", partnership=region_partnership)
    name = SAMPLE_FILES[1][1]
    response = _post(client, region_partnership, name, DataKind.MBO_STUDENTS)
    page = response.content.decode()
    assert "36" in page
    assert name in page
    assert "Studenten mbo per kwalificatie" in page
    assert "1 oktober 2024" in page
    with scopes_disabled():
        dataset = DataSet.objects.get()
    assert dataset.content_hash[:8] in page
    # The second upload of the same file says so and imports nothing.
    page = _post(client, region_partnership, name, DataKind.MBO_STUDENTS)
    assert "niet twee keer" in page.content.decode()
    with scopes_disabled():
        assert DataSet.objects.count() == 1


def test_the_page_lists_the_bad_lines(client_for, region_partnership):
    client = client_for(partnership=region_partnership)
    content = (HEADER + "2024;99AB;99AB01;W;TIEL;99;KB;PIE;veel\n").encode()
    response = client.post(
        reverse("region:dataset_list", args=[region_partnership.slug]),
        {
            "kind": DataKind.VO_PUPILS,
            "file": SimpleUploadedFile("vo.csv", content),
            "source_name": "Leerlingen",
            "publisher": "DUO",
            "reference_date": "2024-10-01",
        },
    )
    page = response.content.decode()
    assert "Regel 2" in page
    assert "“veel”" in page
    assert 'value="Leerlingen"' in page  # the form keeps what was typed


def test_a_form_error_per_field(client_for, region_partnership):
    client = client_for(partnership=region_partnership)
    response = client.post(
        reverse("region:dataset_list", args=[region_partnership.slug]), {}
    )
    page = response.content.decode()
    assert "Kies het bestand" in page
    assert "Geef de naam van de bron" in page


def test_a_decaan_reads_but_does_not_import(client_for, region_partnership):
    client = client_for("decaan", partnership=region_partnership)
    url = reverse("region:dataset_list", args=[region_partnership.slug])
    page = client.get(url).content.decode()
    assert 'type="file"' not in page
    name = SAMPLE_FILES[1][1]
    assert _post(client, region_partnership, name, "mbo_students").status_code == 403


def test_the_list_is_bounded_in_queries(
    client_for, samples, region_partnership, django_assert_max_num_queries
):
    client = client_for(partnership=region_partnership)
    with django_assert_max_num_queries(12):
        client.get(reverse("region:dataset_list", args=[region_partnership.slug]))


def test_a_file_without_the_columns_says_which_in_dutch(client_for, region_partnership):
    """Each missing column is named as the layout names it, in the page's language."""
    client = client_for(partnership=region_partnership)
    response = client.post(
        reverse("region:dataset_list", args=[region_partnership.slug]),
        {
            "kind": DataKind.MBO_STUDENTS,
            "file": SimpleUploadedFile("mbo.csv", b"JAAR;NAAM\n2024;A\n"),
            "source_name": "Studenten",
            "publisher": "DUO",
            "reference_date": "2024-10-01",
        },
    )
    page = response.content.decode()
    assert "“Instellingscode” is verplicht: kies de kolom waarin het staat." in page
    assert "“Crebo” is verplicht" in page
    with scopes_disabled():
        assert not DataSet.objects.exists()
