"""The projectplan's parties with their contributions, the budget and the draagvlak
result (k ≥ 3 per kind of party, no open answer), read back from the PDF with pypdf."""

import io
from decimal import Decimal

import pytest
from django.utils import translation
from django_scopes import scope
from pypdf import PdfReader

from doorlopend.planning.tests.factories import BudgetLineFactory, FundingSourceFactory
from doorlopend.reflection.tests.draagvlak_helpers import answer, draagvlak_session

from .. import projectplan
from .factories import make_route

pytestmark = pytest.mark.django_db


def _pdf_text(route) -> tuple[str, str]:
    with scope(partnership=route.partnership), translation.override("nl"):
        pdf, text = projectplan.build(route)
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(p.extract_text().split()) for p in pages), text


@pytest.fixture
def route(partnership):
    route = make_route(partnership)
    source = FundingSourceFactory(
        partnership=partnership, name="Regionale MBO-agenda", amount=Decimal("20000")
    )
    BudgetLineFactory(source=source, planned=Decimal("8000"), spent=Decimal("2500"))
    return route


def test_the_pdf_shows_parties_contributions_and_budget(route):
    pdf, text = _pdf_text(route)
    assert "Partijen en hun bijdragen" in pdf
    assert "€ 12.500,00" in pdf and "€ 7.250,50" in pdf and "€ 19.750,50" in pdf
    assert "Begroting" in pdf
    assert "Regionale MBO-agenda" in pdf
    assert "€ 20.000,00" in pdf and "€ 8.000,00" in pdf and "€ 2.500,00" in pdf
    assert "Vmbo De Linge | vo-school | € 12.500,00 | Per schooljaar." in text
    assert "Nog geen draagvlakonderzoek gehouden." in pdf


def test_the_draagvlak_result_keeps_kinds_under_k_hidden(route):
    session = draagvlak_session(
        route.partnership, leerroute=route, title="Draagvlak techniek"
    )
    # vo 4 and mbo 3 would show, gemeente 1 not; with the total shown mbo hides too.
    for sector, n, score in (("vo", 4, 5), ("mbo", 3, 3), ("gemeente", 1, 1)):
        for _i in range(n):
            answer(session, sector, score=score, texts={"behoefte-open": "Geheim"})
    pdf, text = _pdf_text(route)
    assert "Draagvlakonderzoek" in pdf and "8 mensen hebben geantwoord" in pdf
    people = next(line for line in text.splitlines() if line.startswith("Mensen |"))
    assert people == "Mensen | 4 | te weinig antwoorden | te weinig antwoorden | 8"
    assert "5,0 | te weinig antwoorden | te weinig antwoorden |" in text
    assert "Geheim" not in pdf and "Geheim" not in text


def test_a_survey_under_k_shows_no_figures(route):
    session = draagvlak_session(route.partnership, leerroute=route)
    for sector in ("vo", "mbo"):
        answer(session, sector, score=2)
    pdf, _text = _pdf_text(route)
    assert "Te weinig antwoorden om te tonen (minder dan 3)." in pdf
