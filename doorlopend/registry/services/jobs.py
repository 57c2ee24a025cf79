"""Register imports uploaded by staff and run by the task worker."""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from typing import TYPE_CHECKING

from doorlopend.core.job_runner import Progress, job_enqueue, job_run
from doorlopend.core.jobs import ACTIVE, JobRefused

from ..models import ImportJob
from .parse import parse_register
from .text import RegisterImportError
from .write import register_write

if TYPE_CHECKING:
    from doorlopend.accounts.models import User


def import_job_create(
    *,
    data: bytes,
    filename: str,
    sector: str | None,
    by: User | None,
    language: str = "",
) -> ImportJob:
    """Store an upload and queue its import once the upload is committed.

    The same file for the same sector while an import of it is still waiting or running
    (a double-clicked submit button) returns that job instead of queueing a second one.
    """
    digest = hashlib.sha256(data).hexdigest()
    pending = (
        ImportJob.objects.defer("data")
        .filter(
            content_hash=digest,
            sector=sector or "",
            status__in=ACTIVE,
        )
        .first()
    )
    if pending is not None:
        return pending
    job = ImportJob(
        data=data,
        content_hash=digest,
        size=len(data),
        original_filename=filename[:255],
        sector=sector or "",
        language=language,
        created_by=by,
    )
    job.full_clean()
    job.save()
    job_enqueue(job)
    return job


def import_job_run(*, job_id: int) -> ImportJob | None:
    """Run a queued import through the job life cycle; None when it was not queued.

    A refused file ends the job `refused` with its line errors, not as an exception.
    """
    return job_run(ImportJob, job_id, _work)


def _work(job: ImportJob, progress: Progress) -> dict:
    progress(10)
    try:
        parsed = parse_register(bytes(job.data), sector=job.sector or None)
        progress(50)
        result = register_write(parsed=parsed)
    except RegisterImportError as error:
        errors = [asdict(row) for row in error.errors]
        raise JobRefused(errors, error_count=len(errors)) from None
    return {
        "sector": parsed.sector,
        "created_count": result.created,
        "updated_count": result.updated,
        "unchanged_count": result.unchanged,
    }
