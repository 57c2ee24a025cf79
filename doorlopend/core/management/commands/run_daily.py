"""Run the daily work once: reminders of due dates and the weekly digests.

    manage.py run_daily [--today YYYY-MM-DD]

The worker (`manage.py run_worker`) does this by itself each day; this command is for
cron or by hand. Running it twice sends nothing twice. Its last line: `name=N …`.
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError

from doorlopend.core.periodic import daily_run


class Command(BaseCommand):
    help = "Run the daily work once: due-date reminders and the weekly digests."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Act as if it were this day (YYYY-MM-DD).")

    def handle(self, *args, today: str | None, **options):
        day = None
        if today:
            try:
                day = datetime.date.fromisoformat(today)
            except ValueError as error:
                raise CommandError(f"--today: {error}") from None
        counts = daily_run(today=day)
        self.stdout.write(" ".join(f"{name}={n}" for name, n in counts.items()))
