"""The PDF report: made in a task, polled in the page, downloaded later; k = 3 holds in it."""

import re
import signal
from datetime import date

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from doorlopend.core.testing.pdf import pdf_text

from .. import report as report_module
from ..choices import Layer, Sector, State
from ..models import Report, ThemeNote
from ..tasks import report_build
from .factories import (
    ActionPointFactory,
    ParticipantFactory,
    ReportFactory,
    SessionFactory,
    answer_all,
)

pytestmark = pytest.mark.django_db

THEMES = [
    "Visie en ambitie",
    "Relatie",
    "Betrokken partners",
    "Daadkracht",
    "Inspiratie",
    "Monitoring",
]
# Who joined the sample session: sector, layer, how many.
PEOPLE = [
    (Sector.VO, Layer.UITVOERING, 4),
    (Sector.MBO, Layer.MANAGEMENT, 3),
    (Sector.HBO, Layer.BESTUUR, 3),
    (Sector.GEMEENTE, Layer.BESTUUR, 1),
]


def filled_session(partnership, people=PEOPLE, **kwargs):
    """A closed session where everyone answered every question, some "weet niet"."""
    kwargs.setdefault("title", "Reflectie juni")
    kwargs.setdefault("date", date(2026, 6, 12))
    session = SessionFactory(partnership=partnership, state=State.CLOSED, **kwargs)
    seats = [(sector, layer) for sector, layer, n in people for _ in range(n)]
    for i, (sector, layer) in enumerate(seats):
        answer_all(
            ParticipantFactory(session=session, sector=sector, layer=layer),
            value_for=lambda key, i=i: (i * 7 + sum(map(ord, key))) % 6,
        )
    return session


def add_notes_and_actions(session):
    with scopes_disabled():
        ThemeNote.objects.create(
            session=session,
            theme_key="relatie",
            text="We kennen elkaar nog te weinig buiten de stuurgroep.",
        )
    ActionPointFactory(
        session=session,
        theme_key="relatie",
        title="Kennismakingsmiddag voor decanen en mbo-docenten",
        due_date=date(2026, 10, 1),
    )


def in_report_language(text: str) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return _(text)


def build_pdf(session) -> bytes:
    with (
        scope(partnership=session.partnership),
        translation.override(settings.LANGUAGE_CODE),
    ):
        return report_module.report_pdf(session)


