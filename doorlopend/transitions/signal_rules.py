"""Signal rules that later apps add to the monitor's engine (the app order forbids the
monitor to import them). The dossier app registers its two rules — dossier not complete
by a date, approved dossier not read by a date — from its `AppConfig.ready()`.

A rule is a pair of functions called inside `services.signals.signals_refresh_detail`:

- `open(partnership, transitions, dates, today)` returns (kind, rows) pairs as
  `services.signals.new_signals` builds them (transitions without such a signal yet, with
  the date the rule fired on as `raised`): the engine inserts them, never twice;
- `close(open_signals, dates)` yields (reason, signal id) of open signals whose condition
  resolved (reason in the site's language, the engine saves it).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

Opener = Callable[..., list[tuple[str, QuerySet]]]
Closer = Callable[[QuerySet, dict], Iterable[tuple[str, int]]]


@dataclass(frozen=True)
class SignalRule:
    open: Opener
    close: Closer


_RULES: dict[str, SignalRule] = {}


def signal_rule_register(name: str, *, open: Opener, close: Closer) -> None:
    _RULES[name] = SignalRule(open=open, close=close)


def signal_rules() -> list[SignalRule]:
    return list(_RULES.values())


def day(on: datetime.date) -> str:
    """A date as a close reason writes it."""
    from django.utils.formats import date_format

    return date_format(on, "j F Y")
