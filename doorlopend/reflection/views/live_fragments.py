"""The live fragments rendered once and shared: the facilitator's page, the beamer and
every poll of one session show the same HTML for the same version, so one of them
renders it and the others take it from the cache (Redis in production: shared by
every app server).

A fragment is keyed by the session (`live_key`: its pk, the small-group rule, the
language), the kind of fragment, what else it shows that is not in the version (the
join code, the mode, the address participants type on the beamer) and the version (`views.live._version`: the
answers version of the results shown, the state, the phase, the beamer's theme, the
minute). Nothing in it differs per viewer: forms with a CSRF token (the phase bar)
are rendered per request, outside it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from ..models import Session
from ..selectors.live import live_key

# A version lasts a minute at most (the minute is in it): a little longer is enough.
FRAGMENT_SECONDS = 120


def shared_fragment(
    session: Session,
    kind: str,
    version: str,
    render: Callable[[], str],
    *,
    vary: str = "",
) -> SafeString:
    """The HTML of `kind` for `session` at `version`: from the cache, or rendered once."""
    # The code and the mode too: shown, and not in the version (a reopened session may
    # draw a new code).
    shown = f"{session.join_code}:{session.mode}:{vary}"
    key = f"{live_key(session)}:html:{kind}:{shown}:{version}"
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, str(html), FRAGMENT_SECONDS)
    return mark_safe(html)  # noqa: S308 - our own template's output, kept as rendered
