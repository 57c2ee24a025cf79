"""Every PDF the app makes is tagged PDF/UA with a title and the reader's language.

Dutch public bodies publish accessible documents only: a screen reader needs the structure
tree (headings, tables, reading order), the language to pronounce the text and the title
to announce the document. Read back with pypdf, as a checker would.
"""

import pytest
from django.conf import settings
from django.utils import translation
from django_scopes import scope

from doorlopend.core.testing.pdf import pdf_reader
from doorlopend.planning import report_pdf as progress_report
from doorlopend.reflection import report as reflection_report
from doorlopend.reflection.tests.test_report import filled_session
from doorlopend.transitions.tests.pupil_setup import world  # noqa: F401

from .. import projectplan
from .factories import make_route, member, work_every_step

pytestmark = pytest.mark.django_db


def _projectplan(request):
    partnership = request.getfixturevalue("partnership")
    route = make_route(partnership)
    work_every_step(route, [member(partnership, "coordinator", "Kees Bakker")])
    with scope(partnership=partnership):
        return projectplan.build(route)[0], route.name


def _progress_report(request):
    partnership = request.getfixturevalue("partnership")
    with scope(partnership=partnership):
        return progress_report.build(partnership)[0], partnership.name


def _reflection_report(request):
    session = filled_session(request.getfixturevalue("partnership"))
    with scope(partnership=session.partnership):
        return reflection_report.report_pdf(session), session.title


def _pupil_inspection(request):
    w = request.getfixturevalue("world")
    response = w.client(w.decaan_a).get(w.url("pupil_export_pdf", w.vo_a, w.fatima.pk))
    return response.content, "Inzage"


@pytest.mark.parametrize(
    "make",
    [_projectplan, _progress_report, _reflection_report, _pupil_inspection],
    ids=["projectplan", "voortgangsrapportage", "reflection report", "inspection"],
)
def test_every_pdf_is_tagged_pdf_ua_with_title_and_language(request, make):
    with translation.override(settings.LANGUAGE_CODE):
        pdf, title_part = make(request)
    reader = pdf_reader(pdf)
    catalogue = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalogue  # headings, tables and reading order
    assert catalogue["/MarkInfo"]["/Marked"].value is True
    assert catalogue["/Lang"] == "nl"
    assert catalogue["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert title_part in reader.metadata.title
    assert b"pdfuaid:part" in reader.xmp_metadata.stream.get_data()  # declares PDF/UA-1