@pytest.fixture(autouse=True)
def tasks_and_media(settings, tmp_path):
    """Run tasks at once; one test below runs the real database worker."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    settings.MEDIA_ROOT = tmp_path


_RENDERED: dict[str, bytes] = {}


@pytest.fixture
def one_rendering(monkeypatch):
    """The job life-cycle tests below share one WeasyPrint rendering: each still reads its
    session and builds the report's HTML, but the PDF bytes are made once per test process.
    What the PDF shows, and that the task renders it for real in the asked language, is
    proved by the content tests and test_a_report_asked_for_in_english_is_written_in_english."""
    real = report_module.pdf_render

    def shared(html: str, **kwargs) -> bytes:
        if "pdf" not in _RENDERED:
            _RENDERED["pdf"] = real(html, **kwargs)
        return _RENDERED["pdf"]

    monkeypatch.setattr(report_module, "pdf_render", shared)


def url(name, session, *args):
    return reverse(
        f"reflection:{name}", args=[session.partnership.slug, session.pk, *args]
    )


def test_pdf_shows_every_theme_notes_and_action_points(partnership):
    session = filled_session(partnership)
    add_notes_and_actions(session)
    pdf = build_pdf(session)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    for theme in THEMES:
        assert theme in text
    assert "Reflectie juni" in text and partnership.name in text
    assert "Expertisepunt LOB" in text
    assert "We kennen elkaar nog te weinig buiten de stuurgroep." in text
    assert "Kennismakingsmiddag voor decanen en mbo-docenten" in text
    assert in_report_language("Background") in text
    assert re.search(r"\b[1-5][,.]\d\b", text)  # means are there
    # The one gemeente person is under k: their sector is hidden.
    assert in_report_language("too few participants") in text


def test_pdf_of_two_participants_shows_no_figure(partnership):
    session = filled_session(partnership, people=[(Sector.VO, Layer.BESTUUR, 2)])
    text = pdf_text(build_pdf(session))
    assert in_report_language("too few participants") in text
    assert not re.search(r"\b[1-5][,.]\d\b", text)  # no mean, no spread
    for theme in THEMES:
        assert theme in text


def test_create_on_an_open_session_says_why_and_makes_nothing(partnership, client_for):
    session = SessionFactory(partnership=partnership, state=State.OPEN)
    response = client_for("coordinator").post(
        url("report_create", session), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert (
        _("A report is made of a closed session. Close the session first.")
        in response.content.decode()
    )
    with scopes_disabled():
        assert not Report.objects.exists()


def test_create_runs_the_task_and_the_pdf_can_be_downloaded(
    partnership,
    client_for,
    django_capture_on_commit_callbacks,
    one_rendering,
):
    session = filled_session(partnership)
    client = client_for("werkgroeplid")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(url("report_create", session), HTTP_HX_REQUEST="true")
    # The report's task, then (queued by it) the e-mail telling the asker it is ready.
    assert response.status_code == 200 and len(callbacks) == 2
    with scopes_disabled():
        report = Report.objects.get()
    assert (report.status, report.progress) == (Report.Status.DONE, 100)
    assert report.file.name.startswith("reflection/reports/")
    status = client.get(url("report_status", session, report.pk)).content.decode()
    assert "hx-trigger" not in status  # finished: polling stops
    assert url("report_download", session, report.pk) in status
    download = client_for("docent").get(url("report_download", session, report.pk))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert (
        'filename="reflectie-2026-06-12-reflectie-juni.pdf"'
        in download["Content-Disposition"]
    )
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_second_click_while_pending_queues_nothing_new(
    partnership, client_for, django_capture_on_commit_callbacks
):
    session = filled_session(partnership)
    client = client_for("coordinator")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = client.post(url("report_create", session), HTTP_HX_REQUEST="true")
        second = client.post(url("report_create", session), HTTP_HX_REQUEST="true")
    assert len(callbacks) == 1
    with scopes_disabled():
        report = Report.objects.get()
    assert report.status == Report.Status.QUEUED
    for response in (first, second):
        page = response.content.decode()
        assert 'hx-trigger="every 2s"' in page
        assert url("report_status", session, report.pk) in page


def test_create_without_htmx_redirects_to_the_session(partnership, client_for):
    session = SessionFactory(partnership=partnership, state=State.OPEN)
    response = client_for("coordinator").post(url("report_create", session))
    assert response.status_code == 302
    assert response["Location"] == url("session_detail", session) + "?tab=verslag"
    with scopes_disabled():
        assert not Report.objects.exists()


def test_a_failed_build_says_so_and_offers_to_try_again(
    partnership, client_for, monkeypatch
):
    session = filled_session(partnership)
    report = ReportFactory(session=session)

    def broken(session, progress=None):
        raise OSError("disk full")

    monkeypatch.setattr(report_module, "report_pdf", broken)
    result = report_build.enqueue(report.pk)
    assert result.status == "FAILED"
    with scopes_disabled():
        report.refresh_from_db()
    assert report.status == Report.Status.FAILED
    assert "OSError" in report.error
    page = client_for("coordinator").get(url("report_status", session, report.pk))
    html = page.content.decode()
    button = f"{_('Try again')}</button>"
    assert button in html and "hx-trigger" not in html
    assert url("report_retry", session, report.pk) in html
    docent_page = client_for("docent").get(url("report_status", session, report.pk))
    assert button not in docent_page.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_builds_the_report(
    partnership,
    client_for,
    settings,
    django_capture_on_commit_callbacks,
    one_rendering,
):
    """As in production: queued in the database, run by `manage.py db_worker`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    session = filled_session(partnership, people=PEOPLE[:2])
    with django_capture_on_commit_callbacks(execute=True):
        client_for("coordinator").post(url("report_create", session))
    with scopes_disabled():
        report = Report.objects.get()
    assert report.status == Report.Status.QUEUED
    # The worker installs its own signal handlers; give pytest its Ctrl-C back after.
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay")
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
    with scopes_disabled():
        report.refresh_from_db()
    assert report.status == Report.Status.DONE and report.file.read(4) == b"%PDF"


