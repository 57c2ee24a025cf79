"""The builders of generated documents, by kind, filled from the apps' `AppConfig.ready()`.

A builder takes its subject (a route, or the partnership for a document of the whole
partnership) and an optional `progress(percent)` callback, and returns the file's bytes
and its content as plain text lines. `documents` makes and keeps the files and looks the
builder up here by kind; the app that knows a kind's content registers it. The registry
lives in `core` so that an app before `documents` in the app order (planning) can fill it
without importing `documents`.
"""

from __future__ import annotations

from collections.abc import Callable

Builder = Callable[..., tuple[bytes, str]]

_BUILDERS: dict[str, Builder] = {}


def builder_register(kind: str, builder: Builder) -> None:
    """Register `kind`'s builder (a kind has one: a later registration replaces it)."""
    _BUILDERS[kind] = builder


def builder_for(kind: str) -> Builder:
    """The builder registered for `kind` (LookupError when no app registered one)."""
    try:
        return _BUILDERS[kind]
    except KeyError:
        raise LookupError(f"No builder is registered for {kind!r}.") from None
