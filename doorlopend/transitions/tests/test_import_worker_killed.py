"""A real worker process killed (SIGKILL) in the middle of a pupil import: the next worker's
sweep marks the import stopped and deletes its file, and the same file uploaded again is
imported. Against a copy of the test database in a file (SQLite) or the test database
itself (PostgreSQL), so that the worker processes see the same rows."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django_scopes import scope, scopes_disabled

from doorlopend.transitions.models import Transition, TransitionImport
from doorlopend.transitions.services.imports import import_create, upload_store

from .import_helpers import STATUS_HEADER, csv_bytes, pgn, save_mapping, schools

ROOT = Path(settings.BASE_DIR)
ROWS = 400


class SharedDatabase:
    """The test database as a worker process sees it: for SQLite (in memory in tests) a
    file copy, pushed before and pulled back after each worker; PostgreSQL is shared."""

    def __init__(self, folder: Path):
        self.sqlite = connection.vendor == "sqlite"
        self.path = folder / "worker.sqlite3"

    @property
    def url(self) -> str:
        if self.sqlite:
            return f"sqlite:///{self.path}"
        s = connection.settings_dict
        return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"

    def push(self) -> None:
        if self.sqlite:
            connection.ensure_connection()
            for suffix in ("", "-wal", "-shm"):  # a killed worker leaves its WAL
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            with sqlite3.connect(self.path) as copy:
                connection.connection.backup(copy)
            copy.close()

    def pull(self) -> None:
        if self.sqlite:
            source = sqlite3.connect(self.path)
            source.backup(connection.connection)
            source.close()

    def job(self, pk: int) -> tuple[str, int]:
        """(status, row_count) as the worker wrote it, without pulling the copy back."""
        if self.sqlite:
            with sqlite3.connect(self.path, timeout=5) as db:
                return db.execute(
                    "SELECT status, row_count FROM transitions_transitionimport "
                    "WHERE id = ?",
                    [pk],
                ).fetchone()
        with scopes_disabled():
            job = TransitionImport.objects.get(pk=pk)
        return job.status, job.row_count


def worker(db: SharedDatabase, private: Path, *args: str, slow: bool = False):
    env = {
        **os.environ,
        "DATABASE_URL": db.url,
        "PRIVATE_UPLOAD_ROOT": str(private),
        "JOB_STALE_AFTER_SECONDS": "1",
        "JOB_HEARTBEAT_SECONDS": "0.2",
        "JOB_SWEEP_SECONDS": "0.5",
        "TASK_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    command = (
        [sys.executable, "-m", "doorlopend.transitions.tests.slow_worker"]
        if slow
        else [sys.executable, "manage.py", "run_worker"]
    )
    options = ["--no-reload", "--no-startup-delay", "--interval", "0.1", *args]
    return subprocess.Popen(
        [*command, *options],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def upload(partnership, school, data: bytes) -> TransitionImport:
    with scope(partnership=partnership):
        return import_create(
            partnership=partnership,
            school=school,
            kind="statuses",
            cohort=2026,
            stored=upload_store([data]),
            filename="statussen.csv",
        )


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_leaves_a_stopped_import_no_file_and_a_retry_succeeds(
    partnership, settings, tmp_path
):
    settings.PRIVATE_UPLOAD_ROOT = private = tmp_path / "private"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    mbo = schools(partnership)[1]
    save_mapping(partnership, mbo, "statuses", STATUS_HEADER)
    rows = [f"{pgn(i)};aangemeld;01-02-2026;;;;;" for i in range(1, ROWS + 1)]
    data = csv_bytes(STATUS_HEADER, rows)
    job = upload(partnership, mbo, data)  # queued: the task is enqueued on commit
    assert job.status == "queued" and job.upload_path.exists()
    db = SharedDatabase(tmp_path)
    db.push()

    slow = worker(db, private, slow=True)
    try:
        deadline = time.monotonic() + 30
        while db.job(job.pk)[1] < 20:  # half-way: lines read, progress saved
            assert slow.poll() is None, slow.stdout.read()
            assert time.monotonic() < deadline, "the worker never started the import"
            time.sleep(0.1)
    finally:
        slow.send_signal(signal.SIGKILL)
        slow.wait(10)
    status, lines = db.job(job.pk)
    assert status == "running" and lines < ROWS  # killed in the middle
    assert job.upload_path.exists()  # as it was left: pupil data on disk

    time.sleep(1.2)  # the heartbeat goes quiet for longer than JOB_STALE_AFTER_SECONDS
    sweep = worker(db, private, "--batch")
    assert sweep.wait(60) == 0, sweep.stdout.read()
    db.pull()
    with scopes_disabled():
        stopped = TransitionImport.objects.get(pk=job.pk)
    assert stopped.status == "stopped"
    assert not stopped.upload_path.exists()
    assert not list(private.iterdir())

    # The same file again is a new import (not the stuck one), and it runs to the end.
    again = upload(partnership, mbo, data)
    assert again.pk != job.pk and again.status == "queued"
    db.push()
    retry = worker(db, private, "--batch")
    assert retry.wait(60) == 0, retry.stdout.read()
    db.pull()
    with scopes_disabled():
        done = TransitionImport.objects.get(pk=again.pk)
        assert (done.status, done.created_count) == ("done", ROWS), done.errors
        assert Transition.objects.filter(receiving_organisation=mbo).count() == ROWS
    assert not done.upload_path.exists()
