"""Error reports to a Sentry-compatible endpoint, without pupil data.

`sentry_init()` runs from the settings when SENTRY_DSN is set (Django integration, no
default personal data, no performance tracing unless SENTRY_TRACES_SAMPLE_RATE). Every
event passes `scrub_event` before it leaves:

- the request keeps its method and its URL without query string and tokens; its body,
  cookies, query string, client address and every header but a few harmless ones go;
- the user keeps only their id;
- a stack frame loses the local variables with a pupil's or person's field name (`PUPIL_FIELDS`),
  and on pupil pages (URLs under `PUPIL_URL_PARTS`) every frame loses all its locals;
- messages, exception values and breadcrumbs are scrubbed like log lines (`core.logs.scrub`);
  breadcrumbs lose their data (SQL parameters, URLs).
"""

from __future__ import annotations

import re
from typing import Any

from .logs import scrub

# Field and variable names that hold, or lead to, a pupil's or a person's data.
PUPIL_FIELDS = frozenset(
    {
        "first_name",
        "last_name",
        "name",
        "other_name",
        "full_name",
        "email",
        "birth_date",
        "date_of_birth",
        "pgn",
        "bsn",
        "pseudonym",
        "pupil",
        "pupils",
        "dossier",
        "answer",
        "answers",
        "comment",
        "content",
        "care",
        "support_needed",
        "support_wishes",
        "advice",
        "school_career",
        "password",
        "token",
        "rows",
        "row",
        "line",
        "cleaned_data",
        "data",
        "form",
        "request",
        "user",
        "person",
        "phone",
        "address",
    }
)
# Pages that show pupils (the school's dossier and monitor pages, the pupil's own link).
PUPIL_URL_PARTS = ("/dossier/", "/mijn-dossier/", "/doorstroom/")
_KEPT_HEADERS = {"user-agent", "content-type", "accept", "x-request-id", "host"}
_FILTERED = "[Filtered]"


def sentry_init(
    dsn: str, *, environment: str, release: str | None, traces: float
) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=True,
        traces_sample_rate=traces,
        before_send=scrub_event,
        before_breadcrumb=scrub_breadcrumb,
    )


def scrub_event(event: dict[str, Any], hint: dict | None = None) -> dict[str, Any]:
    request = event.get("request") or {}
    pupil_page = any(part in request.get("url", "") for part in PUPIL_URL_PARTS)
    if request:
        event["request"] = _scrub_request(request)
    if "user" in event:
        event["user"] = {"id": event["user"]["id"]} if event["user"].get("id") else {}
    for exception in (event.get("exception") or {}).get("values") or []:
        if isinstance(exception.get("value"), str):
            exception["value"] = scrub(exception["value"])
        for frame in (exception.get("stacktrace") or {}).get("frames") or []:
            _scrub_frame(frame, drop_all=pupil_page)
    for thread in (event.get("threads") or {}).get("values") or []:
        for frame in (thread.get("stacktrace") or {}).get("frames") or []:
            _scrub_frame(frame, drop_all=pupil_page)
    logentry = event.get("logentry") or {}
    for key in ("message", "formatted"):
        if isinstance(logentry.get(key), str):
            logentry[key] = scrub(logentry[key])
    if logentry.get("params"):
        logentry["params"] = [_FILTERED for _ in logentry["params"]]
    if isinstance(event.get("message"), str):
        event["message"] = scrub(event["message"])
    crumbs = event.get("breadcrumbs")
    values = crumbs.get("values") if isinstance(crumbs, dict) else crumbs
    for crumb in values or []:
        scrub_breadcrumb(crumb)
    event.pop("extra", None)
    return event


def scrub_breadcrumb(crumb: dict[str, Any], hint: dict | None = None) -> dict:
    if isinstance(crumb.get("message"), str):
        crumb["message"] = scrub(crumb["message"])
    crumb.pop("data", None)
    return crumb


def _scrub_request(request: dict[str, Any]) -> dict[str, Any]:
    headers = request.get("headers") or {}
    return {
        "method": request.get("method"),
        "url": scrub(re.sub(r"\?.*$", "", request.get("url", ""))),
        "headers": {k: v for k, v in headers.items() if k.lower() in _KEPT_HEADERS},
    }


def _scrub_frame(frame: dict[str, Any], *, drop_all: bool) -> None:
    for key in ("pre_context", "post_context"):
        if isinstance(frame.get(key), list):
            frame[key] = [scrub(line) for line in frame[key]]
    if isinstance(frame.get("context_line"), str):
        frame["context_line"] = scrub(frame["context_line"])
    if "vars" not in frame:
        return
    if drop_all:
        frame["vars"] = {}
        return
    frame["vars"] = {
        name: _FILTERED
        if _is_pupil_field(name)
        else scrub(value)
        if isinstance(value, str)
        else value
        for name, value in frame["vars"].items()
    }


def _is_pupil_field(name: str) -> bool:
    lowered = name.lower()
    return lowered in PUPIL_FIELDS or any(
        part in lowered for part in ("pupil", "dossier", "email", "birth", "name")
    )
