"""Errors as problem details (RFC 9457, application/problem+json), in Dutch or English.

The language is the request's Accept-Language (Dutch unless English is preferred): a
school system has no session to keep a chosen language in. Each problem has a `type`
URI of its own (under /api/problems/, listed in the API's description at /api/docs), a title in that
language, and where rows were refused, `errors` with the row of the batch (1-based) and
the field.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header
from ninja import Schema
from ninja.responses import NinjaJSONEncoder

CONTENT_TYPE = "application/problem+json"
LANGUAGES = ("nl", "en")

TITLES: dict[int, str | Promise] = {
    400: _("The request cannot be read"),
    401: _("A valid API key is needed"),
    403: _("This key may not do this"),
    404: _("Not found"),
    405: _("Method not allowed"),
    413: _("The batch is too large"),
    422: _("The data was refused"),
    429: _("Too many requests with this key"),
}
SLUGS = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    413: "too-large",
    422: "refused",
    429: "rate-limited",
}


class ProblemError(Schema):
    """One refused value: the row of the batch (1-based) and its field, or the
    parameter, with the reason."""

    row: int | None = None
    field: str | None = None
    reason: str


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str
    errors: list[ProblemError] = []


class ApiProblem(Exception):
    """Raised anywhere in an API operation; answered as a problem."""

    def __init__(self, status: int, detail: str, errors: list[dict] | None = None):
        super().__init__(detail)
        self.status, self.detail, self.errors = status, detail, errors or []


def language_of(request: HttpRequest) -> str:
    """nl or en, by Accept-Language (its first supported language; Dutch by default)."""
    header = request.headers.get("Accept-Language", "")
    for code, _q in parse_accept_lang_header(header[:500]):
        base = code.split("-")[0].lower()
        if base in LANGUAGES:
            return base
    return LANGUAGES[0]


@contextlib.contextmanager
def request_language(request: HttpRequest) -> Iterator[str]:
    language = language_of(request)
    with translation.override(language):
        yield language


def problem_response(
    request: HttpRequest,
    status: int,
    detail: str | Promise = "",
    errors: list[dict] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    with request_language(request) as language:
        body = Problem(
            type=f"/api/problems/{SLUGS[status]}",
            title=str(TITLES[status]),
            status=status,
            detail=str(detail or TITLES[status]),
            errors=[ProblemError(**e) for e in errors or []],
        ).dict()
    response = HttpResponse(
        json.dumps(body, cls=NinjaJSONEncoder), status=status, content_type=CONTENT_TYPE
    )
    response["Content-Language"] = language
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def validation_errors(errors: list[dict]) -> list[dict]:
    """Pydantic's errors as rows and fields: ("body", "batch", "rows", 3, "pgn") is
    row 4's pgn."""
    out = []
    for error in errors[:100]:
        loc = [str(p) for p in error.get("loc", ()) if p not in ("body", "batch")]
        row = None
        if len(loc) >= 2 and loc[0] == "rows" and loc[1].isdigit():
            row, loc = int(loc[1]) + 1, loc[2:]
        out.append(
            {
                "row": row,
                "field": ".".join(loc) or None,
                "reason": str(error.get("msg", "")),
            }
        )
    return out
