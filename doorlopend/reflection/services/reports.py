"""The PDF report of a closed session: asked for in the page, made by a background task."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from functools import partial

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import report as report_pdf_module
from .. import tasks
from ..choices import State
from ..models import Report, Session

logger = logging.getLogger(__name__)

# A report still "being made" after this long lost its worker (a restart, a crash):
# it no longer blocks a new request.
STALE_AFTER = timedelta(minutes=15)

IN_PROGRESS = [Report.Status.PENDING, Report.Status.RUNNING]


def report_in_progress(*, session: Session) -> Report | None:
    """The session's report that is waiting or being made, unless its worker was lost."""
    return (
        session.reports.filter(
            status__in=IN_PROGRESS, created_at__gte=timezone.now() - STALE_AFTER
        )
        .order_by("-created_at")
        .first()
    )


@transaction.atomic
def report_request(*, session: Session, by, language: str = "") -> Report:
    """Queue a PDF report of a closed session; a second click gets the one already queued."""
    if session.state != State.CLOSED:
        raise ValidationError(
            _("A report is made of a closed session. Close the session first.")
        )
    pending = report_in_progress(session=session)
    if pending is not None:
        return pending
    report = Report(session=session, requested_by=by, language=language)
    report.full_clean()
    report.save()
    transaction.on_commit(partial(tasks.report_build.enqueue, report.pk))
    return report


def _update(report: Report, **fields) -> None:
    for name, value in fields.items():
        setattr(report, name, value)
    report.save(update_fields=list(fields))


def report_build(*, report: Report) -> Report:
    """Make the PDF of `report` and store it; on failure the row says so in words.

    A task delivered twice finds the report no longer pending and does nothing.
    """
    if report.status != Report.Status.PENDING:
        return report
    _update(report, status=Report.Status.RUNNING, progress=10)
    progress: Callable[[int], None] = partial(_progress, report)
    try:
        pdf = report_pdf_module.report_pdf(report.session, progress=progress)
        report.file.save(
            report_pdf_module.report_filename(report.session, "pdf"),
            ContentFile(pdf),
            save=False,
        )
    except Exception as error:
        logger.exception("Report %s of session %s failed", report.pk, report.session_id)
        _update(
            report,
            status=Report.Status.FAILED,
            error=_(
                "The report could not be made (%(reason)s). Try again; if it fails "
                "again, tell the helpdesk."
            )
            % {"reason": type(error).__name__},
            finished_at=timezone.now(),
        )
        raise
    _update(
        report,
        file=report.file.name,
        status=Report.Status.DONE,
        progress=100,
        error="",
        finished_at=timezone.now(),
    )
    return report


def _progress(report: Report, percent: int) -> None:
    _update(report, progress=percent)
