"""The import pages: upload (streamed to the private folder), mapping, the polled job
page, the list; access (another partnership 404, another role 403) and query counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import SchoolFactory
from doorlopend.transitions.models import ColumnMapping, Transition, TransitionImport
from doorlopend.transitions.services.imports import import_run

from .import_helpers import STATUS_HEADER, csv_bytes, pgn, save_mapping, schools

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.PRIVATE_UPLOAD_ROOT


@pytest.fixture
def mbo(partnership):
    return schools(partnership)[1]


@pytest.fixture
def decaan(partnership, mbo, member_of):
    client = Client()
    client.force_login(member_of(partnership, "decaan", organisation=mbo))
    return client


def url(name, partnership, *args):
    return reverse(f"transitions:{name}", args=[partnership.slug, *args])


def upload(client, partnership, school, data, name="statussen.csv", kind="statuses"):
    file = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post(
        url("import_upload", partnership),
        {"school": school.pk, "kind": kind, "cohort": 2026, "file": file},
    )


def status_data(n=2):
    return csv_bytes(
        STATUS_HEADER, [f"{pgn(i)};aangemeld;01-02-2026;;;;;" for i in range(n)]
    )


def test_upload_then_mapping_then_the_job_runs(
    decaan, partnership, mbo, private_root, django_capture_on_commit_callbacks
):
    response = upload(decaan, partnership, mbo, status_data())
    with scopes_disabled():
        job = TransitionImport.objects.get()
    assert response.status_code == 302
    assert response.url == url("import_mapping", partnership, job.pk)
    assert job.status == "mapping"
    assert [p.name for p in private_root.iterdir()] == [job.stored_name]
    assert not (private_root.parent / "media").exists()
    page = decaan.get(response.url).content.decode()
    assert "Crebo" in page and "BSN" in page
    assert pgn(0) not in page  # header names only, never values
    # Pre-filled from the aliases: BSN → pupil number, etc.
    assert '<option value="BSN" selected>' in page
    with django_capture_on_commit_callbacks() as callbacks:
        response = decaan.post(
            response.url,
            {"pgn": "BSN", "status": "Status", "date": "Datum", "crebo": "Crebo"},
        )
    assert response.status_code == 302
    assert len(callbacks) == 1  # the task is queued once the mapping is committed
    with scopes_disabled():
        job.refresh_from_db()
        assert job.status == "queued"
        assert (
            ColumnMapping.objects.get(organisation=mbo, kind="statuses").columns["pgn"]
            == "BSN"
        )
    page = decaan.get(
        url("import_detail", partnership, job.pk), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert 'hx-trigger="every 2s"' in page and "<progress" in page
    import_run(import_id=job.pk)
    page = decaan.get(url("import_detail", partnership, job.pk)).content.decode()
    assert '<td data-count="created">2</td>' in page
    assert "hx-trigger" not in page
    assert not list(private_root.iterdir())


def test_a_saved_mapping_that_fits_goes_straight_to_the_queue(decaan, partnership, mbo):
    save_mapping(partnership, mbo, "statuses", STATUS_HEADER)
    response = upload(decaan, partnership, mbo, status_data())
    with scopes_disabled():
        job = TransitionImport.objects.get()
    assert job.status == "queued"
    assert response.url == url("import_detail", partnership, job.pk)
    page = decaan.get(response.url).content.decode()
    assert gettext("Change the columns for next time") in page


def test_the_same_file_twice_while_pending_is_one_import(
    decaan, partnership, mbo, private_root
):
    upload(decaan, partnership, mbo, status_data())
    upload(decaan, partnership, mbo, status_data())
    with scopes_disabled():
        assert TransitionImport.objects.count() == 1
    assert len(list(private_root.iterdir())) == 1


def test_a_required_field_left_out_or_a_column_used_twice_is_refused(
    decaan, partnership, mbo
):
    upload(decaan, partnership, mbo, status_data())
    with scopes_disabled():
        job = TransitionImport.objects.get()
    response = decaan.post(
        url("import_mapping", partnership, job.pk), {"pgn": "BSN", "status": "BSN"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "is verplicht: kies de kolom" in page and "wordt al gebruikt voor" in page
    with scopes_disabled():
        job.refresh_from_db()
        assert job.status == "mapping"
        assert not ColumnMapping.objects.exists()


def test_a_file_over_the_limit_gets_a_clear_message(
    decaan, partnership, mbo, settings, private_root
):
    settings.TRANSITIONS_MAX_UPLOAD_BYTES = 100
    response = upload(decaan, partnership, mbo, status_data(20))
    assert response.status_code == 200
    assert response.context["form"].has_error("file", code="too_large")
    with scopes_disabled():
        assert not TransitionImport.objects.exists()
    assert not private_root.exists() or not list(private_root.iterdir())


def test_a_failed_import_lists_its_lines(decaan, partnership, mbo):
    save_mapping(partnership, mbo, "statuses", STATUS_HEADER)
    upload(
        decaan,
        partnership,
        mbo,
        csv_bytes(STATUS_HEADER, [f"{pgn(1)};onzin;01-02-2026;;;;;"]),
    )
    with scopes_disabled():
        job = TransitionImport.objects.get()
    import_run(import_id=job.pk)
    page = decaan.get(url("import_detail", partnership, job.pk)).content.decode()
    assert gettext("The file was refused: nothing was imported.") in page
    assert "onzin" in page
    with scopes_disabled():
        assert not Transition.objects.exists()


def test_a_school_that_is_not_yours_is_refused(decaan, partnership):
    other_school = SchoolFactory(partnership=partnership)  # not a school of this decaan
    response = upload(decaan, partnership, other_school, status_data())
    assert response.status_code == 200
    with scopes_disabled():
        assert not TransitionImport.objects.exists()


def test_another_partnership_gets_404_and_other_roles_403(
    partnership, other_partnership, mbo, decaan, client_for, member_of
):
    save_mapping(partnership, mbo, "statuses", STATUS_HEADER)
    upload(decaan, partnership, mbo, status_data())
    with scopes_disabled():
        job = TransitionImport.objects.get()
    stranger = Client()
    stranger.force_login(member_of(other_partnership, "decaan"))
    other_decaan = client_for("decaan")  # a decaan of another school, same partnership
    coordinator = client_for("coordinator")
    for name, args in [
        ("import_list", ()),
        ("import_upload", ()),
        ("import_mapping", (job.pk,)),
        ("import_detail", (job.pk,)),
    ]:
        assert stranger.get(url(name, partnership, *args)).status_code == 404
        assert coordinator.get(url(name, partnership, *args)).status_code == 403
    assert (
        other_decaan.get(url("import_detail", partnership, job.pk)).status_code == 404
    )
    assert (
        other_decaan.get(url("import_mapping", partnership, job.pk)).status_code == 404
    )


def test_the_list_query_count(decaan, partnership, mbo, django_assert_max_num_queries):
    for n in range(12):
        with scopes_disabled():
            TransitionImport.objects.create(
                partnership=partnership,
                organisation=mbo,
                kind="statuses",
                cohort=2026,
                original_filename=f"f{n}.csv",
                content_hash=f"{n}",
                status="done",
            )
    with django_assert_max_num_queries(9):  # guard 5, list 1, session save 3
        page = decaan.get(url("import_list", partnership))
    assert page.status_code == 200
    assert "f11.csv" in page.content.decode()