def test_a_stopped_report_is_made_again_on_retry(
    partnership,
    client_for,
    django_capture_on_commit_callbacks,
    one_rendering,
):
    session = filled_session(partnership)
    report = ReportFactory(session=session, status=Report.Status.STOPPED, progress=30)
    coordinator = client_for("coordinator")
    html = coordinator.get(url("report_status", session, report.pk)).content.decode()
    assert "De taak is gestopt" in html
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(url("report_retry", session, report.pk))
    with scopes_disabled():
        report.refresh_from_db()
    assert report.status == Report.Status.DONE and report.file.read(4) == b"%PDF"
    assert (
        client_for("docent").post(url("report_retry", session, report.pk)).status_code
        == 403
    )


def test_a_waiting_report_is_cancelled_after_confirming(partnership, client_for):
    session = filled_session(partnership)
    report = ReportFactory(session=session, status=Report.Status.QUEUED)
    coordinator = client_for("coordinator")
    cancel = url("report_cancel", session, report.pk)
    assert (
        cancel
        in coordinator.get(url("report_status", session, report.pk)).content.decode()
    )
    assert "Ja, annuleren" in coordinator.get(cancel).content.decode()
    coordinator.post(cancel)
    report_build.enqueue(report.pk)  # the worker comes by later: nothing is made
    with scopes_disabled():
        report.refresh_from_db()
    assert report.status == Report.Status.CANCELLED and not report.file


def test_a_task_delivered_twice_builds_once(partnership):
    session = filled_session(partnership)
    report = ReportFactory(session=session, status=Report.Status.DONE, progress=100)
    report_build.enqueue(report.pk)
    with scopes_disabled():
        report.refresh_from_db()
    assert report.status == Report.Status.DONE and not report.file


def test_download_is_404_until_the_report_is_done(partnership, client_for):
    session = filled_session(partnership)
    report = ReportFactory(session=session, status=Report.Status.RUNNING)
    response = client_for("coordinator").get(url("report_download", session, report.pk))
    assert response.status_code == 404


def test_only_managers_may_ask_for_a_report(partnership, client_for):
    session = filled_session(partnership)
    response = client_for("docent").post(url("report_create", session))
    assert response.status_code == 403
    with scopes_disabled():
        assert not Report.objects.exists()


def test_another_partnership_gets_404(partnership, other_partnership, client_for):
    session = filled_session(partnership)
    report = ReportFactory(session=session, status=Report.Status.DONE)
    outsider = client_for("coordinator", partnership=other_partnership)
    slug = other_partnership.slug
    for name, args in (
        ("report_create", [session.pk]),
        ("report_status", [session.pk, report.pk]),
        ("report_download", [session.pk, report.pk]),
    ):
        target = reverse(f"reflection:{name}", args=[slug, *args])
        method = outsider.post if name == "report_create" else outsider.get
        assert method(target).status_code == 404, name
    # A report id of one session cannot be read through another session's URL.
    own = SessionFactory(partnership=other_partnership, state=State.CLOSED)
    response = outsider.get(url("report_status", own, report.pk))
    assert response.status_code == 404


def test_a_report_asked_for_in_english_is_written_in_english(
    partnership, client_for, django_capture_on_commit_callbacks
):
    session = filled_session(partnership)
    client = client_for("coordinator")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("report_create", session))
    with scopes_disabled():
        report = Report.objects.get()
    assert report.language == "en"
    with report.file.open("rb") as pdf:
        text = pdf_text(pdf.read())
    assert "page 1 of" in text and "pagina 1 van" not in text
