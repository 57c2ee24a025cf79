"""The samenwerkingsovereenkomst's articles on the exchange of pupil data, termination
and disputes, opened back with python-docx."""

import io

import pytest
from django.utils import translation
from django_scopes import scope, scopes_disabled
from docx import Document

from doorlopend.dossier.models import DossierAgreement

from .. import agreement
from .factories import make_route

pytestmark = pytest.mark.django_db


def _build(route):
    with scope(partnership=route.partnership), translation.override("nl"):
        data, text = agreement.build_agreement(route)
    doc = Document(io.BytesIO(data))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    return headings, text


def test_the_new_articles_follow_the_dossier_agreement(partnership):
    route = make_route(partnership)
    with scopes_disabled():
        DossierAgreement.objects.create(
            partnership=partnership, kind="ddd", handover_by="1 april"
        )
    headings, text = _build(route)
    assert headings[-5:-1] == [
        "Artikel 9 Uitwisseling van leerlinggegevens",
        "Artikel 10 Opzegging",
        "Artikel 11 Geschillen",
        "Artikel 12 Slotbepalingen",
    ]
    assert "Digitaal Doorstroomdossier (DDD), overgedragen uiterlijk 1 april" in text
    assert (
        "modelverwerkersovereenkomst van het Convenant Digitale Onderwijsmiddelen en "
        "Privacy" in text
    )
    assert "opzegtermijn van ten minste zes maanden" in text
    assert "bevoegde Nederlandse rechter" in text


def test_without_a_dossier_agreement_the_article_says_it_is_still_to_agree(
    partnership,
):
    _headings, text = _build(make_route(partnership))
    assert "die partijen nog vastleggen." in text
    assert "{{" not in text and "{%" not in text
