"""Asking for a document, building it in the task, and keeping its versions."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from doorlopend.core.job_sweep import jobs_stale_stop
from doorlopend.partnerships.tests.factories import MembershipFactory

from .. import agreement, projectplan, services
from ..models import GeneratedDocument, Kind
from ..tasks import document_build
from .factories import made, make_route

pytestmark = pytest.mark.django_db
Status = GeneratedDocument.Status


@pytest.fixture(autouse=True)
def tasks_and_media(settings, tmp_path):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def route(partnership):
    return make_route(partnership)


def request(route, kind=Kind.AGREEMENT, **kwargs):
    kwargs.setdefault("by", MembershipFactory(partnership=route.partnership))
    with scope(partnership=route.partnership):
        return services.document_request(route=route, kind=kind, **kwargs)


def test_a_second_request_while_one_is_pending_returns_it(
    route, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = request(route)
        second = request(route)
    assert first.pk == second.pk and len(callbacks) == 1
    with scopes_disabled():
        assert GeneratedDocument.objects.get().status == Status.QUEUED


def test_another_kind_is_queued_beside_a_pending_one(route):
    first = request(route, Kind.AGREEMENT)
    other = request(route, Kind.FINANCIAL)
    assert first.pk != other.pk


def test_a_document_whose_worker_died_is_stopped_and_blocks_nothing(route, settings):
    quiet = timezone.now() - timedelta(seconds=settings.JOB_STALE_AFTER_SECONDS + 1)
    lost = made(
        route, Kind.AGREEMENT, status=Status.RUNNING, progress=40, heartbeat_at=quiet
    )
    assert request(route).pk == lost.pk  # still running as far as anyone knows
    assert jobs_stale_stop() == 1
    with scopes_disabled():
        lost.refresh_from_db()
    assert lost.status == Status.STOPPED
    assert request(route).pk != lost.pk


def test_the_task_builds_the_document_with_its_hash_and_name(
    route, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = request(route, language="nl")
    with scopes_disabled():
        document.refresh_from_db()
    assert (document.status, document.progress) == (Status.DONE, 100)
    assert document.finished_at is not None and document.error == ""
    expected = hashlib.sha256(document.content_text.encode()).hexdigest()
    assert document.content_hash == expected
    assert re.fullmatch(
        r"samenwerkingsovereenkomst-techniek-rivierenland-\d{8}-\d{4}\.docx",
        document.filename,
    )
    assert document.size == document.file.size > 0
    assert "Techniek Rivierenland" in document.content_text


def test_the_same_data_gives_the_same_hash_and_new_data_another(route):
    def version():
        document = request(route, Kind.PROJECTPLAN, language="nl")
        document_build.enqueue(document.pk)
        with scopes_disabled():
            document.refresh_from_db()
        return document

    first, second = version(), version()
    assert first.pk != second.pk  # regenerating keeps the old version
    assert first.content_hash == second.content_hash
    with scopes_disabled():
        route.aims = "Elke leerling een stageplek in de regio."
        route.save()
    third = version()
    assert third.content_hash != second.content_hash
    assert "Elke leerling een stageplek in de regio." in third.content_text
    with scopes_disabled():
        assert GeneratedDocument.objects.filter(status=Status.DONE).count() == 3


def test_a_failing_builder_leaves_the_document_failed_with_a_message(
    route, monkeypatch
):
    def broken(route, progress=None):
        raise OSError("disk full")

    monkeypatch.setattr(agreement, "build_agreement", broken)
    document = made(route, Kind.AGREEMENT, status=Status.QUEUED, progress=0)
    result = document_build.enqueue(document.pk)
    assert result.status == "FAILED"
    with scopes_disabled():
        document.refresh_from_db()
    assert document.status == Status.FAILED and document.finished_at
    assert document.error == _(
        "The document could not be made (%(reason)s). Try again; if it fails "
        "again, tell the helpdesk."
    ) % {"reason": "OSError"}
    assert not document.content_hash and not document.file


def test_a_task_delivered_twice_builds_once(route, monkeypatch):
    document = made(route, Kind.PROJECTPLAN, content_hash="x" * 64)
    monkeypatch.setattr(projectplan, "build", pytest.fail)
    document_build.enqueue(document.pk)
    with scopes_disabled():
        document.refresh_from_db()
    assert document.content_hash == "x" * 64


def test_agreements_need_parties(partnership):
    route = make_route(partnership, parties=False)
    with pytest.raises(ValidationError) as error:
        request(route, Kind.FINANCIAL)
    assert error.value.error_list[0].code == "no_parties"
    with scopes_disabled():
        assert not GeneratedDocument.objects.exists()


def test_an_unknown_kind_is_refused(route):
    with pytest.raises(ValidationError):
        request(route, "brochure")
