"""A programme's PDF: asked for on the programme's pages, made in the background as a
generated document, awaited on its page, downloaded; outsiders see nothing of it."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.core.testing.pdf import pdf_reader, pdf_text
from doorlopend.programme import exports
from doorlopend.programme.elements import element_choices_of
from doorlopend.programme.tests.factories import (
    ItemRatingFactory,
    ProgrammeFactory,
    ProgrammeItemFactory,
)

from ..models import GeneratedDocument, Kind

pytestmark = pytest.mark.django_db
Status = GeneratedDocument.Status


@pytest.fixture(autouse=True)
def tasks_and_media(settings, tmp_path):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def programme(partnership):
    programme = ProgrammeFactory(partnership=partnership, name="Leerlijn Techniek")
    item = ProgrammeItemFactory(programme=programme, title="Meeloopdag ROC")
    ItemRatingFactory(item=item, element="praktijkervaring", score=2)
    ItemRatingFactory(item=item, element="ouders", score=1)
    ProgrammeItemFactory(programme=programme, year=3, leerweg="tl", title="PGP-project")
    return programme


def url(name, programme, *args):
    return reverse(
        f"programme_pdf:{name}", args=[programme.partnership.slug, programme.pk, *args]
    )


def the_document():
    with scopes_disabled():
        return GeneratedDocument.objects.get()


def download(client, document):
    target = reverse(
        "documents:download", args=[document.partnership.slug, document.pk]
    )
    response = client.get(target)
    assert response.status_code == 200
    return response, b"".join(response.streaming_content)


def test_asking_for_the_pdf_makes_it_in_the_background_and_it_downloads(
    programme, client_for, django_capture_on_commit_callbacks
):
    client = client_for("werkgroeplid")
    detail = reverse(
        "programme:programme_detail", args=[programme.partnership.slug, programme.pk]
    )
    assert url("programme_pdf_make", programme) in client.get(detail).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("programme_pdf_make", programme))
    assert response["Location"] == url("programme_pdf", programme)
    document = the_document()
    assert (document.kind, document.programme, document.status) == (
        Kind.PROGRAMME,
        programme,
        Status.DONE,
    )
    page = client.get(response["Location"]).content.decode()
    assert "hx-trigger" not in page  # done: the page no longer polls
    response, pdf = download(client_for("stuurgroep"), document)
    assert response["Content-Type"] == "application/pdf"
    assert document.filename.startswith("programma-leerlijn-techniek-2026-")
    assert document.filename in response["Content-Disposition"]
    assert pdf_reader(pdf).metadata.title == "Leerlijn Techniek 2026–2027"
    text = pdf_text(pdf)
    assert "Leerlijn Techniek 2026–2027" in text
    for _key, element in element_choices_of(programme):
        assert element in text  # the heat map's columns: the 7 elementen
    assert "Meeloopdag ROC" in text and "PGP-project" in text


def test_while_it_is_made_the_page_polls_and_a_second_click_waits_for_it(
    programme, client_for
):
    client = client_for("werkgroeplid")
    heat_map = reverse(
        "programme:heat_map", args=[programme.partnership.slug, programme.pk]
    )
    asked = client.get(f"{heat_map}?leerweg=tl").content.decode()
    assert url("programme_pdf_make", programme) in asked
    assert '<input type="hidden" name="leerweg" value="tl">' in asked
    # No worker runs here (no on-commit): the job waits in the queue.
    first = client.post(url("programme_pdf_make", programme), {"leerweg": "tl"})
    assert first["Location"] == url("programme_pdf", programme) + "?leerweg=tl"
    client.post(url("programme_pdf_make", programme), {"leerweg": "tl"})
    document = the_document()
    assert (document.status, document.leerweg) == (Status.QUEUED, "tl")
    page = client.get(first["Location"]).content.decode()
    assert "PDF van Leerlijn Techniek: TL" in page
    assert "Het document wacht tot het gemaakt wordt." in page
    status = client.get(url("programme_pdf_status", programme) + "?leerweg=tl")
    assert 'hx-trigger="every 2s"' in status.content.decode()
    # It keeps asking about the same line.
    polled = url("programme_pdf_status", programme) + "?leerweg=tl"
    assert f'hx-get="{polled}"' in status.content.decode()
    # The whole programme's line is another PDF, with nothing waiting.
    whole = client.get(url("programme_pdf_status", programme)).content.decode()
    assert "hx-trigger" not in whole


def test_a_leerwegs_line_holds_that_leerweg_only(
    programme, client_for, django_capture_on_commit_callbacks
):
    ProgrammeItemFactory(programme=programme, year=3, leerweg="kb", title="Keuzevak")
    client = client_for("werkgroeplid")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("programme_pdf_make", programme), {"leerweg": "tl"})
    document = the_document()
    assert document.filename.startswith("programma-leerlijn-techniek-2026-tl-")
    text = pdf_text(download(client, document)[1])
    assert "Leerlijn Techniek 2026–2027 · TL" in text
    assert "PGP-project" in text and "Keuzevak" not in text


def test_a_failing_build_ends_the_job_failed_with_a_dutch_message(
    programme, client_for, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(programme, *, leerweg="", progress=None):
        raise OSError("disk full")

    monkeypatch.setattr(exports, "programme_pdf", broken)
    client = client_for("werkgroeplid")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("programme_pdf_make", programme))
    document = the_document()
    assert document.status == Status.FAILED and not document.file
    message = (
        "Het document kon niet worden gemaakt (OSError). Probeer het opnieuw; lukt "
        "het weer niet, meld het dan bij de helpdesk."
    )
    assert document.error == message
    assert message in client.get(url("programme_pdf", programme)).content.decode()
    assert (
        client.get(
            reverse(
                "documents:download", args=[programme.partnership.slug, document.pk]
            )
        ).status_code
        == 404
    )


def test_another_partnership_gets_404_on_every_job_url(
    programme, client_for, other_partnership, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for("werkgroeplid").post(url("programme_pdf_make", programme))
    document = the_document()
    outsider = client_for("coordinator", partnership=other_partnership)
    own_slug = programme.partnership.slug
    for name in ("programme_pdf", "programme_pdf_status", "programme_pdf_compare"):
        target = url(name, programme).replace(own_slug, other_partnership.slug)
        assert outsider.get(target).status_code == 404, name
    target = url("programme_pdf_make", programme).replace(
        own_slug, other_partnership.slug
    )
    assert outsider.post(target).status_code == 404
    for name in ("download", "document_cancel", "document_retry"):
        target = reverse(
            f"documents:{name}", args=[other_partnership.slug, document.pk]
        )
        assert outsider.get(target).status_code in (404, 405), name
        assert outsider.post(target).status_code in (404, 405), name
    with scopes_disabled():
        assert GeneratedDocument.objects.count() == 1


def test_versions_are_kept_and_compared(
    programme, client_for, django_capture_on_commit_callbacks
):
    client = client_for("werkgroeplid")
    for _round in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url("programme_pdf_make", programme))
        ProgrammeItemFactory(programme=programme, title="Ouderavond")
    with scopes_disabled():
        a, b = GeneratedDocument.objects.order_by("pk")
    response = client.get(
        url("programme_pdf_compare", programme) + f"?a={a.pk}&b={b.pk}"
    )
    assert response.status_code == 200
    added = [
        line.text
        for hunk in response.context["diff"].hunks
        for line in hunk
        if line.change == "added"
    ]
    assert "vmbo 3 – Ouderavond (– – – – – – –)" in added


def test_the_pdf_page_queries_are_bounded(
    programme, client_for, django_assert_max_num_queries
):
    with scopes_disabled():
        GeneratedDocument.objects.bulk_create(
            GeneratedDocument(
                partnership=programme.partnership,
                programme=programme,
                kind=Kind.PROGRAMME,
                status=Status.DONE,
            )
            for _i in range(20)
        )
    client = client_for("stuurgroep")
    with django_assert_max_num_queries(10):
        assert client.get(url("programme_pdf", programme)).status_code == 200


def test_a_pdf_whose_worker_died_is_swept_and_made_again(
    programme, client_for, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from doorlopend.core.job_sweep import jobs_stale_stop

    long_ago = timezone.now() - timedelta(hours=2)
    with scopes_disabled():
        running = GeneratedDocument.objects.create(
            partnership=programme.partnership,
            programme=programme,
            kind=Kind.PROGRAMME,
            status=Status.RUNNING,
            started_at=long_ago,
            heartbeat_at=long_ago,
        )
    assert jobs_stale_stop() == 1
    coordinator = client_for("coordinator")
    page = coordinator.get(url("programme_pdf", programme)).content.decode()
    assert "De taak is gestopt" in page
    retry = reverse(
        "documents:document_retry", args=[programme.partnership.slug, running.pk]
    )
    assert retry in page
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(retry)
    assert response["Location"] == url("programme_pdf", programme)
    document = the_document()
    assert document.status == Status.DONE and document.file
