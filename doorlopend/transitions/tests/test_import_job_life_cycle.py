"""A pupil import under the one job life cycle: the worker's sweep stops it when its worker
died (and deletes the file), the decaan cancels it after confirming or uploads the file
again, and the daily sweep deletes uploads no waiting import reads."""

import os
import time
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from doorlopend.core.job_sweep import jobs_stale_stop, uploads_orphan_delete
from doorlopend.transitions.models import TransitionImport
from doorlopend.transitions.services.imports import import_create, upload_store

from .import_helpers import (
    STATUS_HEADER,
    csv_bytes,
    pgn,
    run_file,
    save_mapping,
    schools,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "private"
    return settings.PRIVATE_UPLOAD_ROOT


@pytest.fixture
def mbo(partnership):
    school = schools(partnership)[1]
    save_mapping(partnership, school, "statuses", STATUS_HEADER)
    return school


@pytest.fixture
def decaan(partnership, mbo, member_of):
    client = Client()
    client.force_login(member_of(partnership, "decaan", organisation=mbo))
    return client


DATA = csv_bytes(STATUS_HEADER, [f"{pgn(i)};aangemeld;01-02-2026;;;;;" for i in (1, 2)])


def create(partnership, school, data=DATA) -> TransitionImport:
    with scope(partnership=partnership):
        return import_create(
            partnership=partnership,
            school=school,
            kind="statuses",
            cohort=2026,
            stored=upload_store([data]),
            filename="statussen.csv",
            enqueue=False,
        )


def url(name, partnership, *args):
    return reverse(f"transitions:{name}", args=[partnership.slug, *args])


def fresh(job) -> TransitionImport:
    with scopes_disabled():
        return TransitionImport.objects.get(pk=job.pk)


def test_a_stuck_import_is_stopped_its_file_deleted_and_the_file_can_come_again(
    partnership, mbo, decaan, settings
):
    job = create(partnership, mbo)
    quiet = timezone.now() - timedelta(seconds=settings.JOB_STALE_AFTER_SECONDS + 1)
    with scopes_disabled():
        TransitionImport.objects.filter(pk=job.pk).update(
            status="running", progress=1, started_at=quiet, heartbeat_at=quiet
        )
    assert job.upload_path.exists()
    # Before the sweep, the same file leads back to the running import.
    assert create(partnership, mbo).pk == job.pk

    assert jobs_stale_stop() == 1
    stopped = fresh(job)
    assert stopped.status == "stopped" and not stopped.upload_path.exists()
    page = decaan.get(url("import_detail", partnership, job.pk)).content.decode()
    assert "Gestopt — probeer het opnieuw" in page
    assert url("import_upload", partnership) in page
    assert 'hx-trigger="every 2s"' not in page

    again = create(partnership, mbo)
    assert again.pk != job.pk and again.status == "queued"


def test_cancel_asks_first_then_deletes_the_file(partnership, mbo, decaan):
    job = create(partnership, mbo)
    detail = decaan.get(url("import_detail", partnership, job.pk)).content.decode()
    cancel = url("import_cancel", partnership, job.pk)
    assert cancel in detail
    page = decaan.get(cancel).content.decode()
    assert "Ja, annuleren" in page
    assert "<h1>De import van " in page  # a heading starts with a capital
    assert fresh(job).status == "queued" and job.upload_path.exists()

    response = decaan.post(cancel)
    assert response.status_code == 302
    assert fresh(job).status == "cancelled" and not job.upload_path.exists()
    assert "De taak is geannuleerd." in decaan.get(response.url).content.decode()


def test_another_schools_decaan_cannot_cancel(partnership, mbo, member_of):
    job = create(partnership, mbo)
    other = Client()
    other.force_login(member_of(partnership, "decaan"))
    assert other.post(url("import_cancel", partnership, job.pk)).status_code == 404
    assert fresh(job).status == "queued"


def test_the_file_is_deleted_when_the_import_is_refused(partnership, mbo):
    bad = csv_bytes(STATUS_HEADER, [f"{pgn(1)};verdwenen;01-02-2026;;;;;"])
    job = run_file(partnership, mbo, "statuses", bad)
    assert job.status == "refused" and job.rejected_count == 1
    assert not job.upload_path.exists()


def test_the_daily_sweep_deletes_old_uploads_no_waiting_import_reads(
    partnership, mbo, private_root
):
    waiting = create(partnership, mbo)
    orphan = private_root / "orphan.upload"
    young = private_root / "young.upload"
    orphan.write_bytes(b"PGN;naam")
    young.write_bytes(b"PGN;naam")
    day_old = time.time() - 25 * 3600
    for path in (orphan, waiting.upload_path):
        os.utime(path, (day_old, day_old))

    assert uploads_orphan_delete() == 1
    assert not orphan.exists()
    assert young.exists() and waiting.upload_path.exists()
