"""Pseudonyms and encryption at rest for pupil data; both keys come from the environment.

- A pupil is stored under `pseudonym(pgn)`: HMAC-SHA256 of the national pupil number with
  `PUPIL_PSEUDONYM_KEY`. The vo school's and the mbo school's records of one pupil meet on
  it; the number itself is never stored.
- Name and date of birth are Fernet-encrypted (`EncryptedTextField`) with
  `PUPIL_DATA_KEYS` (newest first; older keys still decrypt until rotated).
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@lru_cache(maxsize=4)
def _hmac_base(key: str):
    if not key:
        raise ImproperlyConfigured("PUPIL_PSEUDONYM_KEY is not set.")
    return hmac.new(key.encode(), b"doorlopend-pgn:", hashlib.sha256)


def pseudonym(pgn: str) -> str:
    """The pseudonym of a normalised PGN (see `pgn.pgn_normalise`): 64 hex characters."""
    mac = _hmac_base(settings.PUPIL_PSEUDONYM_KEY).copy()
    mac.update(pgn.encode())
    return mac.hexdigest()


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("PUPIL_DATA_KEYS is not set.")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.PUPIL_DATA_KEYS))


def encrypt(value: str) -> str:
    """A Fernet token for `value`; the empty string stays empty."""
    if not value:
        return ""
    return fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured(
            "Pupil data cannot be decrypted with PUPIL_DATA_KEYS: was a key dropped?"
        ) from None


def rotate(token: str) -> str:
    """The token re-encrypted with the newest key."""
    if not token:
        return ""
    return fernet().rotate(token.encode()).decode()


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token; Python code only ever sees the plain text.

    Not searchable or sortable in the database, by design.
    """

    # Backups hash every table holding such a field (core.backup.postgres.pupil_tables).
    pupil_data = True

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else ""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else ""
