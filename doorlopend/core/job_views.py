"""The pages every job shares: confirm a cancel, retry. Each app's view resolves the job
(behind its own access check) and hands it here."""

from __future__ import annotations

from contextlib import suppress

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from . import job_runner
from .jobs import Job


def job_cancel_page(
    request: HttpRequest, *, job: Job, what: str, back_url: str
) -> HttpResponse:
    """GET asks to confirm; POST cancels and returns to the job's page."""
    error = ""
    if request.method == "POST":
        try:
            job_runner.job_cancel(job=job)
        except ValidationError as e:
            error = e.messages[0]
        else:
            return redirect(back_url)
    context = {"job": job, "what": what, "back_url": back_url, "error": error}
    return render(request, "core/job_cancel_confirm.html", context)


def job_retry_page(request: HttpRequest, *, job: Job, back_url: str) -> HttpResponse:
    """POST: queue the job again and return to its page (which says why when it cannot)."""
    # When it cannot be retried, the page shows the job as it is, with the way forward.
    with suppress(ValidationError):
        job_runner.job_retry(job=job)
    return redirect(back_url)
