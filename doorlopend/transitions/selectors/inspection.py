"""Everything the school holds about one pupil, for an inspection request (right of access).

The read is logged with action "export". It includes the access-log entries about the
pupil that belong to this school (or to no school: changes made by the system), so the
pupil also learns who looked at their data and why.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from doorlopend.audit.models import AccessLogEntry, Action
from doorlopend.partnerships.models import Membership, Organisation

from ..models import Pupil
from .pupils import PupilDetail, pupil_detail


@dataclass
class Inspection:
    school: Organisation
    detail: PupilDetail
    log: list[AccessLogEntry]


def _entries_about(pupil: Pupil, school: Organisation) -> list[AccessLogEntry]:
    entries = AccessLogEntry.objects.filter(
        Q(organisation=school) | Q(organisation__isnull=True),
        partnership_id=pupil.partnership_id,
        object_type=Pupil._meta.label_lower,
    )
    if connection.features.supports_json_field_contains:
        entries = entries.filter(object_ids__contains=[pupil.pk])
    else:
        # SQLite has no JSON containment lookup: ask json_each instead.
        table = AccessLogEntry._meta.db_table
        entries = entries.filter(
            RawSQL(
                f"EXISTS (SELECT 1 FROM json_each({table}.object_ids) "  # noqa: S608
                "WHERE json_each.value = %s)",
                [pupil.pk],
                output_field=BooleanField(),
            )
        )
    return [e for e in entries.order_by("at", "pk") if pupil.pk in e.object_ids]


def pupil_inspection(
    *,
    school: Organisation,
    pupil_id: int,
    viewer: Membership,
    request: HttpRequest | None = None,
) -> Inspection:
    """The pupil, their transitions (history, signals, interventions) and the log about
    them, as this school holds them; 404 when not a pupil of the school. Logged."""
    detail = pupil_detail(
        school=school,
        pupil_id=pupil_id,
        viewer=viewer,
        request=request,
        purpose=_("inspection request (right of access)"),
        action=Action.EXPORT,
    )
    log = [] if detail.pupil.erased_at else _entries_about(detail.pupil, school)
    return Inspection(school=school, detail=detail, log=log)
