"""Secret tokens that are shown once and kept only as their SHA-256.

The one helper behind every such token: a pupil's personal link, a calendar feed, an
invitation and an API key. The token (32 random bytes, URL-safe) is the secret; the
database holds its hash, so nobody can read a token back, and a lost one is replaced,
not looked up. A plain SHA-256 suffices: the token has 256 bits of entropy, so there is
nothing to guess that a slow hash would protect.
"""

from __future__ import annotations

import hashlib
import secrets


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_new() -> tuple[str, str]:
    """A fresh (token, hash) pair: the token is shown once, the hash is stored."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)
