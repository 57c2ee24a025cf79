"""Register imports uploaded by staff and run by the task worker."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import asdict
from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .. import tasks
from ..models import ImportJob
from .parse import parse_register
from .text import RegisterImportError
from .write import register_write

if TYPE_CHECKING:
    from doorlopend.accounts.models import User

logger = logging.getLogger(__name__)
Status = ImportJob.Status


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
            status__in=[Status.QUEUED, Status.RUNNING],
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
    transaction.on_commit(partial(tasks.import_job_run.enqueue, job.pk))
    return job


def import_job_run(*, job_id: int) -> ImportJob:
    """Run a queued import. A refused file ends the job as failed with its errors, not as an exception."""
    job = ImportJob.objects.get(pk=job_id)
    if job.status != Status.QUEUED:
        return job  # a task delivered twice must not import twice
    with translation.override(job.language or settings.LANGUAGE_CODE):
        _job_update(job, status=Status.RUNNING, started_at=timezone.now(), progress=10)
        try:
            parsed = parse_register(bytes(job.data), sector=job.sector or None)
            _job_update(job, progress=50)
            result = register_write(parsed=parsed)
        except RegisterImportError as error:
            _job_finish(
                job, Status.FAILED, errors=[asdict(row) for row in error.errors]
            )
        except Exception:
            logger.exception("Register import %s stopped", job.pk)
            reason = _(
                "The import stopped on an unexpected error. Nothing was imported."
            )
            _job_finish(job, Status.FAILED, errors=[{"line": 0, "reason": reason}])
            raise
        else:
            _job_finish(
                job,
                Status.DONE,
                sector=parsed.sector,
                created_count=result.created,
                updated_count=result.updated,
                unchanged_count=result.unchanged,
            )
    return job


def _job_finish(
    job: ImportJob, status: str, *, errors: list[dict] | None = None, **fields
) -> None:
    errors = errors or []
    _job_update(
        job,
        status=status,
        errors=errors,
        error_count=len(errors),
        progress=100,
        finished_at=timezone.now(),
        **fields,
    )


def _job_update(job: ImportJob, **fields) -> None:
    # Saved outside the import's transaction, so that the polling page sees each step.
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(update_fields=list(fields))
