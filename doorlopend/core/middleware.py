"""Request ids: one per request, in the response header, in every audit-log entry and in
every log line of the request (`core.logs`); with ACCESS_LOG on, one access line each.
The Content-Security-Policy header, built once."""

import logging
import re
import time
import uuid
from collections.abc import Callable

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
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


# What a view or decorator sets on a response to change or drop its policy.
_PER_RESPONSE = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)


class SettledCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the policy headers built once, from the settings:
    for every response whose view does not change its policy (`csp_update` and the
    like) and whose page used no nonce; those are built as django-csp builds them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        super().__init__(get_response)
        self._settled: tuple[object, list[tuple[str, str, tuple]]] | None = None

    def _headers(self) -> list[tuple[str, str, tuple]]:
        """(header, value, excluded path prefixes) of the policies in the settings."""
        policies = tuple(
            getattr(settings, name, None)
            for name in (
                "CONTENT_SECURITY_POLICY",
                "CONTENT_SECURITY_POLICY_REPORT_ONLY",
            )
        )
        key = repr(policies)  # the settings change only in tests
        if self._settled is None or self._settled[0] != key:
            headers = []
            for header, policy, report_only in zip(
                (HEADER, HEADER_REPORT_ONLY), policies, (False, True), strict=True
            ):
                prefixes = tuple((policy or {}).get("EXCLUDE_URL_PREFIXES") or ())
                value = build_policy(report_only=report_only)
                headers.append((header, value, prefixes))
            self._settled = (key, headers)
        return self._settled[1]

    def process_response(
        self, request: HttpRequest, response: HttpResponse
    ) -> HttpResponse:
        if getattr(request, "_csp_nonce", None) is not None or any(
            hasattr(response, name) for name in _PER_RESPONSE
        ):
            return super().process_response(request, response)
        if response.status_code in (500, 404) and settings.DEBUG:
            return response  # Django's debug pages, as django-csp leaves them
        for header, value, prefixes in self._headers():
            excluded = prefixes and request.path_info.startswith(prefixes)
            if value and header not in response and not excluded:
                response[header] = value
        # As django-csp: a nonce asked for after the header was written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
