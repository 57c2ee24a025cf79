"""Run the job sweeps once: stop jobs whose worker died, delete uploads nobody waits for."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from doorlopend.core.job_sweep import jobs_stale_stop, uploads_orphan_delete


class Command(BaseCommand):
    help = "Stop jobs whose heartbeat is too old; delete old uploads of no waiting job."

    def handle(self, *args, **options) -> None:
        stopped = jobs_stale_stop()
        deleted = uploads_orphan_delete()
        self.stdout.write(f"{stopped} job(s) stopped, {deleted} upload(s) deleted.")
