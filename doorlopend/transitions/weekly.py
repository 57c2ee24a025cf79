"""The doorstroommonitor's part of the weekly digest: how many new signals, per kind.

Counts for the whole partnership only: no school, no name, no pupil number.
"""

from __future__ import annotations

import datetime

from django.db.models import Count
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from doorlopend.partnerships.digest import DigestLine, DigestSection

from .choices import SignalKind
from .models import Signal


def digest_section(partnership, since: datetime.date, today: datetime.date):
    signals = Signal.objects.filter(partnership=partnership, closed_at__isnull=True)
    new = dict(
        signals.filter(created_at__date__gte=since, created_at__date__lt=today)
        .order_by()
        .values_list("kind")
        .annotate(n=Count("pk"))
    )
    open_total = signals.count()
    if not open_total and not new:
        return None
    lines = [DigestLine(_("New signals this week"), sum(new.values()))]
    lines += [
        DigestLine(format_lazy("· {}", kind.label), new[kind.value])
        for kind in SignalKind
        if new.get(kind.value)
    ]
    lines.append(DigestLine(_("Open signals in all"), open_total))
    return DigestSection(
        title=_("Doorstroommonitor"),
        lines=lines,
        path=reverse("transitions:home", kwargs={"partnership_slug": partnership.slug}),
    )
