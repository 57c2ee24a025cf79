"""The covenant's Word file opened back with python-docx, its versions, and its template."""

import io
import zipfile

import pytest
from django.utils import timezone, translation
from django_scopes import scope, scopes_disabled
from docx import Document

from doorlopend.documents.models import GeneratedDocument, Kind
from doorlopend.documents.services import document_build
from doorlopend.planning.tests.factories import FundingSourceFactory

from .. import document
from ..docx import make_template

pytestmark = pytest.mark.django_db


def _build(partnership):
    with scope(partnership=partnership), translation.override("nl"):
        data, text = document.build(partnership)
    return Document(io.BytesIO(data)), text


def test_the_word_file_names_parties_signatories_and_articles(
    partnership, covenant, member_of
):
    with scopes_disabled():
        party = covenant.parties.get(organisation__name="Gemeente Tiel")
        party.signed_on = timezone.localdate()
        party.save()
        covenant.funding_sources.add(
            FundingSourceFactory(partnership=partnership, name="Regionale MBO-agenda")
        )
    stuurgroep = member_of(partnership, "stuurgroep")
    stuurgroep.name = "Els Bestuurder"
    stuurgroep.save()
    doc, text = _build(partnership)
    header, *rows = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert header[0] == "Partij" and header[3] == "Vertegenwoordigd door"
    assert [r[0] for r in rows] == ["Gemeente Tiel", "ROC Rivierenland"]
    assert rows[0][3].startswith("Bestuurder ")
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    for article in ("Artikel 1 Doel", "Artikel 4 Financiering", "Ondertekening"):
        assert article in headings
    assert "Artikel 6 Looptijd en evaluatie" in headings
    assert "Regionale MBO-agenda" in text
    assert "Els Bestuurder" in text
    assert "1 augustus 2027" in text and "30 juni 2029" in text
    assert "Kennisdeling" in text
    assert "Getekend: getekend op" in text  # the signed party
    assert text.count("Datum en plaats:") == 1  # the one that has not signed
    assert "{{" not in text and "{%" not in text
    assert doc.core_properties.language == "nl-NL"


def test_every_generation_is_kept_as_a_version(partnership, covenant, member_of):
    from doorlopend.partnerships.selectors import membership_of

    from .. import services

    user = member_of(partnership, "coordinator")
    with scope(partnership=partnership):
        by = membership_of(partnership=partnership, user=user)
        for _ in range(2):
            made = services.covenant_document_request(covenant=covenant, by=by)
            document_build(document_id=made.pk)
    with scopes_disabled():
        versions = GeneratedDocument.objects.filter(
            partnership=partnership, kind=Kind.COVENANT, route=None
        )
        assert versions.count() == 2
        assert {v.status for v in versions} == {"done"}
        assert len({v.content_hash for v in versions}) == 1
        assert all(v.filename.startswith("regionaal-convenant-") for v in versions)


def test_the_template_is_what_make_template_writes(tmp_path):
    path = make_template.main(tmp_path)

    def parts(data: bytes) -> dict:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {name: archive.read(name) for name in archive.namelist()}

    assert parts(path.read_bytes()) == parts(document.TEMPLATE.read_bytes()), (
        "run covenant/docx/make_template.py: convenant.docx is out of date"
    )


def test_the_document_page_makes_a_version_and_compares(
    partnership, covenant, client_for, url
):
    client = client_for("coordinator")
    response = client.post(url("document_make", partnership))
    assert response.status_code == 302
    with scopes_disabled():
        made = GeneratedDocument.objects.get(kind=Kind.COVENANT)
    document_build(document_id=made.pk)
    assert client.get(url("document_status", partnership)).status_code == 200
    html = client.get(url("detail", partnership)).content.decode()
    assert "regionaal-convenant" in html or "Download" in html
    compare = client.get(
        url("document_compare", partnership), {"a": made.pk, "b": made.pk}
    )
    assert compare.status_code == 200
