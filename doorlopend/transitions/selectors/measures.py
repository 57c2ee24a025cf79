"""The columns of the cohort figures: what each counts (in SQL) and what it is out of.

Split from `figures.py`, which builds and suppresses the figures from these counts.
"""

from __future__ import annotations

import datetime
import operator
from functools import reduce

from django.db.models import Count, DateField, ExpressionWrapper, F, Q
from django.utils.translation import gettext_lazy as _

from ..choices import Eindopdracht

YEAR = datetime.timedelta(days=365)

# (key, label, help text); "pupils" is the base of every column but "retained" (whose
# base is "year_base") and "eindopdracht_started" (whose base is "eindopdracht_done").
MEASURES = [
    ("pupils", _("Pupils"), _("Pupils of this year of transition.")),
    (
        "registered",
        _("Registered by the deadline"),
        _("First registered at an mbo school on or before the registration deadline."),
    ),
    ("placed", _("Placed"), _("Definitively placed or enrolled.")),
    ("started", _("Started"), _("Started at the mbo school.")),
    (
        "year_base",
        _("Started a year ago"),
        _("Started at least 365 days ago: the pupils whose first year is over."),
    ),
    (
        "retained",
        _("Still enrolled after one year"),
        _(
            "Of those who started a year ago: not stopped within a year of starting "
            "(a diploma counts as staying)."
        ),
    ),
    ("diploma", _("Diploma"), _("Obtained an mbo diploma.")),
    (
        "eindopdracht_done",
        _("Eindopdracht completed"),
        _(
            "Completed the eindopdracht of the last vmbo year, as the school imported "
            "it with its leavers."
        ),
    ),
    (
        "eindopdracht_started",
        _("Of those: started"),
        _("Of those who completed the eindopdracht: started at the mbo school."),
    ),
]
COUNTED = [key for key, _label, _help in MEASURES]
# The eindopdracht's two columns: a table of their own on the page (the main table fits a
# laptop without them), a column each in the export.
EINDOPDRACHT = ("eindopdracht_done", "eindopdracht_started")
# The measures whose base is not "pupils": of those who ...
BASES = {"retained": "year_base", "eindopdracht_started": "eindopdracht_done"}
FUNNEL = ("registered", "placed", "started", "retained", "diploma")


def counts_of(
    *, deadline: datetime.date | dict[int, datetime.date], today: datetime.date
) -> dict:
    """The measures as aggregates of transitions. `deadline` of registering: one date,
    or one per year of transition (at least one; to count several years in one query)."""
    if isinstance(deadline, dict):
        by_deadline = reduce(
            operator.or_,
            (Q(cohort=year, registered_on__lte=d) for year, d in deadline.items()),
        )
    else:
        by_deadline = Q(registered_on__lte=deadline)
    one_year_on = ExpressionWrapper(F("started_on") + YEAR, output_field=DateField())
    year_base = Q(started_on__isnull=False, started_on__lte=today - YEAR)
    return {
        "pupils": Count("pk"),
        "registered": Count("pk", filter=by_deadline),
        "placed": Count("pk", filter=Q(placed_on__isnull=False)),
        "started": Count("pk", filter=Q(started_on__isnull=False)),
        "year_base": Count("pk", filter=year_base),
        "retained": Count(
            "pk",
            filter=year_base
            & (Q(stopped_on__isnull=True) | Q(stopped_on__gt=one_year_on)),
        ),
        "diploma": Count("pk", filter=Q(diploma_on__isnull=False)),
        "eindopdracht_done": Count("pk", filter=Q(eindopdracht=Eindopdracht.JA)),
        "eindopdracht_started": Count(
            "pk",
            filter=Q(eindopdracht=Eindopdracht.JA, started_on__isnull=False),
        ),
    }
