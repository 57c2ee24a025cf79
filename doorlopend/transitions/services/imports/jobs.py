"""A pupil file's import from upload to result: store, map, queue, run.

`import_create` streams the upload to PRIVATE_UPLOAD_ROOT under a random name (hashing it
on the way) and reads only its header line. A saved mapping that fits sends it straight to
the queue; otherwise `import_map` takes the school's mapping first. `import_run` (the task,
and the management command) streams the rows through `validate`, stages them, checks
them and writes all or nothing (README.md in this package tells the whole path). It
runs through the one job life cycle (core.job_runner): claimed once, a heartbeat while
it runs, the file deleted whatever the outcome (done, refused, failed, cancelled, or
stopped by the worker's sweep).
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.audit.models import Action
from doorlopend.audit.services import record
from doorlopend.core.job_runner import Progress, job_enqueue, job_run
from doorlopend.core.jobs import JobRefused
from doorlopend.partnerships.models import Membership, Organisation, Partnership

from ...models import ColumnMapping, TransitionImport
from . import checks, write
from .columns import mapping_problems
from .read import UnreadableFile, headers_of, open_table
from .rights import import_schools
from .schools import school_keys
from .stage import Stage
from .store import StoredUpload
from .validate import Validator

logger = logging.getLogger(__name__)
Status = TransitionImport.Status
# Waiting for a mapping, queued or running: the same file again returns this import.
PENDING = TransitionImport.cancellable


def upload_path(job: TransitionImport) -> Path:
    return job.upload_path


def import_create(
    *,
    partnership: Partnership,
    school: Organisation,
    kind: str,
    cohort: int,
    stored: StoredUpload,
    filename: str,
    by: Membership | None = None,
    language: str = "",
    enqueue: bool = True,
    columns: dict[str, str] | None = None,
) -> TransitionImport:
    """Make the import of a stored file.

    The same file for the same school and kind while an import of it is pending returns
    that import (a double submit) and drops the new copy. Raises ValidationError for a
    file without headers (and drops it). `enqueue=False`: the caller runs it (the command).
    `by` is the uploading member; None only for the command, which acts for the schools
    it is given rather than for a member. `columns`: a mapping fixed by the caller (the
    API's batches, whose columns are our field names); the school's saved mapping is
    then neither used nor changed.
    """
    stored_name, content_hash, size = (
        stored.stored_name,
        stored.content_hash,
        stored.size,
    )
    path = Path(settings.PRIVATE_UPLOAD_ROOT) / stored_name
    pending = _pending(school, kind, content_hash)
    if pending is not None:
        path.unlink(missing_ok=True)
        return pending
    try:
        headers = headers_of(path)
    except UnreadableFile as error:
        path.unlink(missing_ok=True)
        raise ValidationError(str(error), code="unreadable") from None
    job = TransitionImport(
        partnership=partnership,
        organisation=school,
        kind=kind,
        cohort=cohort,
        original_filename=Path(filename).name[:255],
        stored_name=stored_name,
        content_hash=content_hash,
        size=size,
        headers=headers,
        language=language,
        created_by=by.user if by is not None else None,
    )
    if columns is None:
        saved = ColumnMapping.objects.filter(organisation=school, kind=kind).first()
        columns = saved.columns if saved else None
    if columns and not mapping_problems(kind=kind, columns=columns, headers=headers):
        job.columns, job.status = columns, Status.QUEUED
    try:
        with transaction.atomic():
            job.save()
    except IntegrityError:  # the same file submitted twice at once
        path.unlink(missing_ok=True)
        pending = _pending(school, kind, content_hash)
        if pending is None:
            raise
        return pending
    if job.status == Status.QUEUED and enqueue:
        _enqueue(job)
    return job


def _pending(school, kind, content_hash) -> TransitionImport | None:
    return TransitionImport.objects.filter(
        organisation=school, kind=kind, content_hash=content_hash, status__in=PENDING
    ).first()


def import_map(
    *, job: TransitionImport, columns: dict[str, str], by: Membership | None
) -> TransitionImport:
    """Save the school's mapping for this kind of file and queue the import (if it waits
    for one; a finished import only changes the mapping saved for next time).

    Raises ValidationError {field: problem} when a required field is unmapped, a column is
    used twice or does not exist.
    """
    columns = {k: v for k, v in columns.items() if v}
    problems = mapping_problems(kind=job.kind, columns=columns, headers=job.headers)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        ColumnMapping.objects.update_or_create(
            partnership=job.partnership,
            organisation=job.organisation,
            kind=job.kind,
            defaults={
                "columns": columns,
                "updated_by": by.user if by is not None else None,
            },
        )
        if job.status != Status.MAPPING:
            return job  # changed for next time: this import keeps the mapping it used
        job.columns, job.status = columns, Status.QUEUED
        job.save(update_fields=["columns", "status"])
        _enqueue(job)
    return job


def _enqueue(job: TransitionImport) -> None:
    job_enqueue(job)


def import_run(
    *, import_id: int, on_progress=None, school_ids: frozenset[int] | None = None
) -> TransitionImport | None:
    """Run a queued import through the job life cycle; None when it was not queued.

    A refused file ends `refused` with its line errors, not as an exception. It writes
    only for the schools where its uploader is decaan when it runs; an import without an
    uploader (the command) for `school_ids`, else for its own school only.
    """

    def work(job: TransitionImport, progress: Progress) -> dict:
        return _run(job, progress, on_progress or (lambda job: None), school_ids)

    return job_run(TransitionImport, import_id, work, after=_after)


def _after(job: TransitionImport) -> None:
    # Whatever the outcome: the access log says which file was imported, and how it ended.
    record(
        actor=job.created_by,
        action=Action.IMPORT,
        objects=job,
        purpose=_("import of a pupil file"),
        partnership=job.partnership,
        organisation=job.organisation,
        label=f"{job.original_filename}: {job.get_status_display()}",
    )
    if job.status == Status.DONE:
        _signals(job.partnership)


def _run(
    job: TransitionImport, progress: Progress, on_progress, school_ids=None
) -> dict:
    schools_allowed = import_schools(job, given=school_ids)
    stage = Stage(job.pk)
    stage.create()
    errors, rejected, rows = [], 0, 0
    try:
        with open_table(upload_path(job)) as table:
            validator = Validator(
                kind=job.kind,
                headers=table.headers,
                columns=job.columns,
                cohort=job.cohort,
                default_org_id=job.organisation_id,
                schools=school_keys(job.partnership),
                schools_allowed=schools_allowed,
                today=timezone.localdate(),
            )
            clean = validator.clean
            for line, row in table.rows:
                rows += 1
                record_, reasons = clean(row)
                if reasons:
                    rejected += 1
                    if len(errors) < TransitionImport.ERRORS_KEPT:
                        errors.append({"line": line, "reason": "; ".join(reasons)})
                elif stage.add(line, record_):
                    progress(max(1, int(table.fraction() * 70)), row_count=rows)
                    on_progress(job)
        stage.flush()
        if not rejected:
            progress(72, row_count=rows)
            on_progress(job)
            for line, reason in checks.stage_problems(
                stage,
                partnership_id=job.partnership_id,
                kind=job.kind,
                school_ids=schools_allowed.allowed,
            ):
                rejected += 1
                if len(errors) < TransitionImport.ERRORS_KEPT:
                    errors.append({"line": line, "reason": reason})
        if rejected:
            raise JobRefused(errors, rejected_count=rejected, row_count=rows)
        progress(80)
        on_progress(job)
        counts = write.stage_write(stage, job=job, by_id=job.created_by_id)
        return {
            "row_count": rows,
            "created_count": counts.created,
            "updated_count": counts.updated,
            "unchanged_count": counts.unchanged,
            "rejected_count": 0,
        }
    except UnreadableFile as error:
        raise JobRefused([{"line": 0, "reason": str(error)}]) from None
    finally:
        stage.drop()


def _signals(partnership: Partnership) -> None:
    from ..signals import signals_refresh

    try:
        signals_refresh(partnership=partnership)
    except Exception:  # the import is committed; signals are refreshed again later
        logger.exception("Signals after an import of %s", partnership.slug)
