"""Work that runs once a day: reminders and digests, registered by the apps that own them.

An app registers `work(today=date) -> int` from its `AppConfig.ready()`. The worker
(`manage.py run_worker`) runs them all once per day from PERIODIC_HOUR on (its sweeper
thread), and `manage.py run_daily` runs them once (cron, or by hand). Each piece of work
must be safe to run twice on one day: reminders and digests record what they sent.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger(__name__)
DAILY: dict[str, Callable[..., int]] = {}
LAST_DAY_KEY = "core:periodic:last-day"


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


def daily_due(now: datetime.datetime | None = None) -> datetime.date | None:
    """The day to run for, if today's run is due and not yet done (the worker's sweeper
    asks every JOB_SWEEP_SECONDS); marks it done."""
    now = timezone.localtime(now)
    if now.hour < int(settings.PERIODIC_HOUR):
        return None
    today = now.date()
    if cache.get(LAST_DAY_KEY) == today.isoformat():
        return None
    cache.set(LAST_DAY_KEY, today.isoformat(), timeout=None)
    return today
