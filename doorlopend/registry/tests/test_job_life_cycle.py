"""The register import under the one job life cycle (core.jobs): claimed once, swept when
its worker died, cancelled from its page, its file emptied on every outcome."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from doorlopend.core import job_runner
from doorlopend.core.job_sweep import jobs_stale_stop
from doorlopend.registry import services
from doorlopend.registry.models import ImportJob, RegisterEntry

from .duo_files import DATA, DEMO, vo_file

pytestmark = pytest.mark.django_db


def make_job(data: bytes, **fields) -> ImportJob:
    return ImportJob.objects.create(
        data=data, content_hash="x", original_filename="f.csv", **fields
    )


def stored(job: ImportJob) -> bytes:
    return bytes(ImportJob.objects.get(pk=job.pk).data)


def test_a_task_delivered_twice_imports_once():
    job = make_job((DEMO / "demo_mbo_institutions.csv").read_bytes(), sector="mbo")
    assert services.import_job_run(job_id=job.pk).status == "done"
    assert services.import_job_run(job_id=job.pk) is None
    assert RegisterEntry.objects.count() == 3


def test_a_job_another_worker_claimed_is_not_run_again():
    job = make_job(vo_file(1), status="running", started_at=timezone.now())
    assert services.import_job_run(job_id=job.pk) is None
    assert not RegisterEntry.objects.exists()


@pytest.mark.parametrize(
    ("data", "status"),
    [(vo_file(2), "done"), ((DATA / "vo_bad_rows.csv").read_bytes(), "refused")],
)
def test_the_file_is_emptied_on_every_outcome(data, status):
    job = services.import_job_run(job_id=make_job(data).pk)
    assert job.status == status
    assert stored(job) == b""


def test_an_unexpected_error_fails_the_job_and_empties_the_file(monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("doorlopend.registry.services.jobs.register_write", broken)
    job = make_job(vo_file(1))
    with pytest.raises(RuntimeError):
        services.import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, bytes(job.data)) == ("failed", b"")


def test_the_sweep_stops_a_job_whose_worker_went_quiet(settings):
    settings.JOB_STALE_AFTER_SECONDS = 60
    old = timezone.now() - timedelta(seconds=61)
    lost = make_job(vo_file(1), status="running", started_at=old, heartbeat_at=old)
    alive = make_job(
        vo_file(2), status="running", started_at=old, heartbeat_at=timezone.now()
    )
    assert jobs_stale_stop() == 1
    lost.refresh_from_db()
    alive.refresh_from_db()
    assert (lost.status, alive.status) == ("stopped", "running")
    assert stored(lost) == b"" and stored(alive) != b""
    with translation.override("nl"):
        assert lost.get_status_display() == "Gestopt — probeer het opnieuw"


def test_a_stopped_file_uploaded_again_is_a_new_job(staff_user):
    data = vo_file(2)
    first = services.import_job_create(
        data=data, filename="a.csv", sector=None, by=None
    )
    ImportJob.objects.filter(pk=first.pk).update(status="stopped")
    again = services.import_job_create(
        data=data, filename="a.csv", sector=None, by=None
    )
    assert again.pk != first.pk and again.status == "queued"


def test_progress_after_a_cancel_makes_the_work_give_up():
    job = make_job(vo_file(1))

    def work(job, progress):
        job_runner.job_cancel(job=ImportJob.objects.get(pk=job.pk))
        progress(50)
        raise AssertionError("the work went on after the cancel")

    job_runner.job_run(ImportJob, job.pk, work)
    job.refresh_from_db()
    assert job.status == "cancelled" and bytes(job.data) == b""


def cancel_url(job: ImportJob) -> str:
    return reverse("registry:import_cancel", args=[job.pk])


def test_cancel_asks_first_then_cancels_and_empties_the_file(staff_client):
    job = make_job(vo_file(1))
    detail = staff_client.get(reverse("registry:import_detail", args=[job.pk]))
    assert cancel_url(job) in detail.content.decode()
    confirm = staff_client.get(cancel_url(job)).content.decode()
    assert "Yes, cancel it" in confirm
    assert ImportJob.objects.get(pk=job.pk).status == "queued"

    response = staff_client.post(cancel_url(job))
    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.status, bytes(job.data)) == ("cancelled", b"")
    page = staff_client.get(response.url).content.decode()
    assert "The job was cancelled." in page
    # The worker that picks up the task later finds nothing to do.
    assert services.import_job_run(job_id=job.pk) is None


def test_a_finished_import_cannot_be_cancelled(staff_client):
    job = make_job(b"", status="done")
    page = staff_client.post(cancel_url(job)).content.decode()
    assert "can no longer be cancelled" in page
    assert ImportJob.objects.get(pk=job.pk).status == "done"


def test_cancel_is_for_staff_only(member_client):
    job = make_job(vo_file(1))
    assert member_client.post(cancel_url(job)).status_code == 404
    assert ImportJob.objects.get(pk=job.pk).status == "queued"


def test_each_progress_step_beats_the_heartbeat():
    job = make_job(vo_file(1))
    seen = []

    def work(job, progress):
        ImportJob.objects.filter(pk=job.pk).update(
            heartbeat_at=timezone.now() - timedelta(hours=1)
        )
        progress(40, created_count=7)
        seen.append(ImportJob.objects.values_list("heartbeat_at", "progress").get())
        return {}

    job_runner.job_run(ImportJob, job.pk, work)
    heartbeat, progress = seen[0]
    assert timezone.now() - heartbeat < timedelta(minutes=1) and progress == 40
    job.refresh_from_db()
    assert (job.status, job.progress, job.created_count) == ("done", 100, 7)
