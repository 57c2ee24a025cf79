"""Run the periodic jobs for ever: each at its interval, once across every machine.

    manage.py run_periodic [--tick SECONDS] [--once]

Every tick (default: JOB_SWEEP_SECONDS, at most 60 s) it beats the `periodic` heartbeat and
runs the jobs of `core.schedule` that are due (the job sweeps, the daily reminders and
digests, `transitions_daily`), each under its PostgreSQL advisory lock. SIGTERM or SIGINT
lets the job that runs finish, then it exits. `--once` runs what is due now and exits.
"""

from __future__ import annotations

import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from doorlopend.core.models import beat
from doorlopend.core.schedule import JOBS, run_due


class Command(BaseCommand):
    help = "Run the periodic jobs (sweeps, daily notifications, transitions_daily)."

    def add_arguments(self, parser):
        parser.add_argument("--tick", type=float, help="Seconds between looks.")
        parser.add_argument(
            "--once", action="store_true", help="Run what is due, exit."
        )

    def handle(self, *args, tick: float | None, once: bool, **options):
        tick = tick or min(60.0, float(settings.JOB_SWEEP_SECONDS))
        stop = threading.Event()
        if not once:
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda *_: stop.set())
            self.stdout.write(
                f"Periodic jobs every {tick:g}s: {', '.join(sorted(JOBS))}"
            )
        while True:
            close_old_connections()
            try:
                beat("periodic")
                outcomes = run_due()
            except Exception as error:  # the database gone for a moment: try next tick
                if once:
                    raise
                self.stderr.write(f"Periodic run failed: {type(error).__name__}")
            if once:  # (the loop's runs are in the log: core.schedule)
                for name, outcome in outcomes.items():
                    self.stdout.write(f"{name}={outcome}")
                return
            if stop.wait(tick):
                break
        self.stdout.write("Periodic jobs stopped.")
