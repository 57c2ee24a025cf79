"""A document that stopped, failed or waits: cancel it (after a confirmation) or make it
again from the documents page."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from ..models import GeneratedDocument, Kind
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


def url(name, route, *args):
    return reverse(f"documents:{name}", args=[route.partnership.slug, *args])


def fresh(document):
    with scopes_disabled():
        return GeneratedDocument.objects.get(pk=document.pk)


def test_a_stopped_document_says_so_and_is_made_again_on_retry(
    route, client_for, django_capture_on_commit_callbacks
):
    stopped = made(route, Kind.PROJECTPLAN, status=Status.STOPPED, progress=40)
    coordinator = client_for("coordinator")
    page = coordinator.get(url("route_documents", route, route.pk)).content.decode()
    assert "Gestopt — probeer het opnieuw" in page or "De taak is gestopt" in page
    assert url("document_retry", route, stopped.pk) in page

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(url("document_retry", route, stopped.pk))
    assert response.status_code == 302
    again = fresh(stopped)
    assert (again.status, again.progress) == (Status.DONE, 100)
    assert again.content_hash and again.file


def test_cancel_asks_first_and_the_worker_then_makes_nothing(route, client_for):
    waiting = made(route, Kind.PROJECTPLAN, status=Status.QUEUED, progress=0)
    coordinator = client_for("coordinator")
    page = coordinator.get(url("route_documents", route, route.pk)).content.decode()
    cancel = url("document_cancel", route, waiting.pk)
    assert cancel in page
    assert "Ja, annuleren" in coordinator.get(cancel).content.decode()
    assert fresh(waiting).status == Status.QUEUED

    coordinator.post(cancel)
    assert fresh(waiting).status == Status.CANCELLED
    from .. import services

    assert services.document_build(document_id=waiting.pk) is None
    assert not fresh(waiting).file


def test_only_who_may_make_documents_cancels_or_retries(
    route, client_for, other_partnership
):
    document = made(route, Kind.PROJECTPLAN, status=Status.FAILED)
    docent = client_for("docent")
    assert docent.post(url("document_retry", route, document.pk)).status_code == 403
    assert docent.post(url("document_cancel", route, document.pk)).status_code == 403
    outsider = client_for("coordinator", partnership=other_partnership)
    assert outsider.post(url("document_retry", route, document.pk)).status_code == 404
    assert fresh(document).status == Status.FAILED
