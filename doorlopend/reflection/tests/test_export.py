"""The XLSX export (aggregated figures only, numbers as numbers, k = 3) and the panel."""

from io import BytesIO

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled
from openpyxl import load_workbook

from ..choices import Layer, Sector, State
from ..models import Report
from .factories import ReportFactory, SessionFactory
from .test_report import PEOPLE, filled_session, url

pytestmark = pytest.mark.django_db


def xlsx_url(session, slug=None):
    return reverse(
        "reflection:results_xlsx", args=[slug or session.partnership.slug, session.pk]
    )


def workbook(client, session):
    response = client.get(xlsx_url(session))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    return load_workbook(BytesIO(response.content))


def is_number(value) -> bool:
    # openpyxl reads a whole float (3.0) back as an int: either is a number, not text.
    return isinstance(value, int | float) and not isinstance(value, bool)


def rows(sheet):
    return list(sheet.iter_rows(values_only=True))


def test_sheets_figures_and_suppression(partnership, client_for):
    session = filled_session(partnership)
    wb = workbook(client_for("docent"), session)
    # The one municipal participant (a bestuur) is under k: sectors and layers side by
    # side would give them away, and the layers show more people than the sectors, so
    # the sector sheet is left out (its headings alone would name the sectors present).
    assert wb.sheetnames == [_("Overview"), _("Questions"), _("Themes by layer")]
    questions = wb[_("Questions")]
    assert all(cell.font.bold for cell in questions[1])
    header, first = rows(questions)[:2]
    assert header[:4] == (_("Theme"), _("Number"), _("Question"), _("n"))
    assert first[:2] == ("Visie en ambitie", 1)
    assert first[3] == 11  # every participant answered
    assert all(isinstance(v, int) for v in first[4:10])  # 1–5 and weet niet
    mean, spread = first[10], first[11]
    assert is_number(mean) and 1 <= mean <= 5
    assert is_number(spread)
    assert len(rows(questions)) == 1 + 22
    assert questions.column_dimensions["C"].width > 40  # the question is readable

    by_layer = rows(wb[_("Themes by layer")])
    assert all(is_number(v) for row in by_layer[1:] for v in row[1:])
    overview = {r[0]: r[1] for r in rows(wb[_("Overview")])[1:]}
    assert overview[_("Session")] == "Reflectie juni"
    assert overview[_("Joined")] == 11
    assert "Expertisepunt LOB" in overview[_("Source")]


def test_two_participants_give_no_figure(partnership, client_for):
    session = filled_session(partnership, people=[(Sector.VO, Layer.BESTUUR, 2)])
    wb = workbook(client_for("coordinator"), session)
    for row in rows(wb[_("Questions")])[1:]:
        assert set(row[3:]) == {_("too few participants")}
    assert wb.sheetnames == [_("Overview"), _("Questions")]  # no breakdown at all


def test_no_sheet_grows_with_the_participants(partnership, client_for):
    """Aggregates only: twice the people, the same rows and columns in every sheet."""
    client = client_for("coordinator")
    few = filled_session(partnership, people=[(Sector.VO, Layer.BESTUUR, 4)])
    many = filled_session(partnership, people=[(Sector.VO, Layer.BESTUUR, 12)])
    small, large = workbook(client, few), workbook(client, many)
    for name in small.sheetnames:
        assert small[name].max_row == large[name].max_row, name
        assert small[name].max_column == large[name].max_column, name
    assert large[_("Questions")].max_row < 12 * 22  # surely not an answer per row


def test_an_open_session_exports_what_there_is(partnership, client_for):
    session = SessionFactory(partnership=partnership, state=State.OPEN)
    wb = workbook(client_for("coordinator"), session)
    assert rows(wb[_("Questions")])[1][3] == _("too few participants")


def test_access(partnership, other_partnership, client_for):
    session = filled_session(partnership, people=PEOPLE[:1])
    adviser = client_for("landelijk_adviseur")
    assert adviser.get(xlsx_url(session)).status_code == 403
    outsider = client_for("coordinator", partnership=other_partnership)
    assert outsider.get(xlsx_url(session, other_partnership.slug)).status_code == 404


def test_panel_shows_the_latest_report_and_the_exports(partnership, member_of):
    session = filled_session(partnership)
    ReportFactory(
        session=session,
        status=Report.Status.FAILED,
        errors=[{"line": 0, "reason": "Oud"}],
    )
    ReportFactory(session=session, status=Report.Status.RUNNING, progress=40)
    request = RequestFactory().get("/")
    request.user = member_of(partnership, "coordinator")
    with scopes_disabled():
        request.membership = request.user.memberships.get()
    request.partnership = partnership
    with scope(partnership=partnership):
        html = render_to_string(
            "reflection/_report_panel.html", {"session": session}, request=request
        )
    assert 'value="40"' in html and 'hx-trigger="every 2s"' in html
    assert "Oud" not in html
    assert url("results_xlsx", session) in html
    assert (
        reverse("reflection:trends", args=[partnership.slug, "reflectietool"]) in html
    )
