"""Work that runs once a day: reminders and digests, registered by the apps that own them.

An app registers `work(today=date) -> int` from its `AppConfig.ready()`. They run all
together as the periodic job `notifications.daily` (`core.schedule`: once a day from
PERIODIC_HOUR, by `manage.py run_periodic` or the worker's sweeper), and `manage.py
run_daily` runs them once (cron, or by hand). Each piece of work
must be safe to run twice on one day: reminders and digests record what they sent.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable

from django.utils import timezone

logger = logging.getLogger(__name__)
DAILY: dict[str, Callable[..., int]] = {}


def register_daily(name: str, work: Callable[..., int]) -> None:
    DAILY[name] = work


def daily_run(*, today: datetime.date | None = None) -> dict[str, int]:
    """Run every registered daily work for `today`; {name: what it counted}. A failing
    one is logged and does not stop the others."""
    today = today or timezone.localdate()
    counts = {}
    for name, work in sorted(DAILY.items()):
        try:
            counts[name] = work(today=today)
        except Exception:
            logger.exception("Daily work %s failed", name)
            counts[name] = -1
    return counts
