"""Request ids: one per request, in the response header, in every audit-log entry and in
every log line of the request (`core.logs`); with ACCESS_LOG on, one access line each."""

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .logs import request_id

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
access_logger = logging.getLogger("doorlopend.access")


class RequestIdMiddleware:
    """Takes a well-formed `X-Request-ID` from the proxy in front of us, or makes one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.access_log = bool(getattr(settings, "ACCESS_LOG", False))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request.id = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        token = request_id.set(request.id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.id
            if self.access_log:
                self._log(request, response, started)
            return response
        finally:
            request_id.reset(token)

    @staticmethod
    def _log(request: HttpRequest, response: HttpResponse, started: float) -> None:
        """The URL pattern, not the path: no tokens, codes or ids of people in the log."""
        match = getattr(request, "resolver_match", None)
        route = match.route if match else "-"
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        access_logger.info(
            "%s %s %s",
            request.method,
            route,
            response.status_code,
            extra={
                "method": request.method,
                "route": route,
                "status_code": response.status_code,
                "duration_ms": duration_ms,
            },
        )
