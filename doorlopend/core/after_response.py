"""Work that may wait until the answer is sent: `after_response(job)` runs `job` when the
request is finished (Django's `request_finished`, sent when the WSGI server closes the
response, after its bytes went out), in the same process. Outside a request (a command, a
test calling a selector) there is nothing to wait for: it answers False and the caller
does the work at once.

A job must not need the request's scope or language (they are gone): it takes what it
needs with it. A failing job is logged, never raised at the client that already has its
answer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextvars import ContextVar

from django.core.signals import request_finished, request_started
from django.dispatch import receiver

logger = logging.getLogger(__name__)
_jobs: ContextVar[list[Callable[[], None]] | None] = ContextVar(
    "after_response_jobs", default=None
)


def after_response(job: Callable[[], None]) -> bool:
    """Run `job` once this request's answer is sent; False outside a request."""
    jobs = _jobs.get()
    if jobs is None:
        return False
    jobs.append(job)
    return True


@receiver(request_started, dispatch_uid="core.after_response.started")
def _started(**kwargs) -> None:
    _jobs.set([])


@receiver(request_finished, dispatch_uid="core.after_response.finished")
def _finished(**kwargs) -> None:
    jobs = _jobs.get() or []
    _jobs.set(None)
    for job in jobs:
        try:
            job()
        except Exception:  # the answer is out; the next request may try again
            logger.exception("work after the response failed")
