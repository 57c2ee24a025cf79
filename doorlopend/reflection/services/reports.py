"""The PDF report of a closed session: asked for in the page, made by a background task."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from doorlopend.core.job_runner import Progress, job_enqueue, job_run
from doorlopend.core.jobs import ACTIVE
from doorlopend.partnerships.models import Membership

from .. import report as report_pdf_module
from ..choices import State
from ..models import Report, Session
from ..notify import report_ready_tell
from .report_mail import report_addresses_send

# Waiting or being made: blocks a second request (a report whose worker died is stopped
# by the worker's sweep, core.job_sweep, and no longer blocks).
IN_PROGRESS = ACTIVE


def report_in_progress(*, session: Session) -> Report | None:
    """The session's report that is waiting or being made."""
    return (
        session.reports.filter(status__in=IN_PROGRESS).order_by("-created_at").first()
    )


@transaction.atomic
def report_request(*, session: Session, by: Membership, language: str = "") -> Report:
    """Queue a PDF report of a closed session; a second click gets the one already queued."""
    if session.state != State.CLOSED:
        raise ValidationError(
            _("A report is made of a closed session. Close the session first.")
        )
    pending = report_in_progress(session=session)
    if pending is not None:
        return pending
    report = Report(session=session, requested_by=by.user, language=language)
    report.full_clean()
    report.save()
    job_enqueue(report)
    return report


def report_build(*, report_id: int) -> Report | None:
    """Make the PDF of the report through the job life cycle and store it; an unexpected
    error ends it failed, in words. None when it was not queued (delivered twice)."""
    return job_run(Report, report_id, _build, after=_tell, failed_reason=_failed)


def _tell(report: Report) -> None:
    """A made report goes to whoever asked for it and to the addresses participants left."""
    if report.status == Report.Status.DONE:
        report_ready_tell(report)
        report_addresses_send(report)


def _build(report: Report, progress: Progress) -> dict:
    progress(10)
    pdf = report_pdf_module.report_pdf(report.session, progress=progress)
    report.file.save(
        report_pdf_module.report_filename(report.session, "pdf"),
        ContentFile(pdf),
        save=False,
    )
    return {"file": report.file.name}


def _failed(error: Exception) -> str:
    return _(
        "The report could not be made (%(reason)s). Try again; if it fails "
        "again, tell the helpdesk."
    ) % {"reason": type(error).__name__}
