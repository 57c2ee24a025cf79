"""Answers kept for the rest of one request, so that what two sections of a page ask
alike is read once: the newest version of a national instrument, a route's parties.

`RequestMemoMiddleware` opens an empty memo for each GET (and HEAD) request and drops
it after the response. A request that may write (POST, …) gets none, so it never reads
an answer from before its own change; nor does anything outside a request (the worker,
a management command, a test that calls a selector): there every call computes afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import TypeVar

from django.http import HttpRequest, HttpResponse

T = TypeVar("T")
SAFE_METHODS = ("GET", "HEAD")

_memo: ContextVar[dict | None] = ContextVar("request_memo", default=None)


def memoised(key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, once per request for `key` (every time outside a request)."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


class RequestMemoMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in SAFE_METHODS:
            return self.get_response(request)
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
