"""The task worker with the job sweeps: `db_worker` plus a sweep at start and periodically.

A worker killed mid-job (SIGKILL, a lost machine) cannot mark its own job; the next worker
to start, or the running worker's periodic sweep, marks it stopped once its heartbeat is
older than JOB_STALE_AFTER_SECONDS. The sweeper beats the `worker` heartbeat (see
/healthz) and runs the periodic jobs (`core.schedule`) unless `--no-periodic`: in
production a separate `manage.py run_periodic` runs them, so workers scale freely. Takes
every option of `db_worker`.
"""

from __future__ import annotations

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from doorlopend.core.job_sweep import Sweeper, jobs_stale_stop, uploads_orphan_delete


class Command(DbWorkerCommand):
    help = "Run the background worker; stop jobs whose worker died and delete stale uploads."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-periodic",
            action="store_false",
            dest="periodic",
            help="Leave the periodic jobs to `manage.py run_periodic`.",
        )

    def handle(self, *args, periodic: bool = True, **options) -> None:
        stopped = jobs_stale_stop()
        deleted = uploads_orphan_delete()
        self.stdout.write(
            f"Swept at start: {stopped} stopped job(s), {deleted} upload(s) deleted."
        )
        sweeper = Sweeper(periodic=periodic)
        sweeper.start()
        try:
            super().handle(*args, **options)
        finally:
            sweeper.done.set()
