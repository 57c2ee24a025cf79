"""The JSON API for school systems: one NinjaAPI, OpenAPI 3.1 at /api/openapi.json, its
docs at /api/docs (Swagger UI from django-ninja's own static files, no CDN)."""

from __future__ import annotations

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError

from .endpoints import figures, progress, pupils, reflection, signals
from .problems import CONTENT_TYPE, ApiProblem, problem_response, validation_errors

DESCRIPTION = """\
For school systems (a leerlingvolgsysteem, an mbo's student administration) and
dashboards. A coördinator or decaan makes a key on the partnership's page "API-sleutels";
send it as `Authorization: Bearer <key>`. A key acts as the member who made it, limited
to its scopes, and reads no more than that member's pages show. Every read and write of
pupil data is in the school's access log with the key's name.

Errors are problem details (RFC 9457, `application/problem+json`), titled in Dutch, or
in English with `Accept-Language: en`. A refused batch lists each refused row (1-based)
with the reason; nothing of it is written. The problem types (`type`, relative to this
site): `/api/problems/bad-request` (400), `unauthorized` (401: no key, or an unknown,
expired or revoked one), `forbidden` (403: a scope the key lacks), `not-found` (404:
another partnership or school), `too-large` (413: more rows than one batch may hold),
`refused` (422), `rate-limited` (429: wait the `Retry-After` seconds).
"""


class DoorlopendAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        """Problems are documented as what they are: application/problem+json."""
        schema = super().get_openapi_schema(**kwargs)
        for path in schema.get("paths", {}).values():
            for op in path.values():
                for status, response in op.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        content[CONTENT_TYPE] = content.pop("application/json")
        return schema


api = DoorlopendAPI(
    title="Doorlopend API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs=Swagger(settings={"persistAuthorization": False}),
    # Swagger UI sets style attributes: allowed on this page only, scripts stay 'self'.
    docs_decorator=csp_update({"style-src": [UNSAFE_INLINE]}),
)
for module in (pupils, signals, figures, progress, reflection):
    api.add_router("/v1/", module.router)


def _handle(status: int):
    def handler(request: HttpRequest, exc: Exception) -> HttpResponse:
        headers = (
            {"WWW-Authenticate": 'Bearer realm="doorlopend"'} if status == 401 else {}
        )
        return problem_response(request, status, headers=headers)

    return handler


def _problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
    headers = {"Retry-After": "60"} if exc.status == 429 else {}
    return problem_response(request, exc.status, exc.detail, exc.errors, headers)


def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return problem_response(request, 422, errors=validation_errors(exc.errors))


def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    status = exc.status_code if exc.status_code in (400, 401, 403, 404, 405) else 400
    return problem_response(request, status)


api.add_exception_handler(AuthenticationError, _handle(401))
api.add_exception_handler(Http404, _handle(404))
api.add_exception_handler(PermissionDenied, _handle(403))
api.add_exception_handler(RequestDataTooBig, _handle(413))
api.add_exception_handler(ApiProblem, _problem)
api.add_exception_handler(ValidationError, _invalid)
api.add_exception_handler(HttpError, _http_error)
