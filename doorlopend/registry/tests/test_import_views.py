"""The staff pages: upload, the job page polled by htmx, access, query counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from doorlopend.registry.models import ImportJob, RegisterEntry

from .duo_files import DATA, DEMO, vo_file

LIST_URL = reverse("registry:import_list")


def detail_url(job: ImportJob) -> str:
    return reverse("registry:import_detail", args=[job.pk])


def upload(client, data: bytes, sector: str = "", name: str = "vestigingen.csv"):
    file = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post(LIST_URL, {"sector": sector, "file": file})


@pytest.mark.django_db(transaction=True)
def test_upload_runs_in_the_worker_and_the_page_shows_the_counts(
    staff_client, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(staff_client, (DEMO / "demo_vo_locations.csv").read_bytes())
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response.url == detail_url(job)
    page = staff_client.get(detail_url(job)).content.decode()
    assert "Queued" in page
    assert 'hx-trigger="every 2s"' in page

    run_worker()

    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert RegisterEntry.objects.count() == 14
    page = staff_client.get(detail_url(job)).content.decode()
    assert "Done" in page
    assert '<td data-count="created">14</td>' in page
    assert '<td data-count="unchanged">0</td>' in page
    assert "hx-trigger" not in page  # finished: polling stops
    listing = staff_client.get(LIST_URL).content.decode()
    assert "14 new, 0 changed, 0 unchanged" in listing


@pytest.mark.django_db(transaction=True)
def test_a_bad_file_shows_every_line_and_nothing_was_imported(
    staff_client, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(staff_client, (DATA / "vo_bad_rows.csv").read_bytes())
    run_worker()
    job = ImportJob.objects.get()
    page = staff_client.get(detail_url(job)).content.decode()
    assert "Refused" in page
    assert "nothing was imported" in page
    for line in (3, 4, 6, 7):
        assert f"<td>{line}</td>" in page
    assert "The name (VESTIGINGSNAAM) is empty." in page
    assert "17AB00 appears more than once: it was already on line 5." in page
    assert not RegisterEntry.objects.exists()
    assert "5 problems, nothing imported" in staff_client.get(LIST_URL).content.decode()


@pytest.mark.django_db(transaction=True)
def test_an_institution_list_needs_its_sector(
    staff_client, run_worker, django_capture_on_commit_callbacks
):
    data = (DEMO / "demo_mbo_institutions.csv").read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        upload(staff_client, data)
        upload(staff_client, data, sector="mbo")
    run_worker()
    failed, done = ImportJob.objects.order_by("pk")
    assert (failed.status, done.status, done.sector, done.created_count) == (
        "refused",
        "done",
        "mbo",
        3,
    )
    assert (
        "choose its sector, mbo or hbo"
        in staff_client.get(detail_url(failed)).content.decode()
    )


@pytest.mark.django_db
def test_htmx_gets_the_status_fragment_only(staff_client, staff_user):
    job = ImportJob.objects.create(
        data=b"x",
        content_hash="x",
        original_filename="f.csv",
        status="running",
        progress=50,
        created_by=staff_user,
    )
    fragment = staff_client.get(
        detail_url(job), headers={"HX-Request": "true"}
    ).content.decode()
    assert fragment.lstrip().startswith('<section id="job-status"')
    assert "<html" not in fragment
    assert f'hx-get="{detail_url(job)}"' in fragment
    assert '<progress value="50" max="100">' in fragment
    job.status = "done"
    job.save()
    fragment = staff_client.get(
        detail_url(job), headers={"HX-Request": "true"}
    ).content.decode()
    assert "hx-get" not in fragment


@pytest.mark.django_db
@override_settings(MAX_IMPORT_UPLOAD_BYTES=100)
def test_a_file_over_the_limit_is_refused_in_the_form(staff_client):
    response = upload(staff_client, vo_file(1))
    assert response.status_code == 200
    assert "the largest file accepted is 100\xa0bytes" in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02binary", "NUL bytes"),
        (b"PK\x03\x04workbook", "Excel workbook"),
        ("PROVINCIE;BRIN NUMMER\n".encode("utf-16"), "UTF-16"),
    ],
)
def test_a_binary_file_is_refused_in_the_form(staff_client, data, message):
    response = upload(staff_client, data, name="register.xlsx")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_no_file_is_a_form_error(staff_client):
    response = staff_client.post(LIST_URL, {"sector": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    empty = upload(staff_client, b"")
    assert "The submitted file is empty." in empty.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_submitting_the_same_file_twice_makes_one_job(
    staff_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = upload(staff_client, vo_file(2))
        second = upload(staff_client, vo_file(2))
    assert first.url == second.url
    assert ImportJob.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


@pytest.mark.django_db
def test_empty_list_page_shows_the_register_size_and_the_form(staff_client):
    RegisterEntry.objects.create(sector="mbo", brin="25LP", name="ROC")
    page = staff_client.get(LIST_URL).content.decode()
    assert "No files have been imported yet." in page
    assert 'enctype="multipart/form-data"' in page
    assert (
        '<th scope="row">Vocational education (mbo)</th>\n            <td>1</td>'
        in page
    )
    assert (
        '<th scope="row">Secondary education (vo)</th>\n            <td>0</td>' in page
    )


@pytest.mark.django_db
def test_list_page_queries_stay_bounded(
    staff_client, staff_user, django_assert_max_num_queries
):
    ImportJob.objects.bulk_create(
        ImportJob(
            data=b"x" * 1000,
            content_hash=str(n),
            original_filename=f"{n}.csv",
            created_by=staff_user,
        )
        for n in range(45)
    )
    with django_assert_max_num_queries(8):
        response = staff_client.get(LIST_URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("/staff/register/imports/") == 20  # one page
    assert "Page 1 of 3" in page
    with django_assert_max_num_queries(8):
        assert staff_client.get(LIST_URL, {"page": 3}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["list", "detail"])
def test_anonymous_is_sent_to_login(client, name):
    job = ImportJob.objects.create(
        data=b"x", content_hash="x", original_filename="f.csv"
    )
    url = LIST_URL if name == "list" else detail_url(job)
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["list", "detail", "upload"])
def test_non_staff_get_404(member_client, name):
    job = ImportJob.objects.create(
        data=b"x", content_hash="x", original_filename="f.csv"
    )
    if name == "upload":
        response = upload(member_client, vo_file(1))
    else:
        response = member_client.get(LIST_URL if name == "list" else detail_url(job))
    assert response.status_code == 404
    assert ImportJob.objects.count() == 1


@pytest.mark.django_db
def test_unknown_job_is_404(staff_client):
    assert (
        staff_client.get(reverse("registry:import_detail", args=[999])).status_code
        == 404
    )
