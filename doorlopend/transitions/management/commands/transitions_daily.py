"""The daily job of the doorstroommonitor; run it once a day from cron.

    manage.py transitions_daily [--today YYYY-MM-DD]

1. re-evaluates the signal rules of every partnership (opens new signals, closes resolved
   ones);
2. e-mails each decaan and mentor the counts of new signals of their schools (the last 24
   hours; nothing to whom nothing is new);
3. retention: erases the pupils announced at least TRANSITIONS_RETENTION_NOTICE_DAYS ago
   and announces those newly due.

Its last line: `signals_opened=N signals_closed=N digests=N announced=N erased=N`.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from doorlopend.partnerships.models import Partnership
from doorlopend.transitions.services.digest import digest_send
from doorlopend.transitions.services.retention import retention_run
from doorlopend.transitions.services.signals import signals_refresh_detail

from .transitions_retention import parse_day, report_lines


class Command(BaseCommand):
    help = "Daily: refresh signals, send the e-mail digests, run retention."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Act as if it were this day (YYYY-MM-DD).")

    def handle(self, *args, today: str | None, **options):
        day = parse_day(today)
        opened = closed = 0
        for partnership in Partnership.objects.order_by("pk"):
            result = signals_refresh_detail(partnership=partnership, today=day)
            opened += result.opened
            closed += result.closed
        digests = digest_send(today=day)
        report = retention_run(today=day, apply=True)
        if options["verbosity"] > 1:
            for line in report_lines(report):
                self.stdout.write(line)
        self.stdout.write(
            f"signals_opened={opened} signals_closed={closed} digests={digests} "
            f"announced={report.announced} erased={report.erased}"
        )
