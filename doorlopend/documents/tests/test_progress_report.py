"""The voortgangsrapportage: its content, the PDF's text, made in the background."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext
from django_scopes import scopes_disabled

from doorlopend.core.testing.pdf import pdf_text
from doorlopend.partnerships.tests.factories import SchoolFactory
from doorlopend.planning.models import GoalRevision, ProgressUpdate
from doorlopend.planning.report import progress_report_content
from doorlopend.planning.services.vision import vision_save
from doorlopend.planning.tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    ChangeAssignmentFactory,
    FundingSourceFactory,
    GoalFactory,
    MeasurementFactory,
    TriageFactory,
)
from doorlopend.reflection.tests.factories import ActionPointFactory, SessionFactory

from ..models import GeneratedDocument, Kind

pytestmark = pytest.mark.django_db
Status = GeneratedDocument.Status


@pytest.fixture(autouse=True)
def tasks_and_media(settings, tmp_path):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    settings.MEDIA_ROOT = tmp_path


def url(name, partnership, *args):
    return reverse(f"progress_report:{name}", args=[partnership.slug, *args])


@pytest.fixture
def plan(partnership):
    today = timezone.localdate()
    goal = GoalFactory(
        partnership=partnership, title="Elke leerling een meeloopdag", unit="%"
    )
    MeasurementFactory(
        goal=goal, date=today - datetime.timedelta(days=60), value=Decimal("45")
    )
    MeasurementFactory(
        goal=goal, date=today - datetime.timedelta(days=5), value=Decimal("62.5")
    )
    with scopes_disabled():
        GoalRevision.objects.create(
            goal=goal,
            old_target=Decimal("80"),
            new_target=Decimal("90"),
            old_deadline=goal.deadline,
            new_deadline=goal.deadline,
            reason="Meer ambitie na de reflectie",
        )
    ActivityFactory(
        partnership=partnership,
        title="Techniekdag op het ROC",
        status="held",
        starts_at=timezone.now() - datetime.timedelta(days=1),
        evaluation="Goed ontvangen",
    )
    source = FundingSourceFactory(
        partnership=partnership, name="Subsidie sterk techniekonderwijs"
    )
    BudgetLineFactory(source=source, planned=Decimal("12500.50"), spent=Decimal("3000"))
    BudgetLineFactory(source=source, planned=Decimal("1000"), spent=Decimal("1500.25"))
    assignment = ChangeAssignmentFactory(partnership=partnership)
    with scopes_disabled():
        ProgressUpdate.objects.create(
            assignment=assignment,
            date=today,
            state="attention",
            text="MT heeft het plan nog niet besproken",
        )
    session = SessionFactory(partnership=partnership, title="Reflectie najaar")
    ActionPointFactory(session=session, title="Ouderavond over LOB organiseren")
    TriageFactory(
        action_point=ActionPointFactory(session=session, title="Afgehandeld punt")
    )
    return {"goal": goal, "assignment": assignment}


def test_content_holds_goals_budget_schools_and_open_points(partnership, plan):
    with scopes_disabled():
        text = progress_report_content(partnership, today=timezone.localdate()).text()
    assert "Elke leerling een meeloopdag" in text
    assert "62,5 %" in text  # the latest measurement, not the first
    assert "45 %" not in text
    assert "Meer ambitie na de reflectie" in text
    assert "Techniekdag op het ROC" in text
    assert "€ 13.500,50" in text  # planned total, Decimal
    assert "€ 4.500,25" in text  # spent total
    assert (
        ngettext(
            "%(count)s line spent more than planned",
            "%(count)s lines spent more than planned",
            1,
        )
        % {"count": 1}
        in text
    )
    assert plan["assignment"].organisation.name in text
    assert "MT heeft het plan nog niet besproken" in text
    assert "Ouderavond over LOB organiseren" in text
    assert "Afgehandeld punt" not in text


def test_making_the_report_builds_a_pdf_with_the_text(
    partnership, plan, client_for, django_capture_on_commit_callbacks
):
    client = client_for("coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("report_make", partnership), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    with scopes_disabled():
        document = GeneratedDocument.objects.get()
    assert (document.kind, document.route, document.status) == (
        Kind.PROGRESS_REPORT,
        None,
        Status.DONE,
    )
    assert document.filename.startswith("voortgangsrapportage-rivierenland-")
    page = client_for("stuurgroep").get(url("report", partnership)).content.decode()
    download_url = reverse("documents:download", args=[partnership.slug, document.pk])
    assert download_url in page
    download = client_for("stuurgroep").get(download_url)
    assert download["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(download.streaming_content))
    for expected in [
        "Elke leerling een meeloopdag",
        "62,5 %",
        "€ 13.500,50",
        plan["assignment"].organisation.name,
        "Ouderavond over LOB organiseren",
    ]:
        assert expected in text


def test_status_polls_while_pending_and_versions_compare(partnership, plan, client_for):
    client = client_for("coordinator")
    with scopes_disabled():
        pending = GeneratedDocument.objects.create(
            partnership=partnership, kind=Kind.PROGRESS_REPORT
        )
    status = client.get(url("report_status", partnership)).content.decode()
    assert "hx-trigger" in status
    with scopes_disabled():
        pending.delete()
        a = GeneratedDocument.objects.create(
            partnership=partnership,
            kind=Kind.PROGRESS_REPORT,
            status=Status.DONE,
            content_text="# Plan\nDoel A\n",
            content_hash="a",
        )
        b = GeneratedDocument.objects.create(
            partnership=partnership,
            kind=Kind.PROGRESS_REPORT,
            status=Status.DONE,
            content_text="# Plan\nDoel B\n",
            content_hash="b",
        )
    response = client.get(url("report_compare", partnership) + f"?a={a.pk}&b={b.pk}")
    assert response.status_code == 200
    assert (response.context["diff"].added, response.context["diff"].removed) == (1, 1)


def test_stuurgroep_reads_but_cannot_make(partnership, client_for):
    client = client_for("stuurgroep")
    assert client.get(url("report", partnership)).status_code == 200
    assert client.post(url("report_make", partnership)).status_code == 403


def test_report_page_queries_are_bounded(
    partnership, client_for, django_assert_max_num_queries
):
    with scopes_disabled():
        GeneratedDocument.objects.bulk_create(
            GeneratedDocument(
                partnership=partnership, kind=Kind.PROGRESS_REPORT, status=Status.DONE
            )
            for _i in range(20)
        )
    client = client_for("stuurgroep")
    with django_assert_max_num_queries(10):
        assert client.get(url("report", partnership)).status_code == 200


def test_a_route_cannot_make_the_plans_report(partnership, client_for):
    from .factories import make_route

    route = make_route(partnership)
    target = reverse(
        "documents:generate", args=[partnership.slug, route.pk, Kind.PROGRESS_REPORT]
    )
    assert client_for("coordinator").post(target).status_code == 404


def test_a_stopped_report_is_made_again_from_its_page(
    partnership, client_for, django_capture_on_commit_callbacks
):
    with scopes_disabled():
        stopped = GeneratedDocument.objects.create(
            partnership=partnership, kind=Kind.PROGRESS_REPORT, status="stopped"
        )
    coordinator = client_for("coordinator")
    page = coordinator.get(url("report", partnership)).content.decode()
    assert "De taak is gestopt" in page
    retry = reverse("documents:document_retry", args=[partnership.slug, stopped.pk])
    assert retry in page
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(retry)
    assert response["Location"] == url("report", partnership)
    with scopes_disabled():
        stopped.refresh_from_db()
    assert stopped.status == "done" and stopped.file


DUTCH_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def test_the_report_writes_its_dates_in_dutch(partnership, plan):
    with scopes_disabled(), translation.override("nl"):
        text = progress_report_content(partnership, today=timezone.localdate()).text()
    measured = timezone.localdate() - datetime.timedelta(days=5)
    day = f"{measured.day} {DUTCH_MONTHS[measured.month - 1]} {measured.year}"
    assert day in text
    english = "January February March April May June July August October November"
    assert not any(month in text for month in english.split())


def test_the_report_includes_each_schools_own_plan(
    partnership, client_for, django_capture_on_commit_callbacks
):
    school = SchoolFactory(partnership=partnership, name="Het Lingecollege")
    SchoolFactory(partnership=partnership, name="Pantarijn")
    with scopes_disabled():
        for ambition in ("Twee gesprekken.", "Elke leerling drie loopbaangesprekken."):
            vision_save(
                partnership=partnership,
                school=school,
                definition="",
                vision="LOB is de kern van de mentorles.",
                ambition=ambition,
                by=None,
            )
    client = client_for("coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("report_make", partnership), HTTP_HX_REQUEST="true")
    with scopes_disabled():
        document = GeneratedDocument.objects.get()
    download_url = reverse("documents:download", args=[partnership.slug, document.pk])
    download = client_for("stuurgroep").get(download_url)
    text = pdf_text(b"".join(download.streaming_content))
    assert "De eigen LOB-plannen van de scholen" in text
    assert "Het Lingecollege" in text
    assert "LOB is de kern van de mentorles." in text
    # The newest version only; a school without a vision of its own is not listed.
    assert "Elke leerling drie loopbaangesprekken." in text
    assert "Twee gesprekken." not in text
    assert "Pantarijn" not in text
