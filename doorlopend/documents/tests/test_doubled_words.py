"""No document says the kind twice, where a name repeats the word before it.

The partnership of the tests is "Samenwerkingsverband Rivierenland": a label or sentence
that says "samenwerkingsverband" before that name doubles the word for every reader (and
a screen reader reads the label and the value as one line)."""

import re

import pytest
from django.conf import settings
from django.utils import translation
from django_scopes import scope

from doorlopend.core.testing.pdf import pdf_text
from doorlopend.planning import report_pdf as progress_report
from doorlopend.reflection import report as reflection_report
from doorlopend.reflection.tests.test_report import filled_session

from .. import agreement, projectplan
from .factories import make_route, member, work_every_step

pytestmark = pytest.mark.django_db
DOUBLED = re.compile(r"\bsamenwerkingsverband\W+samenwerkingsverband\b", re.IGNORECASE)


@pytest.fixture
def route(partnership):
    assert partnership.name == "Samenwerkingsverband Rivierenland"
    route = make_route(partnership)
    work_every_step(route, [member(partnership, "coordinator", "Kees Bakker")])
    return route


def _texts(route):
    partnership = route.partnership
    session = filled_session(partnership)
    with scope(partnership=partnership), translation.override(settings.LANGUAGE_CODE):
        yield "projectplan", pdf_text(projectplan.build(route)[0])
        yield "voortgangsrapportage", pdf_text(progress_report.build(partnership)[0])
        yield "reflection report", pdf_text(reflection_report.report_pdf(session))
        yield "agreement", agreement.build_agreement(route)[1]
        yield "financial", agreement.build_financial(route)[1]


def test_no_document_says_samenwerkingsverband_twice_in_a_row(route):
    doubled = {
        name: [m.group(0) for m in DOUBLED.finditer(text)]
        for name, text in _texts(route)
    }
    assert doubled == dict.fromkeys(doubled, [])
