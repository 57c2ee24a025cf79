"""A school system's batch of rows, imported exactly as a file of the same rows would be.

The batch becomes a CSV whose columns are our field names and goes through the
monitor's own import (`transitions.services.imports`), run at once in this request:
the same validation, school scoping (the key's maker must be decaan of every school a
row names, on the side the kind of batch describes), idempotence (a row that changes
nothing writes nothing) and all-or-nothing write, the same access-log entries, and an
import on the school's imports page named after the key. Line n of that CSV is row
n − 1 of the batch.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership, Organisation
from doorlopend.transitions.models import TransitionImport
from doorlopend.transitions.services.imports import (
    import_create,
    import_run,
    upload_store,
)
from doorlopend.transitions.services.imports.columns import fields_for

from .models import ApiToken
from .problems import ApiProblem

Status = TransitionImport.Status


@dataclass(frozen=True)
class BatchResult:
    rows: int
    created: int
    updated: int
    unchanged: int


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _csv(kind: str, rows: list[dict]) -> tuple[bytes, list[str]]:
    header = [f.name for f in fields_for(kind)]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in header])
    return out.getvalue().encode("utf-8"), header


def batch_import(
    *,
    key: ApiToken,
    by: Membership,
    school: Organisation,
    kind: str,
    cohort: int,
    rows: list[dict],
) -> BatchResult:
    """Import `rows` for `school` as `by` (the key's maker); raises ApiProblem 413 over
    API_BATCH_MAX rows, 422 with each refused row, 409 while the same batch runs."""
    if len(rows) > settings.API_BATCH_MAX:
        raise ApiProblem(
            413,
            _("Send at most %(max)s rows per request.")
            % {"max": settings.API_BATCH_MAX},
        )
    data, header = _csv(kind, rows)
    job = import_create(
        partnership=key.partnership,
        school=school,
        kind=kind,
        cohort=cohort,
        stored=upload_store([data]),
        filename=f"API: {key.name}",
        by=by,
        language=translation.get_language() or "",
        enqueue=False,
        columns={name: name for name in header},
    )
    ran = import_run(import_id=job.pk)
    if ran is None:  # the same batch, sent twice at once, is still running
        raise ApiProblem(409, _("The same batch is being imported; try again shortly."))
    if ran.status == Status.REFUSED:
        raise ApiProblem(
            422,
            _("No row was written: %(count)s rows were refused.")
            % {"count": ran.rejected_count or len(ran.errors)},
            errors=[
                {"row": e["line"] - 1 if e["line"] > 1 else None, "reason": e["reason"]}
                for e in ran.errors
            ],
        )
    if ran.status != Status.DONE:
        raise RuntimeError(f"API batch import {ran.pk} ended {ran.status}")
    return BatchResult(
        rows=ran.row_count,
        created=ran.created_count,
        updated=ran.updated_count,
        unchanged=ran.unchanged_count,
    )
