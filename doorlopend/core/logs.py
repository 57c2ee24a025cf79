"""Logs as JSON lines, each with the request id, and without personal data.

`RequestIdMiddleware` puts the request's id in `request_id` (a context variable, so it
follows the request into every logger call of its thread); `RequestIdFilter` copies it onto
each record and `JsonFormatter` writes one JSON object per line:

    {"time": "2027-03-08T07:00:00.123Z", "level": "INFO", "logger": "doorlopend.access",
     "message": "GET p/<slug:partnership_slug>/ 200", "request_id": "…", …}

No personal data: the access line names the URL pattern (`mijn-dossier/<str:token>/`),
never the path with its values, nor the query string or the client's address; every
message and traceback is scrubbed of e-mail addresses, IP addresses, query strings and
long tokens (`scrub`). Names of pupils and people are never passed to a logger.
"""

from __future__ import annotations

import datetime
import json
import logging
import re
from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="-")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_IPV4 = re.compile(r"\b\d{1,3}(\.\d{1,3}){3}\b")
_IPV6 = re.compile(r"\b([0-9a-fA-F]{1,4}:){3,7}[0-9a-fA-F]{1,4}\b")
_OWN_ADDRESSES = {"127.0.0.1", "0.0.0.0"}  # noqa: S104 (names, not a bind)
_QUERY = re.compile(r"\?[^\s\"'<>]*")
# Signed links and session codes: long runs of letters, digits and _-:. A UUID (the ids
# of tasks and requests) is no secret and stays, so a task can be followed in the log.
_TOKEN = re.compile(r"[A-Za-z0-9_:-]{24,}")
_UUID = re.compile(r"[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}")
# Extra record attributes worth a field of their own (all without personal data).
_EXTRA = ("status_code", "method", "route", "duration_ms", "job")


def scrub(text: str) -> str:
    """`text` without e-mail addresses, IP addresses, query strings or long tokens."""
    text = _EMAIL.sub("[email]", text)
    text = _QUERY.sub("?[query]", text)
    text = _IPV6.sub("[ip]", text)
    text = _IPV4.sub(_ip, text)
    return _TOKEN.sub(_token, text)


def _ip(match: re.Match) -> str:
    """Our own listening addresses are no one's: kept, so a start-up line stays useful."""
    return match.group() if match.group() in _OWN_ADDRESSES else "[ip]"


def _token(match: re.Match) -> str:
    return match.group() if _UUID.fullmatch(match.group()) else "[token]"


class RequestIdFilter(logging.Filter):
    """Adds the id of the request being served (or "-") to every record. Django logs a
    4xx/5xx answer (`django.request`) after the middleware returned: its record carries
    the request, whose id the middleware set."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "id", None) or request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, request_id, and for
    an exception its traceback; all text scrubbed."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
            "request_id": getattr(record, "request_id", request_id.get()),
        }
        for name in _EXTRA:
            value = getattr(record, name, None)
            if isinstance(value, str | int | float):
                entry[name] = value
        if record.exc_info:
            entry["exception"] = scrub(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)
