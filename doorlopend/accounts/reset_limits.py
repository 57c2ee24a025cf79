"""How often a password-reset link may be asked for: per address and per network.

Every request counts, for a known address or not, so that being limited says nothing about
whether an account exists. An address over its limit gets the same "if the address is
known, a link is on its way" page as any other, but no e-mail: a stranger cannot fill a
colleague's inbox. A network over its limit is told so (429): that reveals nothing about
any address, and someone behind a busy school address should not wait for a mail that
will not come. django-ratelimit keeps only a hash of the address and the IP as cache keys.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from .lockout import login_key

ADDRESS_GROUP = "accounts.password_reset.address"
IP_GROUP = "accounts.password_reset.ip"


def network_over_limit(request: HttpRequest) -> bool:
    """Count this request for its IP address; True when over PASSWORD_RESET_IP_RATE."""
    return is_ratelimited(
        request,
        group=IP_GROUP,
        key="ip",
        rate=settings.PASSWORD_RESET_IP_RATE,
        increment=True,
    )


def address_over_limit(request: HttpRequest, email: str) -> bool:
    """Count this request for the address as login spells it (case-blind); True when over
    PASSWORD_RESET_ADDRESS_RATE."""
    return is_ratelimited(
        request,
        group=ADDRESS_GROUP,
        key=lambda _group, _request: login_key(email),
        rate=settings.PASSWORD_RESET_ADDRESS_RATE,
        increment=True,
    )
