"""Announce (dry run, the default) or erase the pupils whose retention period ended.

    manage.py transitions_retention [--apply] [--today YYYY-MM-DD]

Prints one line per school with pupils due, and as its last line `announced=N erased=N`.
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError

from doorlopend.transitions.services.retention import RetentionReport, retention_run


def parse_day(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today: not a date (YYYY-MM-DD): {value!r}") from None


def report_lines(report: RetentionReport) -> list[str]:
    lines = [
        f"{line.partnership} · {line.school}: due={line.due} "
        f"announced={line.announced} waiting={line.waiting} erased={line.erased} "
        f"earliest_end_of_retention={line.first_erase_after}"
        for line in report.lines
    ]
    if not report.lines:
        lines.append(f"No pupils due for erasure on {report.today}.")
    elif not report.applied:
        lines.append(
            f"Dry run: nothing erased. Pupils announced today may be erased from "
            f"{report.erase_from} with --apply."
        )
    if report.withdrawn:
        lines.append(f"Announcements withdrawn (no longer due): {report.withdrawn}")
    return lines


class Command(BaseCommand):
    help = "Retention of pupils' personal data: dry-run report, or erase with --apply."

    def add_arguments(self, parser):
        parser.add_argument(
            "--apply",
            action="store_true",
            help="Erase pupils announced at least TRANSITIONS_RETENTION_NOTICE_DAYS ago.",
        )
        parser.add_argument("--today", help="Act as if it were this day (YYYY-MM-DD).")

    def handle(self, *args, apply: bool, today: str | None, **options):
        report = retention_run(today=parse_day(today), apply=apply)
        for line in report_lines(report):
            self.stdout.write(line)
        self.stdout.write(f"announced={report.announced} erased={report.erased}")
