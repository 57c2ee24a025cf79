"""The live results of a session: computed once, shared by the facilitator, the beamer
and every poll through the cache (Redis in production: shared by every app server).

An entry holds the results (already through the anonymity rule of `session_results`)
and the session's `answers_version` they were computed at. It is used while that
version is still the session's, and while it is younger than REFLECTION_RESULTS_SECONDS
whatever came in meanwhile: a hall of phones answering every second makes one
computation per interval, not one per poll. One process computes a stale entry; the
others show the stale one meanwhile. Inside a request the stale entry is shown to that
request too, and computed again once its answer is sent (`core.after_response`): no poll
waits for the counting of a hall's answers; the next poll shows them.
"""

from __future__ import annotations

import time
from dataclasses import replace
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language, override
from django_scopes import scope

from doorlopend.core.after_response import after_response

from ..models import Session
from .results import SessionResults, min_group, session_results

TIMEOUT = 3600  # an hour: a closed session's results stay until then


def live_key(session: Session) -> str:
    """The cache key of what is shown live of `session` in the active language."""
    # The creation time too: a test database hands out a rolled-back pk again. The
    # language: the labels of sectors and layers are translated when computed.
    created = session.created_at.timestamp() if session.created_at else 0
    return f"reflection:live:{session.pk}:{created:.6f}:{min_group()}:{get_language()}"


def live_results(session: Session) -> tuple[SessionResults, int]:
    """The results to show, and the answers version of the session they are of."""
    key, interval = live_key(session), settings.REFLECTION_RESULTS_SECONDS
    entry = cache.get(key)  # (answers version, computed at, results without definition)
    now = time.time()
    if entry is not None:
        version, computed_at, results = entry
        current = version == session.answers_version or now - computed_at < interval
        stale = replace(results, definition=session.instrument.definition), version
        if current or (interval > 0 and not cache.add(f"{key}:busy", 1, interval)):
            return stale
        if interval > 0 and after_response(
            partial(_compute_later, session, key, get_language())
        ):
            return stale
    return _compute(session, key)


def _compute(session: Session, key: str) -> tuple[SessionResults, int]:
    version = session.answers_version  # read before the answers: never claims too new
    results = session_results(session)
    cache.set(key, (version, time.time(), replace(results, definition=None)), TIMEOUT)
    return results, version


def _compute_later(session: Session, key: str, language: str) -> None:
    """After the answer: the request's scope and language are gone, so bring them."""
    try:
        with scope(partnership=session.partnership_id), override(language):
            session.refresh_from_db(fields=["answers_version"])
            _compute(session, key)
    finally:
        cache.delete(f"{key}:busy")
